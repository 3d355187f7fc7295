/// The text rules of iCalendar (RFC 5545 §3.1, §3.3.11): escaped TEXT values, content lines
/// folded at 75 octets without splitting a UTF-8 sequence, CRLF after every line.
enum ICSText {
    static let maxOctets = 75

    /// A TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`, other control characters
    /// (which TEXT may not hold) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded: no physical line longer than 75 octets (the leading space of a
    /// continuation counts), each ending in CRLF.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > maxOctets {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }
}
