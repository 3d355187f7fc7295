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
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .number(let number): out += String(number)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Pretty-printed with two spaces per level (the open-data files, read by people too).
    func pretty(indent: String = "") -> String {
        switch self {
        case .array(let values):
            if values.isEmpty { return "[]" }
            let inner = indent + "  "
            return "[\n" + values.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)}"
        default: return encoded
        }
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        writeString(text, into: &out)
        return out
    }

    private static let hex = Array("0123456789abcdef".unicodeScalars)

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": appendEscape(scalar.value, into: &out)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { appendEscape(scalar.value, into: &out) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func appendEscape(_ value: UInt32, into out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.unicodeScalars.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}

extension JSONText: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}
