/// The folders under `content/` that hold records, in the order they are scanned.
public enum ContentFolder: String, Sendable, CaseIterable, Comparable {
    case meetings
    case advice
    case feedback
    case themes
    case places
    case councils

    /// Folders that define what records name (a theme, a place, a council), not records.
    public var isDefinition: Bool { self == .themes || self == .places || self == .councils }

    public static func < (lhs: ContentFolder, rhs: ContentFolder) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One record file found under `content/`, before it is read.
public struct SourceDocument: Sendable, Hashable {
    public let folder: ContentFolder
    /// The file or bundle name: the record's id, once checked.
    public let name: String
    /// Relative to the source folder, e.g. `content/meetings/2019-05-14-stamtafel.md`.
    public let path: String
    /// For a page bundle, its folder (relative to the source folder) and its other files
    /// (relative to the bundle, sorted).
    public let bundleFolder: String?
    public let bundleFiles: [String]

    public init(folder: ContentFolder, name: String, path: String, bundleFolder: String? = nil, bundleFiles: [String] = []) {
        self.folder = folder
        self.name = name
        self.path = path
        self.bundleFolder = bundleFolder
        self.bundleFiles = bundleFiles
    }
}

/// A record file read and split: its fields and its Markdown body.
public struct LoadedDocument: Sendable {
    public let source: SourceDocument
    public let frontMatter: FrontMatter
    public let fields: FieldTable
    /// What git says about the file, when the site is in a repository with full history.
    public let history: FileHistory?

    package init(source: SourceDocument, frontMatter: FrontMatter, fields: FieldTable, history: FileHistory?) {
        self.source = source
        self.frontMatter = frontMatter
        self.fields = fields
        self.history = history
    }
}
