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
        var keys = Set<String>()
        for path in paths {
            var folder = path
            keys.insert(folder)
            while !folder.isEmpty {
                folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
                keys.insert(folder)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        // Only a folder has anything below it (one renamed or deleted as a whole): look through
        // everything known only then, not after every saved file.
        let folders = paths.filter { path in listings[path] != nil || listings.keys.contains { $0.hasPrefix(path + "/") } }
        for key in keys {
            listings[key] = nil
            kinds[key] = nil
            readings[key] = nil
            resolutions[key] = nil
        }
        guard !folders.isEmpty else { return }
        let below = { (key: String) -> Bool in folders.contains { key.hasPrefix($0 + "/") } }
        listings = listings.filter { !below($0.key) }
        kinds = kinds.filter { !below($0.key) }
        readings = readings.filter { !below($0.key) }
        resolutions = resolutions.filter { !below($0.key) }
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
