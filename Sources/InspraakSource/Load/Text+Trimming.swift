extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmingSpaces() -> String {
        let text = Substring(self)
        let utf8 = text.utf8
        // ASCII white space on bytes (the usual case); a Character walk only for what is left at
        // an end that is not ASCII, such as a no-break space.
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        var slice = text[start..<end]
        if let first = slice.utf8.first, let last = slice.utf8.last, first >= 0x80 || last >= 0x80 {
            while let character = slice.first, character.isWhitespace { slice.removeFirst() }
            while let character = slice.last, character.isWhitespace { slice.removeLast() }
        }
        return String(slice)
    }
}
