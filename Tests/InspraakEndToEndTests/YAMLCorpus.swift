import Foundation

/// Random but valid YAML front matters from a seeded generator: nested mappings and lists,
/// plain, quoted and block scalars, unicode, dates, numbers, booleans, nulls, comments, blank
/// lines and flow collections. The same seed gives the same corpus on every run.
struct YAMLCorpus {
    var random: FuzzTests.Seeded

    init(seed: UInt64) { random = FuzzTests.Seeded(state: seed) }

    /// Plain scalars, in block context: words, unicode, and every kind of value YAML 1.1 and
    /// 1.2 type differently (so the documented differences are exercised, not just assumed).
    static let plainWords = [
        "Lindeveen", "stamtafel", "café", "Ünïcödé tekst", "日本語", "emoji 😀", "twee woorden", "a-b", "x_y", "zo'n",
        "50%", "v1.2.3", "a:b", "http://example.nl/a?b=c", "prijs €5", "C#", "e-mail@example.nl", "een - twee", "wel #hashtag",
        "2019-05-14", "2026-11-15T14:00:00", "2026-11-15 14:00:00Z", "2019-5-4", "14:00",
        "42", "-7", "+3", "0", "-0", "007", "010", "08", "1234567", "3.14", "-0.5", ".5", "5.", "+5.5", "1e3", "1.5E-3", "-2e+2",
        "true", "false", "True", "FALSE", "yes", "No", "on", "OFF", "y", "n",
        "null", "~", "Null", "NULL",
        "0x1F", "-0x10", "0o17", "0b101", "1_000", "1_000.5", "12:30", "1:30.5", ".inf", "-.inf", ".NaN",
        "-inf", "+inf", "nan", "-nan", "0x1p3", "infinity", "1e", "1.2.3", "--1", "=", "<<",
    ]
    /// Plain scalars that may stand in a flow collection (no `,[]{}`, no `:` or `#` inside).
    static let flowWords = plainWords.filter { word in !word.contains { ",[]{}:#".contains($0) } }
    static let keys = [
        "title", "date", "themes", "status", "id", "text", "note", "outcome", "items", "documents", "sleutel_ü",
        "met spatie", "a-b", "x_y", "naam", "1", "True", "null", "2019", "ключ", "キー", "k1", "k2", "k3",
    ]
    static let quotedTexts = [
        "", "tekst", "42", "true", "null", "2019-05-14", "a: b", "# geen commentaar", "- geen lijst", "[geen, lijst]",
        "é ü ø €", "😀 emoji", "tab\there", "lijn\nnieuw", "quote \" en ' samen", "back\\slash", "  spaties  ",
    ]
    static let comments = ["# opmerking", "#", "# ü 😀", "#: geen veld", "# - geen lijst"]

    mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { random.below(100) < percent }

    /// One front matter's text (without fences), ending in a newline.
    mutating func frontMatter() -> String {
        var lines: [String] = []
        mapping(indent: 0, depth: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }

    private mutating func distinctKeys(_ count: Int) -> [String] {
        var chosen: [String] = []
        while chosen.count < count {
            let key = pick(Self.keys)
            if !chosen.contains(key) { chosen.append(key) }
        }
        return chosen
    }

    private mutating func maybeNoise(_ indent: Int, into lines: inout [String]) {
        if chance(8) { lines.append("") }
        if chance(8) { lines.append(pad(random.below(indent + 3)) + pick(Self.comments)) }
    }

    private mutating func mapping(indent: Int, depth: Int, into lines: inout [String]) {
        for key in distinctKeys(1 + random.below(depth == 0 ? 8 : 4)) {
            maybeNoise(indent, into: &lines)
            let written = chance(15) ? quoted(key) : key
            entryValue(prefix: pad(indent) + written + ":", indent: indent, depth: depth, into: &lines)
        }
    }

    private mutating func sequence(indent: Int, depth: Int, into lines: inout [String]) {
        for _ in 0..<(1 + random.below(4)) {
            maybeNoise(indent, into: &lines)
            if depth < 4, chance(25) {
                // `- key: value` with the other keys under the first.
                var nested: [String] = []
                mapping(indent: indent + 2, depth: depth + 1, into: &nested)
                let first = nested.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }!
                lines += nested[..<first]
                lines.append(pad(indent) + "- " + nested[first].dropFirst(indent + 2))
                lines += nested[(first + 1)...]
            } else {
                entryValue(prefix: pad(indent) + "-", indent: indent, depth: depth, into: &lines)
            }
        }
    }

    /// A value after `key:` or `-`: inline, a nested block, or a block scalar.
    private mutating func entryValue(prefix: String, indent: Int, depth: Int, into lines: inout [String]) {
        let comment = chance(10) ? " " + pick(Self.comments) : ""
        switch random.below(depth < 4 ? 10 : 6) {
        case 0, 1, 2:
            lines.append(prefix + " " + pick(Self.plainWords) + comment)
        case 3:
            lines.append(prefix + " " + quoted(pick(Self.quotedTexts)) + comment)
        case 4:
            lines.append(prefix + (chance(50) ? "" : " ") + comment)   // empty: null
        case 5:
            blockScalar(prefix: prefix, indent: indent, into: &lines)
        case 6:
            lines.append(prefix + " " + flow(depth: depth) + comment)
        case 7:
            lines.append(prefix + comment)
            mapping(indent: indent + 2, depth: depth + 1, into: &lines)
        case 8:
            lines.append(prefix + comment)
            // A list under a key may start at the key's own indentation.
            sequence(indent: prefix.hasSuffix(":") && chance(50) ? indent : indent + 2, depth: depth + 1, into: &lines)
        default:
            // A plain or quoted scalar over two lines (folded into one with a space).
            if chance(50) {
                lines.append(prefix + " eerste regel")
                lines.append(pad(indent + 2) + "tweede regel")
            } else {
                lines.append(prefix + " \"eerste \\u00e9")
                lines.append(pad(indent + 2) + "tweede\"")
            }
        }
    }

    private mutating func blockScalar(prefix: String, indent: Int, into lines: inout [String]) {
        lines.append(prefix + " " + pick(["|", "|-", "|+", ">", ">-", ">+"]))
        for index in 0..<(1 + random.below(4)) {
            if index > 0, chance(20) { lines.append("") }
            let more = index > 0 && chance(20) ? "  " : ""
            lines.append(pad(indent + 2) + more + pick(["regel met: dubbele punt", "# geen commentaar", "- geen lijst", "é ü 😀", "{niet: flow}", "tekst"]))
        }
    }

    private mutating func flow(depth: Int) -> String {
        if chance(50) {
            var items: [String] = []
            for _ in 0..<random.below(4) { items.append(flowItem(depth: depth)) }
            return "[" + items.joined(separator: ", ") + "]"
        }
        var entries: [String] = []
        for key in distinctKeys(random.below(4)) { entries.append(key + ": " + flowItem(depth: depth)) }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    private mutating func flowItem(depth: Int) -> String {
        switch random.below(depth < 3 ? 4 : 3) {
        case 0, 1: return pick(Self.flowWords)
        case 2: return quoted(pick(Self.quotedTexts))
        default: return flow(depth: depth + 1)
        }
    }

    /// Single or double quoted, with the escapes each needs (and `\u` escapes in double quotes).
    private mutating func quoted(_ text: String) -> String {
        if chance(50) {
            return "'" + text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ") + "'"
        }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "é": escaped += "\\u00e9"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }
}
