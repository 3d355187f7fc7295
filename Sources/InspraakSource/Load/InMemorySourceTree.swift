import Foundation

/// A whole site held in memory: for tests, and for sites made in a program. It has no links, no
/// pipes and no history; folders are those its files lie in, plus any path given ending in `/`
/// (an empty folder).
public struct InMemorySourceTree: SourceTree {
    private let files: [String: [UInt8]]
    /// Each folder's entries, sorted; `""` is the site's folder.
    private let folders: [String: [SourceEntry]]

    /// Files by path under the site's folder (`site.toml`, `content/meetings/x.md`). A name that
    /// is a file in one path and a folder in another is a folder.
    public init(files: [String: [UInt8]]) {
        var contents: [String: [UInt8]] = [:]
        var folderPaths: Set<String> = [""]
        for (path, bytes) in files {
            let parts = path.split(separator: "/")
            let isFolder = path.hasSuffix("/")
            for end in 0..<parts.count where end < parts.count - 1 || isFolder {
                folderPaths.insert(parts[...end].joined(separator: "/"))
            }
            if !isFolder, !parts.isEmpty { contents[parts.joined(separator: "/")] = bytes }
        }
        contents = contents.filter { !folderPaths.contains($0.key) }
        var entries: [String: [SourceEntry]] = [:]
        for folder in folderPaths { entries[folder] = [] }
        for folder in folderPaths where !folder.isEmpty {
            entries[SourcePath.parent(of: folder)]!.append(SourceEntry(name: SourcePath.name(of: folder), kind: .directory))
        }
        for path in contents.keys {
            entries[SourcePath.parent(of: path)]!.append(SourceEntry(name: SourcePath.name(of: path), kind: .regular))
        }
        self.files = contents
        self.folders = entries.mapValues(SourceEntry.sorted)
    }

    /// Text files by path, stored as their UTF-8 bytes.
    public init(texts: [String: String]) {
        self.init(files: texts.mapValues { Array($0.utf8) })
    }

    public var diskFolder: URL? { nil }

    public func list(_ folder: String) -> SourceListing {
        if let entries = folders[folder] { return .entries(entries) }
        return .unreadable(FileKind.cause(files[folder] == nil ? ENOENT : ENOTDIR))
    }

    public func kind(of path: String) -> FileKind {
        if files[path] != nil { return .regular }
        return folders[path] == nil ? .missing : .directory
    }

    public func read(_ path: String, limit: Int) -> SourceReading {
        guard let bytes = files[path] else { return folders[path] == nil ? .missing : .notRegular(.directory) }
        return bytes.count > limit ? .tooLarge : .bytes(bytes)
    }

    /// Without links every path leads to itself.
    public func resolved(_ path: String) -> String {
        "/" + path
    }
}
