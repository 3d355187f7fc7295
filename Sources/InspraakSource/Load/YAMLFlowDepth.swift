/// How deep YAML's brackets (`[ ]`, `{ }`) nest, measured on the text before libyaml reads it.
///
/// The event reader limits depth as it reads, but libyaml's scanner looks ahead over a line of
/// brackets first, and the libyaml that Yams bundles (linked into the test binary in place of
/// the system's) refuses 1,000 levels on its own, at the first bracket. Measuring here gives
/// the same message at the same place with either library.
///
/// Lenient on purpose: quoted text and comments are skipped, and brackets inside plain text
/// (`title: Stamtafel [verslag]`) count but close again. It can only miss depth (the event
/// reader still catches that), and finds too much only for 65 unclosed brackets in a text.
enum YAMLFlowDepth {
    /// The 1-based line and column of the first bracket deeper than `limit`.
    static func firstTooDeep(_ text: String, limit: Int) -> (line: Int, column: Int)? {
        // Depth grows only at a bracket: with no more brackets than the limit, none is too deep.
        // Front matter has a few (`themes: [wonen]`), so most files need no scan by scalar.
        let count = { (bytes: UnsafeBufferPointer<UInt8>) -> Int in
            var brackets = 0
            for byte in bytes where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { brackets += 1 }
            return brackets
        }
        // Over the stored bytes: through `text.utf8`'s iterator this count was 2% of `check`.
        let brackets = text.utf8.withContiguousStorageIfAvailable(count)
            ?? text.utf8.reduce(0) { $1 == UInt8(ascii: "[") || $1 == UInt8(ascii: "{") ? $0 + 1 : $0 }
        guard brackets > limit else { return nil }
        var depth = 0
        var line = 1
        var column = 0
        /// The character just before, and the last one that is not a space or tab.
        var before: Unicode.Scalar = "\n"
        var lastVisible: Unicode.Scalar = "\n"
        var quote: Unicode.Scalar?
        var escaped = false
        var inComment = false
        for scalar in text.unicodeScalars {
            column += 1
            defer {
                before = scalar
                if scalar != " " && scalar != "\t" { lastVisible = scalar }
                if scalar == "\n" { line += 1; column = 0 }
            }
            if inComment {
                inComment = scalar != "\n"
                continue
            }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"", scalar == "\\" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "#" where before == " " || before == "\t" || before == "\n":
                inComment = true
            case "\"", "'" where ["\n", ":", "-", ",", "[", "{", "?"].contains(lastVisible):
                // Only where a value can start; an apostrophe inside plain text is just text.
                quote = scalar
            case "[", "{":
                depth += 1
                if depth > limit { return (line, column) }
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }
}
