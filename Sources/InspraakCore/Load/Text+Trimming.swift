extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        // Most texts start and end with a visible ASCII character: no Character walk needed.
        if let first = slice.utf8.first, let last = slice.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return String(slice)
        }
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
