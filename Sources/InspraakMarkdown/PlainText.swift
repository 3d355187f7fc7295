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
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        // No leading or trailing space (cmark trims it), nothing that opens a block.
        guard first > 0x20, last > 0x20, !blockStarts.contains(first) else { return false }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 || byte == 0x7F || syntax.contains(byte) { return false }
            // `scheme://` and `www.` become links (autolink extension).
            if byte == UInt8(ascii: ":"), bytes[(index + 1)...].starts(with: [0x2F, 0x2F]) { return false }
            if byte == UInt8(ascii: "."), index >= 3, bytes[(index - 3)..<index].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }) { return false }
        }
        // An ordered-list marker: digits, then `.` or `)`.
        if (0x30...0x39).contains(first) {
            let digits = bytes.prefix { (0x30...0x39).contains($0) }.count
            if digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")") { return false }
        }
        return true
    }

    /// Characters that start inline syntax, an HTML tag or entity, a table cell, an autolinked
    /// e-mail address, or a line break.
    private static let syntax: Set<UInt8> = Set("\\`*_[]<>!&~|@".utf8)
    /// Characters that open a block when a line starts with them (heading, list, quote, rule).
    private static let blockStarts: Set<UInt8> = Set("#-+*>=".utf8)
}
