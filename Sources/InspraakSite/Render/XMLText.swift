/// Escaping for text placed in XML and HTML by Swift code (feeds, sitemap, SVG).
package enum XMLText {
    /// `& < > " '` as entities; control characters other than tab and line ends dropped (XML
    /// 1.0 does not allow them). Byte by byte: no byte of a multi-byte character is below 0x80.
    package static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Most texts need nothing: check the bytes before building a new string.
            guard let first = bytes.firstIndex(where: needsWork) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                case 0x09, 0x0A, 0x0D: out.append(byte)
                case ..<0x20: continue
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
