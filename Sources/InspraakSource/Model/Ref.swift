/// A reference from one record to another (`<id>`) or to one of its items (`<id>#<item>`).
public struct Ref: Sendable, Hashable, CustomStringConvertible {
    public let target: String
    public let item: String?
    public let location: SourceLocation

    public init(target: String, item: String?, location: SourceLocation) {
        self.target = target
        self.item = item
        self.location = location
    }

    public static func parse(_ text: String, at location: SourceLocation) -> Ref {
        let trimmed = text.trimmingSpaces()
        // In ASCII (every well-formed ref) a byte is a character: `#` is found in the UTF-8,
        // without breaking graphemes; other text by Character, so `#` and a combining mark
        // after it stay one character.
        let ascii = trimmed.utf8.allSatisfy { $0 < 0x80 }
        if let hash = ascii ? trimmed.utf8.firstIndex(of: UInt8(ascii: "#")) : trimmed.firstIndex(of: "#") {
            let item = String(trimmed[trimmed.index(after: hash)...])
            return Ref(target: String(trimmed[..<hash]), item: item, location: location)
        }
        return Ref(target: trimmed, item: nil, location: location)
    }

    public var description: String { item.map { "\(target)#\($0)" } ?? target }
}

/// An input point of a meeting or a recommendation of an advice.
public struct Item: Sendable, Hashable {
    public let id: String
    /// Inline Markdown.
    public let text: String
    public let location: SourceLocation
}

/// A document attached to a record: a file in its page bundle, or a link.
public struct Attachment: Sendable, Hashable {
    public let title: String
    /// Relative to the bundle folder.
    public let file: String?
    public let url: String?
    public let location: SourceLocation
}

/// A feedback's answer to one ref.
public struct Response: Sendable, Hashable {
    public let ref: Ref
    /// Nil for an entry that reports implementation only: the item keeps its outcome.
    public let outcome: Outcome?
    /// Inline Markdown; the reason, for `not-adopted`.
    public let note: String?
    public var implementation: Implementation? = nil
    /// The promised date: of a decision (`in-progress`) or of completion (with `implementation`).
    public var expected: Day? = nil
}

/// A link to a formal decision (`decision: {title, url}`).
public struct DecisionLink: Sendable, Hashable {
    public let title: String
    public let url: String
}
