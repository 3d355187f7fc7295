import Foundation
import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over all cores; results come back in the input's order, so output stays deterministic.
    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        if count < 2 { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let items = input
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    slots[index] = transform(items[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// `parallelMap` where each core keeps its own `State` from one element to the next (a
    /// buffer to render into, say), so it is made once per core, not once per element.
    /// Elements are taken in order, one at a time, by whichever core is free.
    package func parallelMap<State, Result: Sendable>(state makeState: @Sendable () -> State,
                                              _ transform: @Sendable (inout State, Element) -> Result) -> [Result] {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        if workers < 2 {
            var state = makeState()
            return map { transform(&state, $0) }
        }
        var results = [Result?](repeating: nil, count: count)
        let next = Atomic<Int>(0)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let items = input
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    var state = makeState()
                    while true {
                        let index = next.add(1, ordering: .relaxed).oldValue
                        guard index < items.count else { break }
                        slots[index] = transform(&state, items[index])
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Runs `background` on another thread while `foreground` runs on this one, and returns both
/// results: for work that mostly waits (a `git log`) beside work that computes.
package func alongside<Background: Sendable, Foreground>(_ background: @escaping @Sendable () -> Background,
                                                 _ foreground: () -> Foreground) -> (Background, Foreground) {
    let slot = ResultSlot<Background>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.value = background() }
    let result = foreground()
    group.wait()
    return (slot.value!, result)
}

/// Written once by a background block, read only after waiting for it.
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
