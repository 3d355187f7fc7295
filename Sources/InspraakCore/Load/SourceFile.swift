#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file read whole with a single `open`, `fstat` and `read` loop: the load stage reads
/// every record, and FileManager's attributes-then-contents costs three system calls more each.
enum SourceFile {
    enum Result {
        case bytes([UInt8])
        case tooLarge
        /// Missing, no permission, a disk error (the `errno`), or not a regular file
        /// (`FileProblem.notRegularFile`).
        case unreadable(code: Int32)
    }

    static func read(_ path: String, limit: Int) -> Result {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .unreadable(code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(code: errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .unreadable(code: FileProblem.notRegularFile) }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .unreadable(code: errno) }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeSubrange(filled...) }
        return .bytes(bytes)
    }
}

/// The C `read`, reachable from inside `SourceFile` (whose own `read` shadows it).
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
