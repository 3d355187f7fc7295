#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file read whole with a single `open`, `fstat` and `read` loop: the load stage reads
/// every record, and FileManager's attributes-then-contents costs three system calls more each.
///
/// Only regular files are opened: opening a named pipe waits until something writes to it,
/// and a device may never end. The kind is looked up first (`stat`), and the `open` itself
/// does not wait (`O_NONBLOCK`) in case the file is swapped for a pipe in between.
enum SourceFile {
    static func read(_ path: String, limit: Int) -> SourceReading {
        switch FileKind.of(path) {
        case .regular: break
        case .missing: return .missing
        case .unknown(let code): return .unreadable(FileKind.cause(code))
        case let other: return .notRegular(other)
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .missing : .unreadable(FileKind.cause(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(FileKind.cause(errno)) }
        let kind = FileKind(mode: status.st_mode)
        guard kind == .regular else { return .notRegular(kind) }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge }
        // Read into memory that is not zeroed first (zeroing every file was 1% of `check`).
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = posixRead(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failure != 0 { return .unreadable(FileKind.cause(failure)) }
        return .bytes(bytes)
    }
}

/// The C `read`, reachable from inside `SourceFile` (whose own `read` shadows it).
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
