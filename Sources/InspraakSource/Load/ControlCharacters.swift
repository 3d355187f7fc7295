/// Invisible control characters in front matter (U+0001–U+001F but tab, line feed and carriage
/// return; U+007F; U+0080–U+009F) are errors before any value reaches a page, a feed or a
/// message: a browser shows them as nothing or as boxes, and XML forbids most of them.
/// Written as such, they are found in the text before either parser sees it (libyaml would
/// point at the front matter's first line, toml++ takes U+0080–U+009F in text); YAML and TOML
/// both also let them in through escapes (`"\u0001"`), so the fields are checked after either
/// parser too, where they are read.
enum ControlCharacters {
    /// The first control character of a text, as a message names it (`U+0001`).
    static func first(in text: String) -> String? {
        // Most text has no byte below a space but tabs and line breaks, and no U+0080–U+009F (C2 80–9F).
        guard mayHold(text) else { return nil }
        return text.unicodeScalars.first { isControl($0.value) }.map { code($0.value) }
    }

    /// Whether a text has a byte that may start a control character: below a space but line
    /// feed, DEL, or C2 (the lead byte of U+0080–U+00BF). Eight bytes at a time: every front
    /// matter and every text field is asked, and a byte-by-byte loop took 9 instructions a
    /// byte; a word with a byte below a space (a line feed, mostly) is looked at byte by byte.
    static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHold)
    }

    static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func suspect(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // A byte below 0x20, or one equal to 0x7F or 0xC2.
                let below = (word &- ones &* 0x20) & ~word & highs != 0
                if below || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xC2)) {
                    for offset in index..<(index + 8) where suspect(bytes[offset]) { return true }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if suspect(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// The first control character written as such in a text (not as an escape), with its
    /// 1-based line and column: both parsers are given only text that passes.
    static func firstWritten(in text: String) -> (line: Int, column: Int, code: String)? {
        guard first(in: text) != nil else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) { return (line, column, code(scalar.value)) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// A diagnostic for the first control character written in front matter or a TOML file.
    static func checkWritten(_ text: String, path: String, firstLine: Int) -> Diagnostic? {
        guard let found = firstWritten(in: text) else { return nil }
        return .error(SourceLocation(path: path, line: found.line + firstLine - 1, column: found.column),
                      LoadMessage.controlCharacter(found.code))
    }

    static func isControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    static func code(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The first key or text value holding a control character, in the file's order.
    static func check(_ table: FieldTable) -> Result<FieldTable, Diagnostic> {
        if let problem = firstProblem(in: table) { return .failure(problem) }
        return .success(table)
    }

    private static func firstProblem(in table: FieldTable) -> Diagnostic? {
        for entry in table.entries {
            if let found = first(in: entry.key) {
                return .error(entry.keyLocation, LoadMessage.controlCharacter(found))
            }
            if let problem = firstProblem(in: entry.field) { return problem }
        }
        return nil
    }

    private static func firstProblem(in field: Field) -> Diagnostic? {
        switch field.value {
        case .string(let text):
            guard let found = first(in: text) else { return nil }
            return .error(field.location, LoadMessage.controlCharacter(found))
        case .list(let items):
            for item in items {
                if let problem = firstProblem(in: item) { return problem }
            }
            return nil
        case .table(let table):
            return firstProblem(in: table)
        case .integer, .number, .boolean, .null:
            return nil
        }
    }
}
