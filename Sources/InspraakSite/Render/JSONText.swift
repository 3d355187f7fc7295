/// A JSON value written in a fixed key order (so output is byte-identical per build), safe to place
/// inside an HTML `<script>` element: `<`, `>` and `&` are written as `\u003c`, `\u003e` and
/// `\u0026` and U+2028/2029 as escapes, so no text in a record can end the element or start
/// markup; the JSON means the same. One writer for JSON-LD, JSON Feed and the open data.
indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    /// Keys in the order given (written as they are: deterministic, `@context` first).
    case object([(String, JSONText)])

    static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.encoded == rhs.encoded }

    var encoded: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes into one buffer: a page's JSON-LD and the open-data files are
    /// thousands of small strings, and appending them to a `String` scalar by scalar cost more
    /// than the rest of the page.
    func write(into out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .number(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let value): out.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .null: out.append(contentsOf: Self.nullBytes)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Pretty-printed with two spaces per level (the open-data files, read by people too).
    func pretty() -> String {
        var out: [UInt8] = []
        writePretty(into: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func writePretty(into out: inout [UInt8], depth: Int) {
        switch self {
        case .array(let values):
            if values.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(depth + 1, into: &out)
                value.writePretty(into: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                Self.indent(depth + 1, into: &out)
                Self.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.writePretty(into: &out, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        default: write(into: &out)
        }
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
    }

    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// Between quotes, runs of plain bytes copied as they are; quotes, backslashes and control
    /// characters escaped, and `<` `>` `&` U+2028 U+2029 as `\u` escapes (safe in `<script>`).
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        let mayEscape = Self.mayEscape
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                // Runs of bytes that need nothing are copied whole: a table test per byte, not a
                // `switch` that makes an optional array (the open-data JSON is megabytes).
                guard mayEscape[Int(bytes[index])] else { index += 1; continue }
                let byte = bytes[index]
                var escape: [UInt8]? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = Self.quoteEscape
                case UInt8(ascii: "\\"): escape = Self.backslashEscape
                case UInt8(ascii: "\n"): escape = Self.newlineEscape
                case UInt8(ascii: "\r"): escape = Self.returnEscape
                case UInt8(ascii: "\t"): escape = Self.tabEscape
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: break
                }
                if let escape {
                    if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    out.append(contentsOf: escape)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes the `switch` in `writeString` may escape (U+2028 and U+2029 start with 0xE2).
    private static let mayEscape: [Bool] = (0...255).map { (byte: Int) -> Bool in
        if byte < 0x20 || byte == 0x7F || byte == 0xE2 { return true }
        return "\"\\<>&".utf8.contains(UInt8(byte))
    }
    private static let quoteEscape = Array("\\\"".utf8), backslashEscape = Array("\\\\".utf8)
    private static let newlineEscape = Array("\\n".utf8), returnEscape = Array("\\r".utf8), tabEscape = Array("\\t".utf8)

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        var escape: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "u")]
        for shift in stride(from: 12, through: 0, by: -4) { escape.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
        return escape
    }
}

extension JSONText: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
