/// A name as a template writes it (`title`, one part of `t.kind.meetings`), hashed once when the
/// theme is parsed. A page's render looks up thousands of names, each in several views on the
/// stack; with the hash made once each of those lookups is a slot and one comparison, where a
/// `[String: …]` would hash the name again every time.
public struct TemplateKey: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    @usableFromInline let hash: UInt32

    public init(_ text: String) {
        self.text = text
        hash = Self.hash(text)
    }

    public var description: String { text }

    public static func == (lhs: TemplateKey, rhs: TemplateKey) -> Bool { lhs.hash == rhs.hash && lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// FNV-1a over the UTF-8 bytes: cheap, and the same in every process (the slots are not
    /// exposed, so nothing depends on it but the speed).
    static func hash(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

/// Names to positions in a fixed list, by `TemplateKey`'s hash: open addressing in a table at
/// most half full, so a miss (the usual case while a name climbs the stack) ends at the first
/// empty slot.
package struct KeyTable: Sendable {
    /// The names, in order; a position is an index here.
    package let names: [String]
    @usableFromInline let slots: [Int32]
    @usableFromInline let hashes: [UInt32]
    @usableFromInline let mask: Int

    package init(_ names: [String]) {
        self.names = names
        var capacity = 4
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        let hashes = names.map(TemplateKey.hash)
        for (position, hash) in hashes.enumerated() {
            var slot = Int(hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(position)
        }
        self.slots = slots
        self.hashes = hashes
        mask = capacity - 1
    }

    @inlinable
    package func position(of key: TemplateKey) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(key.hash) & mask
            while true {
                let position = Int(slots[slot])
                if position < 0 { return nil }
                if hashes[position] == key.hash, names[position] == key.text { return position }
                slot = (slot + 1) & mask
            }
        }
    }
}
