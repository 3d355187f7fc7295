/// Text written into YAML front matter so that it reads back as exactly the same text: a title
/// with `: `, `#`, quotes, a leading `-` or `[`, or that reads as `null`, `yes` or `2024`.
enum YAMLText {
    /// A double-quoted scalar. Backslash escapes for `"` and `\`, and for every character YAML
    /// would not keep as written: control characters, line and paragraph separators (which
    /// YAML folds into spaces), the byte-order mark and the non-characters U+FFFE and U+FFFF.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0B}": result += "\\v"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}", "\u{FFFE}", "\u{FFFF}": result += "\\u" + hex(scalar.value, digits: 4)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Plain when that reads back as the same text (an id, a slug, a ref like `advies#r1`),
    /// otherwise double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainText(text) ? text : doubleQuoted(text)
    }

    /// Lower-case letters, digits, `-` and `#` (not first), and not a word or number YAML
    /// readers take for something else (`null`, `true`, `no`, `2024`, `1e5`).
    private static func isPlainText(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != "#" else { return false }
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "#" }
        let special: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        return allowed && !special.contains(text) && Int(text) == nil && Double(text) == nil
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
