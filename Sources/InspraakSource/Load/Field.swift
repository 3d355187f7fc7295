/// A front-matter or config value with where it was written: the common shape of YAML and TOML.
///
/// Scalars keep their type as the file wrote it (a quoted YAML `"42"` is a string), so the model
/// can say "`attendees` should be a whole number" instead of guessing.
public struct Field: Sendable {
    public enum Value: Sendable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case null
        case list([Field])
        case table(FieldTable)
    }

    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// What the value is, in words for a message ("a list", "a number").
    public var kindDescription: String {
        LoadMessage.fieldKind(value)
    }
}

/// An ordered set of keyed fields (a YAML mapping or a TOML table).
public struct FieldTable: Sendable {
    public struct Entry: Sendable {
        public let key: String
        /// Where the key itself stands (the value may start on a later line).
        public let keyLocation: SourceLocation
        public let field: Field
    }

    public let entries: [Entry]
    public let location: SourceLocation

    public init(entries: [Entry], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    public subscript(key: String) -> Field? {
        entries.first { $0.key == key }?.field
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }
}
