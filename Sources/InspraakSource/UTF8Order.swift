import Foundation

extension String {
    /// Whether this string comes before `other` in the order of their UTF-8 bytes: the order
    /// of output paths and folder listings, the same on every machine and in every locale.
    /// Byte-wise with `memcmp` (the same order as `utf8.lexicographicallyPrecedes`, which
    /// walks the bytes one by one: 20,000 paths are sorted on every build).
    @inlinable
    public func precedesInUTF8(_ other: String) -> Bool {
        var left = self, right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in
                let common = Swift.min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
