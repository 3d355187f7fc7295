import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's source folder with inotify (no polling): site.toml, content/ and themes/
/// with every subfolder (folders made later are watched as they appear). Changes are gathered
/// until the folder has been quiet for `quiet` seconds, since an editor's save is several
/// events (a temp file written, then renamed over the record), and handed over as a set of
/// source-relative paths, on the watcher's own thread, one batch at a time.
package final class SourceWatcher: @unchecked Sendable {
    package typealias Handler = @Sendable (Set<String>) -> Void

    private let root: String
    private let quiet: Double
    /// However busy the folder, a batch is handed over at most this long after its first change.
    private let longest: Double
    private let handler: Handler
    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    /// Watch descriptor → its folder, relative to the source ("" for the source itself);
    /// only the watcher's thread touches it once started.
    private var folders: [Int32: String] = [:]
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)

    /// Nil when inotify is not available (the system's limit on watches, or not Linux).
    package init?(source: URL, quiet: Double = 0.04, longest: Double = 0.5, handler: @escaping Handler) {
        root = source.standardizedFileURL.path
        self.quiet = quiet
        self.longest = longest
        self.handler = handler
        #if canImport(Glibc)
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        var ends: [Int32] = [0, 0]
        guard inotify >= 0, pipe(&ends) == 0 else { return nil }
        wake = (ends[0], ends[1])
        guard add(folder: "") else { return nil }
        for tree in WatchRules.trees { _ = addTree(tree) }
        #else
        return nil
        #endif
    }

    /// Starts watching on a thread of its own.
    package func start() {
        let thread = Thread { [self] in
            run()
            stopped.signal()
        }
        thread.name = "inspraak watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching; a batch being handled is finished first.
    package func stop() {
        guard thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        stopped.wait()
        thread = nil
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    private func run() {
        var pending = Set<String>()
        var first = 0.0
        var last = 0.0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let due = min(last + quiet, first + longest) - Self.now()
                timeout = Int32(max(0, (due * 1000).rounded(.up)))
            }
            var watched = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&watched, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if watched[1].revents != 0 { return }
            if ready > 0, watched[0].revents != 0 {
                let changes = read(into: &buffer)
                if !changes.isEmpty {
                    let now = Self.now()
                    if pending.isEmpty { first = now }
                    last = now
                    pending.formUnion(changes)
                }
                continue
            }
            if !pending.isEmpty, Self.now() >= min(last + quiet, first + longest) - 0.0005 {
                let batch = pending
                pending.removeAll()
                handler(batch)
            }
        }
    }

    /// Every event waiting, as the source-relative paths that changed.
    private func read(into buffer: inout [UInt8]) -> Set<String> {
        var changed = Set<String>()
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return changed }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                offset += header + length
                changed.formUnion(event(descriptor, mask: mask, name: String(decoding: nameBytes, as: UTF8.self)))
            }
        }
    }

    private func event(_ descriptor: Int32, mask: UInt32, name: String) -> Set<String> {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: everything may have changed.
            return Set(WatchRules.trees.flatMap { files(in: $0) } + [WatchRules.configFile])
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[descriptor] = nil
            return []
        }
        guard let folder = folders[descriptor], !name.isEmpty, !WatchRules.isIgnored(name: name) else { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        guard WatchRules.isWatched(path) || (folder.isEmpty && WatchRules.trees.contains(name)) else { return [] }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // A folder made or moved in: watched from now on, and each file in it is new.
            return Set(addTree(path)).union([path])
        }
        return [path]
    }

    private func add(folder: String) -> Bool {
        let path = folder.isEmpty ? root : root + "/" + folder
        let descriptor = inotify_add_watch(inotify, path, Self.mask)
        guard descriptor >= 0 else { return false }
        folders[descriptor] = folder
        return true
    }

    /// Watches a folder and every folder below it; the files found in it.
    private func addTree(_ folder: String) -> [String] {
        guard add(folder: folder) else { return [] }
        var found: [String] = []
        let path = root + "/" + folder
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where !WatchRules.isIgnored(name: name) {
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                found += addTree(folder + "/" + name)
            } else {
                found.append(folder + "/" + name)
            }
        }
        return found
    }

    /// The files under a folder, without watching anything.
    private func files(in folder: String) -> [String] {
        let path = root + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        return walker.compactMap { $0 as? String }.map { folder + "/" + $0 }.filter { WatchRules.isWatched($0) }
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    #else
    private func run() {}
    #endif
}
