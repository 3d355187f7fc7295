import Foundation

/// A value made when it is first asked for, by whichever job asks first, then shared: what
/// several outputs are cut from (the open-data tables, the worded status changes) is made only
/// when one of them is rendered, so `serve` pays nothing for it after an edit that does not
/// reach them.
final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
