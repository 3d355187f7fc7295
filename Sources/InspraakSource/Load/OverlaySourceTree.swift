import Foundation

/// Edited files and deletions laid over another tree (for `serve`: the editor's unsaved files over
/// the disk). An edit wins over a deletion at or above its path; folders that only edits lie in
/// exist. Links, identities and git history are the base tree's.
public struct OverlaySourceTree: SourceTree {
    public let base: any SourceTree
    /// Files whose bytes replace the base tree's, or are added to it.
    public private(set) var edits: [String: [UInt8]] = [:]
    /// Files and folders (with everything in them) that are gone.
    public private(set) var deletions: Set<String> = []
    /// Each folder that edits lie in, with the names of its edited entries and their kinds.
    private var editedFolders: [String: [String: FileKind]] = [:]

    /// `base` with `deletions` made, then `edits` laid over it.
    public init(over base: any SourceTree, edits: [String: [UInt8]] = [:], deletions: [String] = []) {
        self.base = base
        for path in deletions { delete(path) }
        for (path, bytes) in edits.sorted(by: { $0.key < $1.key }) { edit(path, bytes: bytes) }
    }

    /// Replaces (or adds) the file at `path`.
    public mutating func edit(_ path: String, bytes: [UInt8]) {
        edits[path] = bytes
        var child = path
        while !child.isEmpty {
            let folder = SourcePath.parent(of: child)
            editedFolders[folder, default: [:]][SourcePath.name(of: child)] = child == path ? .regular : .directory
            child = folder
        }
    }

    public mutating func edit(_ path: String, text: String) {
        edit(path, bytes: Array(text.utf8))
    }

    /// Removes the file or folder at `path`, and any edit at or below it.
    public mutating func delete(_ path: String) {
        deletions.insert(path)
        let remaining = edits.filter { $0.key != path && !$0.key.hasPrefix(path + "/") }
        guard remaining.count != edits.count else { return }
        edits = [:]
        editedFolders = [:]
        for (edited, bytes) in remaining { edit(edited, bytes: bytes) }
    }

    public var diskFolder: URL? { base.diskFolder }

    public func list(_ folder: String) -> SourceListing {
        let edited = editedFolders[folder] ?? [:]
        var entries: [SourceEntry] = []
        if !isDeleted(folder) {
            switch base.list(folder) {
            case .entries(let listed): entries = listed
            case .unreadable where !edited.isEmpty: break
            case .unreadable(let cause): return .unreadable(cause)
            }
        } else if edited.isEmpty {
            return .unreadable(FileKind.cause(ENOENT))
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        entries.removeAll { edited[$0.name] != nil || isDeleted(prefix + $0.name) }
        entries += edited.map { SourceEntry(name: $0.key, kind: $0.value) }
        return .entries(SourceEntry.sorted(entries))
    }

    public func kind(of path: String) -> FileKind {
        if edits[path] != nil { return .regular }
        if editedFolders[path] != nil { return .directory }
        return isDeleted(path) ? .missing : base.kind(of: path)
    }

    public func read(_ path: String, limit: Int) -> SourceReading {
        if let bytes = edits[path] { return bytes.count > limit ? .tooLarge : .bytes(bytes) }
        if editedFolders[path] != nil { return .notRegular(.directory) }
        return isDeleted(path) ? .missing : base.read(path, limit: limit)
    }

    /// An edited file, or a folder only edits lie in, is where its folder leads (not where a link
    /// it replaced led); the rest is where the base tree says.
    public func resolved(_ path: String) -> String {
        let onlyHere = edits[path] != nil || (editedFolders[path] != nil && (isDeleted(path) || base.kind(of: path) == .missing))
        guard !path.isEmpty, onlyHere else { return base.resolved(path) }
        let folder = resolved(SourcePath.parent(of: path))
        return (folder.hasSuffix("/") ? folder : folder + "/") + SourcePath.name(of: path)
    }

    /// Whether `path` or a folder above it was deleted (edits are asked before this).
    private func isDeleted(_ path: String) -> Bool {
        var current = path
        while true {
            if deletions.contains(current) { return true }
            if current.isEmpty { return false }
            current = SourcePath.parent(of: current)
        }
    }
}
