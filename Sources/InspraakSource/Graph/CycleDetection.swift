/// Refs that go round in a circle (A builds on B, B answers A).
enum CycleDetection {
    /// A depth-first walk with its own stack, not the call stack: a chain of many thousands of
    /// records is as deep as it is long.
    static func cycles(_ records: [Record], links: [String: [Link]]) -> [Diagnostic] {
        var done = Set<String>()
        /// The records on the current path, with their place on it.
        var onPath: [String: Int] = [:]
        var path: [String] = []
        var next: [(targets: [String], index: Int)] = []
        var found: [Diagnostic] = []
        var byID: [String: Record] = [:]
        for record in records { byID[record.id] = record }

        func enter(_ id: String) {
            onPath[id] = path.count
            path.append(id)
            next.append((Set((links[id] ?? []).map(\.target)).sorted(), 0))
        }
        for record in records where !done.contains(record.id) && onPath[record.id] == nil {
            enter(record.id)
            while let top = next.last {
                guard top.index < top.targets.count else {
                    let id = path.removeLast()
                    onPath[id] = nil
                    done.insert(id)
                    next.removeLast()
                    continue
                }
                next[next.count - 1].index += 1
                let target = top.targets[top.index]
                if let start = onPath[target] {
                    let circle = rotated(Array(path[start...]) + [target])
                    // Reported at the ref from the circle's first record to the next one.
                    if let record = byID[circle[0]] {
                        let ref = record.refs.first { $0.target == circle[1] }
                        found.append(.error(ref?.location ?? record.location, GraphMessage.cycle(circle)))
                    }
                } else if !done.contains(target) {
                    enter(target)
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
