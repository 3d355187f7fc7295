/// Whether a text's characters (grapheme clusters) can be found from its bytes: then splitting
/// at white space or finding a sentence's end on the UTF-8 gives what the same on `Character`s
/// gives, at a fraction of the cost (a paragraph's characters were a third of the status-change
/// feeds' time, for the 7% of texts with an accent or a curly quote).
enum TextClusters {
    /// True when the text has no white space but ASCII's (tab to carriage return, space), no
    /// scalar that joins what follows it (Unicode's Prepend: Arabic, Syriac, Indic and Brahmi
    /// blocks are taken as a whole), and after each ASCII space or control only ASCII or a
    /// scalar known not to join it (a letter of Latin-1 or Latin Extended, a quote, dash or
    /// other general punctuation, the euro sign). A combining mark after a space would make
    /// the two one character.
    static func splitAtASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            var afterSpace = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    afterSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    index += 1
                    continue
                }
                let second: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2:
                    // U+0085 and U+00A0 are white space; U+0080–U+009F are controls.
                    if second < 0xA1 { return false }
                case 0xC3...0xC9:
                    break
                case 0xE2:
                    if afterSpace && !(second == 0x80 && (0x90...0xA7).contains(third)) && !(second == 0x82 && third == 0xAC) {
                        return false
                    }
                    // U+2000–U+200A, U+2028, U+2029, U+202F and U+205F are white space.
                    if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) { return false }
                    if second == 0x81 && third == 0x9F { return false }
                case 0xD8, 0xDB, 0xDC, 0xE0, 0xE1, 0xE3:
                    // Prepend (Arabic, Syriac, Indic), U+1680 and U+3000 (white space).
                    return false
                case 0xF0:
                    if second == 0x91 || afterSpace { return false }
                default:
                    if afterSpace { return false }
                }
                afterSpace = false
                index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            }
            return true
        }
    }
}
