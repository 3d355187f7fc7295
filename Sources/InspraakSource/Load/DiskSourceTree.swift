import Foundation

/// A site's folder on disk: what `build` and `check` read.
public struct DiskSourceTree: SourceTree {
    public let root: URL
    private let rootPath: String

    public init(root: URL) {
        self.root = root
        self.rootPath = root.path
    }

    public var diskFolder: URL? { root }

    private func full(_ path: String) -> String {
        path.isEmpty ? rootPath : rootPath + "/" + path
    }

    /// `readdir` tells the kind of most entries without a `stat` each (10,000 records, one
    /// folder); nothing is opened. Links, and entries of file systems that do not say, are asked.
    public func list(_ folder: String) -> SourceListing {
        let folderPath = full(folder)
        guard let directory = opendir(folderPath) else { return .unreadable(FileKind.cause(errno)) }
        defer { closedir(directory) }
        var entries: [SourceEntry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(pointer.pointee.d_type) {
            case Int32(DT_DIR): entries.append(SourceEntry(name: name, kind: .directory))
            case Int32(DT_REG): entries.append(SourceEntry(name: name, kind: .regular))
            case Int32(DT_FIFO): entries.append(SourceEntry(name: name, kind: .namedPipe))
            case Int32(DT_SOCK): entries.append(SourceEntry(name: name, kind: .socket))
            case Int32(DT_CHR), Int32(DT_BLK): entries.append(SourceEntry(name: name, kind: .device))
            default:
                // A link, or a file system that does not say: ask.
                entries.append(SourceEntry(name: name, kind: FileKind.of(folderPath + "/" + name), isLink: true))
            }
        }
        return .entries(SourceEntry.sorted(entries))
    }

    public func kind(of path: String) -> FileKind {
        FileKind.of(full(path))
    }

    public func read(_ path: String, limit: Int) -> SourceReading {
        SourceFile.read(full(path), limit: limit)
    }

    public func resolved(_ path: String) -> String {
        URL(fileURLWithPath: full(path)).resolvingSymlinksInPath().path
    }
}
