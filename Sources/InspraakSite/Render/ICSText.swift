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
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 24 + 2)
        fold(line, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, appended to a calendar's bytes.
    static func fold(_ line: String, into out: inout [UInt8]) {
        var octets = 0
        var line = line
        line.withUTF8 { bytes in
            // A scalar's width is in its lead byte; a fold never splits one.
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                if octets + size > maxOctets {
                    out.append(contentsOf: [13, 10, 32])
                    octets = 1
                }
                let end = min(index + size, bytes.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                octets += size
                index = end
            }
        }
        out.append(contentsOf: [13, 10])
    }
}
