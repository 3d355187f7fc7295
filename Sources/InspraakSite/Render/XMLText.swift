/// Escaping for text placed in XML and HTML by Swift code (feeds, sitemap, SVG).
package enum XMLText {
    /// `& < > " '` as entities; control characters other than tab and line ends dropped (XML
    /// 1.0 does not allow them). Byte by byte: no byte of a multi-byte character is below 0x80.
    package static func escape(_ text: String) -> String {
        var text = text
        let needsWork = Self.needsWork
        // Most texts need nothing: check the bytes before building a new string.
        guard text.withUTF8({ bytes in bytes.contains { needsWork[Int($0)] } }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, appended to bytes being written (a feed).
    package static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        let needsWork = Self.needsWork
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices where needsWork[Int(bytes[index])] {
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                let byte = bytes[index]
                switch byte {
                case 0x26: append("&amp;", to: &out)
                case 0x3C: append("&lt;", to: &out)
                case 0x3E: append("&gt;", to: &out)
                case 0x22: append("&quot;", to: &out)
                case 0x27: append("&#39;", to: &out)
                case 0x09, 0x0A, 0x0D: out.append(byte)
                default: continue
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }

    /// Markup or an entity as it is.
    package static func append(_ entity: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
    }

    /// By table: every text of every feed entry is tested byte by byte.
    private static let needsWork: [Bool] = (0...255).map { (byte: Int) -> Bool in
        byte < 0x20 || [0x26, 0x3C, 0x3E, 0x22, 0x27].contains(byte)
    }
}
