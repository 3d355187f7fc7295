/// The text rules of iCalendar (RFC 5545 §3.1, §3.3.11): escaped TEXT values, content lines
/// folded at 75 octets without splitting a UTF-8 sequence, CRLF after every line.
enum ICSText {
    static let maxOctets = 75

    /// A TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`, other control characters
    /// (which TEXT may not hold) left out.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Every byte this changes is ASCII, so the text is walked as UTF-8 (a scalar at a
            // time through `unicodeScalars` was 40% of a 10,000-record site's calendars).
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var previousWasCR = false
            for byte in bytes {
                defer { previousWasCR = byte == 13 }
                switch byte {
                case 0x5C, 0x3B, 0x2C: out.append(0x5C); out.append(byte)   // \ ; ,
                case 13: out.append(0x5C); out.append(0x6E)                // \n
                case 10: if !previousWasCR { out.append(0x5C); out.append(0x6E) }
                case 9: out.append(byte)
                default:
                    if byte < 0x20 || byte == 0x7F { continue }
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
            // A scalar's width is in its lead byte; a fold never splits one. The bytes between
            // folds go over in one piece (a calendar has hundreds of thousands of scalars).
            var index = 0
            var runStart = 0
            while index < bytes.count {
                let lead = bytes[index]
                let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                if octets + size > maxOctets {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    out.append(13)
                    out.append(10)
                    out.append(32)
                    runStart = index
                    octets = 1
                }
                index = min(index + size, bytes.count)
                octets += size
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(13)
        out.append(10)
    }
}
