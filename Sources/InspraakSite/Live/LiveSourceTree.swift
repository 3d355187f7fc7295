import Foundation
import InspraakSource

/// The site's folder on disk, remembered between rebuilds: `serve` reloads the whole site after
/// each edit, and asks the disk again only about the paths the watcher said changed (and the
/// folders above them, whose listings change). Loading reads on all cores, hence the lock.
final class LiveSourceTree: SourceTree, @unchecked Sendable {
    private let disk: DiskSourceTree
    private let lock = NSLock()
    private var listings: [String: SourceListing] = [:]
    private var kinds: [String: FileKind] = [:]
    private var readings: [String: (limit: Int, reading: SourceReading)] = [:]
    private var resolutions: [String: String] = [:]

    init(root: URL) {
        disk = DiskSourceTree(root: root)
    }

    /// Git is asked once, by the first load (`LoadOptions.knownGitReading` after that).
    var diskFolder: URL? { disk.root }

    /// Forgets what it knew about `paths`, everything below them, and the folders above them.
    func forget(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        var above = Set<String>()
        for path in paths {
            var folder = path
            while !folder.isEmpty {
                folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
                above.insert(folder)
            }
        }
        let gone = { (key: String) -> Bool in
            if paths.contains(key) || above.contains(key) { return true }
            var folder = key
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if paths.contains(folder) { return true }
            }
            return false
        }
        lock.lock()
        defer { lock.unlock() }
        listings = listings.filter { !gone($0.key) }
        kinds = kinds.filter { !gone($0.key) }
        readings = readings.filter { !gone($0.key) }
        resolutions = resolutions.filter { !gone($0.key) }
    }

    func list(_ folder: String) -> SourceListing {
        remembered(folder, in: \.listings) { disk.list(folder) }
    }

    func kind(of path: String) -> FileKind {
        remembered(path, in: \.kinds) { disk.kind(of: path) }
    }

    func resolved(_ path: String) -> String {
        remembered(path, in: \.resolutions) { disk.resolved(path) }
    }

    func read(_ path: String, limit: Int) -> SourceReading {
        lock.lock()
        let known = readings[path]
        lock.unlock()
        if let known, known.limit == limit { return known.reading }
        let reading = disk.read(path, limit: limit)
        lock.lock()
        readings[path] = (limit, reading)
        lock.unlock()
        return reading
    }

    private func remembered<Value>(_ key: String, in table: ReferenceWritableKeyPath<LiveSourceTree, [String: Value]>,
                                   ask: () -> Value) -> Value {
        lock.lock()
        let known = self[keyPath: table][key]
        lock.unlock()
        if let known { return known }
        let value = ask()
        lock.lock()
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }
}
