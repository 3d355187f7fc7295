/// The bytes of the page being rendered. Appending is one capacity check and one copy, where
/// `[UInt8].append(contentsOf:)` ran its generic path: ~90 instructions a call, and a page
/// appends a hundred pieces or more (a million calls at 1,000 records). A value with its
/// memory freed by `free()`, not by a class's `deinit`: reaching the bytes through a reference
/// would cost a retain and a release per append.
struct PageBytes {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 15) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    var last: UInt8? { count > 0 ? start[count - 1] : nil }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Everything but the last `keeping` bytes onto the end of `array`; those stay here.
    mutating func move(to array: inout [UInt8], keeping: Int = 0) {
        let moved = Swift.max(0, count - keeping)
        array.append(contentsOf: UnsafeBufferPointer(start: start, count: moved))
        UnsafeMutableRawPointer(start).copyMemory(from: start + moved, byteCount: count - moved)  // may overlap
        count -= moved
    }

    func free() { start.deallocate() }

    private mutating func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        bigger.initialize(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = larger
    }
}
