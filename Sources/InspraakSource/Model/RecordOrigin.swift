/// Where a record was read from, as plain values: what later stages need of its file (the
/// path for messages, a page bundle's files to copy), without the load stage's types.
public struct RecordOrigin: Sendable, Hashable {
    /// Relative to the source folder, e.g. `content/meetings/2019-05-14-stamtafel.md`.
    public let path: String
    /// For a page bundle, its folder (relative to the source folder), else nil.
    public let bundleFolder: String?
    /// A page bundle's other files, relative to the bundle, sorted.
    public let bundleFiles: [String]

    public init(path: String, bundleFolder: String? = nil, bundleFiles: [String] = []) {
        self.path = path
        self.bundleFolder = bundleFolder
        self.bundleFiles = bundleFiles
    }
}

/// A front-matter field the model does not know, kept as written for themes (`extra.<key>`).
public struct ExtraField: Sendable {
    public let key: String
    public let value: ExtraValue

    public init(key: String, value: ExtraValue) {
        self.key = key
        self.value = value
    }
}

/// An extra field's value: what YAML and TOML can write, with the type they wrote.
public indirect enum ExtraValue: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case empty
    case list([ExtraValue])
    case fields([ExtraField])
}

extension RecordOrigin {
    init(_ source: SourceDocument) {
        self.init(path: source.path, bundleFolder: source.bundleFolder, bundleFiles: source.bundleFiles)
    }
}

extension ExtraValue {
    /// A field as read, in the model's own terms.
    init(_ field: Field) {
        switch field.value {
        case .string(let text): self = .text(text)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .boolean(let flag): self = .boolean(flag)
        case .null: self = .empty
        case .list(let items): self = .list(items.map(ExtraValue.init))
        case .table(let table): self = .fields(table.entries.map { ExtraField(key: $0.key, value: ExtraValue($0.field)) })
        }
    }
}
