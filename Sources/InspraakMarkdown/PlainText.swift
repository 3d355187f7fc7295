/// Text with nothing Markdown could read as syntax, which needs no parser: most input points and
/// recommendations are one plain sentence, and a site has tens of thousands of them.
///
/// The test is deliberately narrow: one line, no character that starts inline syntax or an
/// autolink, nothing at the start that could open a block. What passes renders exactly as cmark
/// renders it (its paragraph with `"` escaped), which the tests check against cmark itself.
enum PlainText {
    static func inlineHTML(_ text: String) -> String? {
        guard isPlain(text) else { return nil }
        return text.utf8.contains(UInt8(ascii: "\"")) ? text.replacing("\"", with: "&quot;") : text
    }

    /// The text as `Markdown.plainText` gives it: the text itself. Feeds word tens of thousands
    /// of status changes from input points and notes.
    static func plain(_ text: String) -> String? {
        isPlain(text) ? text : nil
    }

    private static func isPlain(_ text: String) -> Bool {
        // Over the stored bytes, with a table per byte: a `Set<UInt8>` hashed every byte of
        // every item text (a tenth of the status-change feeds' time).
        var text = text
        return text.withUTF8(isPlain)
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        // No leading or trailing space (cmark trims it), nothing that opens a block.
        guard first > 0x20, last > 0x20, !blockStarts[Int(first)] else { return false }
        let stops = Self.stops
        for index in bytes.indices {
            let byte = bytes[index]
            if stops[Int(byte)] { return false }
            // `scheme://` and `www.` become links (autolink extension).
            if byte == UInt8(ascii: ":"), index + 2 < bytes.count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F { return false }
            if byte == UInt8(ascii: "."), index >= 3,
               bytes[index - 3] | 0x20 == UInt8(ascii: "w"), bytes[index - 2] | 0x20 == UInt8(ascii: "w"), bytes[index - 1] | 0x20 == UInt8(ascii: "w") { return false }
        }
        // An ordered-list marker: digits, then `.` or `)`.
        if (0x30...0x39).contains(first) {
            var digits = 0
            while digits < bytes.count, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
            if digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")") { return false }
        }
        return true
    }

    /// Bytes that end the test: control characters, and characters that start inline syntax,
    /// an HTML tag or entity, a table cell, an autolinked e-mail address, or a line break.
    private static let stops: [Bool] = table { $0 < 0x20 || $0 == 0x7F || "\\`*_[]<>!&~|@".utf8.contains($0) }
    /// Characters that open a block when a line starts with them (heading, list, quote, rule).
    private static let blockStarts: [Bool] = table { "#-+*>=".utf8.contains($0) }

    private static func table(_ member: (UInt8) -> Bool) -> [Bool] {
        (0...255).map { member(UInt8($0)) }
    }
}
