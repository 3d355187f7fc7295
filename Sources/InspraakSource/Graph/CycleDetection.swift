/// Refs that go round in a circle (A builds on B, B answers A).
enum CycleDetection {
    /// A depth-first walk with its own stack, not the call stack: a chain of many thousands of
    /// records is as deep as it is long. Over positions in `records` (a record's targets in the
    /// order of their ids), not ids: a walk through 10,000 records hashed ids at every step.
    static func cycles(_ records: [Record], links: [String: [Link]], position: [String: Int]) -> [Diagnostic] {
        // Each record's targets by id, as positions; a target that is no record has no links
        // of its own, so it can close no circle and is left out.
        func targets(of record: Record) -> [Int] {
            Set((links[record.id] ?? []).map(\.target)).sorted().compactMap { position[$0] }
        }
        enum State: UInt8 { case unseen, onPath, done }
        var state = [State](repeating: .unseen, count: records.count)
        /// The records on the current path, with each one's place on it.
        var placeOnPath = [Int](repeating: 0, count: records.count)
        var path: [Int] = []
        var next: [(targets: [Int], index: Int)] = []
        var found: [Diagnostic] = []

        func enter(_ record: Int) {
            state[record] = .onPath
            placeOnPath[record] = path.count
            path.append(record)
            next.append((targets(of: records[record]), 0))
        }
        for start in records.indices where state[start] == .unseen {
            enter(start)
            while let top = next.last {
                guard top.index < top.targets.count else {
                    state[path.removeLast()] = .done
                    next.removeLast()
                    continue
                }
                next[next.count - 1].index += 1
                let target = top.targets[top.index]
                switch state[target] {
                case .onPath:
                    let circle = rotated((path[placeOnPath[target]...] + [target]).map { records[$0].id })
                    // Reported at the ref from the circle's first record to the next one.
                    if let first = position[circle[0]] {
                        let record = records[first]
                        let ref = record.refs.first { $0.target == circle[1] }
                        found.append(.error(ref?.location ?? record.location, GraphMessage.cycle(circle)))
                    }
                case .unseen:
                    enter(target)
                case .done:
                    break
                }
            }
        }
        return found
    }

    /// The circle starting at its smallest id, so the same circle reads the same each time.
    private static func rotated(_ circle: [String]) -> [String] {
        let ring = Array(circle.dropLast())
        guard let start = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return circle }
        let turned = Array(ring[start...] + ring[..<start])
        return turned + [turned[0]]
    }
}
