extension SiteGraph {
    /// Every record's trail window, in the order of `records`.
    ///
    /// Walking each record's whole trail would cost the sum of all trail lengths: N² for a chain
    /// of N records. Instead each group of linked records gets one pass over its links in each
    /// direction, carrying for every record the bit set of what it builds on and of what follows
    /// from it; the counts and the nearest steps are read off those bits. That is N²/64 machine
    /// words for a chain of N (a few million for 10,000), and linear for many short chains.
    /// `wordBudget`: see `TrailGroup.wordBudget`.
    package func trailWindows(radius: Int = TrailWindow.radius, wordBudget: Int = TrailGroup.wordBudget) -> [TrailWindow] {
        let groups = TrailGroup.groups(records, links: links, position: position)
        let computed = groups.parallelMap { group in
            group.windows(records, radius: radius, wordBudget: wordBudget) ?? group.members.map { member in
                // Refs in a circle (a site with errors): walk each trail instead.
                TrailWindow(cutting: trail(of: records[member].id), around: records[member], radius: radius)
            }
        }
        var windows = [TrailWindow](repeating: .alone, count: records.count)
        for (group, groupWindows) in zip(groups, computed) {
            for (member, window) in zip(group.members, groupWindows) { windows[member] = window }
        }
        return windows
    }
}

/// Records linked to each other, directly or not: a record's trail never leaves its group.
struct TrailGroup: Sendable {
    /// Positions in the graph's records, in date order (then id): a member's column in the bit sets.
    let members: [Int]
    /// Per column: the columns it builds on, and the columns that build on it.
    let parents: [[Int]]
    let children: [[Int]]

    /// The groups of two or more records; a record without links has no trail.
    static func groups(_ records: [Record], links: [String: [Link]], position: [String: Int]) -> [TrailGroup] {
        var parents = [[Int]](repeating: [], count: records.count)
        var root = Array(records.indices)
        func find(_ node: Int) -> Int {
            var node = node
            while root[node] != node {
                root[node] = root[root[node]]
                node = root[node]
            }
            return node
        }
        for (index, record) in records.enumerated() {
            let targets = Set((links[record.id] ?? []).compactMap { position[$0.target] }).subtracting([index])
            parents[index] = targets.sorted()
            for target in parents[index] {
                let (a, b) = (find(index), find(target))
                if a != b { root[max(a, b)] = min(a, b) }
            }
        }
        var membersByRoot: [Int: [Int]] = [:]
        for index in records.indices { membersByRoot[find(index), default: []].append(index) }
        var column = [Int](repeating: 0, count: records.count)
        return membersByRoot.keys.sorted().compactMap { key in
            let members = membersByRoot[key]!.sorted {
                (records[$0].date.epochSeconds, records[$0].id) < (records[$1].date.epochSeconds, records[$1].id)
            }
            guard members.count > 1 else { return nil }
            for (local, member) in members.enumerated() { column[member] = local }
            let localParents = members.map { parents[$0].map { column[$0] } }
            var localChildren = [[Int]](repeating: [], count: members.count)
            for (child, ps) in localParents.enumerated() {
                for parent in ps { localChildren[parent].append(child) }
            }
            return TrailGroup(members: members, parents: localParents, children: localChildren)
        }
    }

    /// Parents before children; nil when the links go round in a circle.
    private func topologicalOrder() -> [Int]? {
        var waiting = parents.map(\.count)
        var order = waiting.indices.filter { waiting[$0] == 0 }
        var next = 0
        while next < order.count {
            for child in children[order[next]] {
                waiting[child] -= 1
                if waiting[child] == 0 { order.append(child) }
            }
            next += 1
        }
        return order.count == members.count ? order : nil
    }

    /// Bit sets of at most this many words per record at a time (16 MB for each direction);
    /// a larger group is done in slices of columns.
    static let wordBudget = 1 << 21

    /// Each member's window, in `members` order; nil when the links go round in a circle.
    func windows(_ records: [Record], radius: Int, wordBudget: Int = TrailGroup.wordBudget) -> [TrailWindow]? {
        guard let order = topologicalOrder() else { return nil }
        let count = members.count, words = (count + 63) / 64
        let width = max(1, min(words, wordBudget / count))
        let keep = radius + 1
        var countBefore = [Int](repeating: 0, count: count), countAfter = countBefore
        var nearestBefore = [[Int]](repeating: [], count: count), nearestAfter = nearestBefore
        var first = Array(0..<count), last = first
        var builtOn = [UInt64](repeating: 0, count: count * width), followedBy = builtOn
        for low in stride(from: 0, to: words, by: width) {
            let span = min(width, words - low)
            for index in builtOn.indices { builtOn[index] = 0; followedBy[index] = 0 }
            Self.spread(&builtOn, over: order, from: parents, low: low, span: span, width: width)
            Self.spread(&followedBy, over: order.reversed(), from: children, low: low, span: span, width: width)
            for column in 0..<count {
                let row = column * width, own = column / 64 - low, ownBit = UInt64(1) << UInt64(column % 64)
                let belowOwn = ownBit &- 1, aboveOwn = ~(belowOwn | ownBit)
                // Upward: how many on each side, the first and last step, the nearest after.
                for word in 0..<span {
                    let bits = builtOn[row + word] | followedBy[row + word]
                    if bits == 0 { continue }
                    let below = word < own ? bits : (word == own ? bits & belowOwn : 0)
                    var above = word > own ? bits : (word == own ? bits & aboveOwn : 0)
                    let base = (low + word) * 64
                    if below != 0 {
                        countBefore[column] += below.nonzeroBitCount
                        if first[column] == column { first[column] = base + below.trailingZeroBitCount }
                    }
                    if above != 0 {
                        countAfter[column] += above.nonzeroBitCount
                        last[column] = base + 63 - above.leadingZeroBitCount
                        while above != 0 && nearestAfter[column].count < keep {
                            nearestAfter[column].append(base + above.trailingZeroBitCount)
                            above &= above &- 1
                        }
                    }
                }
                // Downward from the record: the nearest before, higher than any in earlier slices.
                var found: [Int] = []
                var word = min(own, span - 1)
                while word >= 0 && found.count < keep {
                    var bits = builtOn[row + word] | followedBy[row + word]
                    if word == own { bits &= belowOwn }
                    while bits != 0 && found.count < keep {
                        let high = 63 - bits.leadingZeroBitCount
                        found.append((low + word) * 64 + high)
                        bits &= ~(UInt64(1) << UInt64(high))
                    }
                    word -= 1
                }
                if !found.isEmpty { nearestBefore[column] = Array((nearestBefore[column] + found.reversed()).suffix(keep)) }
            }
        }
        let record = { (column: Int) in records[members[column]] }
        return (0..<count).map { column in
            TrailWindow(current: record(column), before: nearestBefore[column].map(record), after: nearestAfter[column].map(record),
                        countBefore: countBefore[column], countAfter: countAfter[column],
                        first: record(first[column]), last: record(last[column]), radius: radius)
        }
    }

    /// For each record in `order`: the bits of its `sources` and of all they reach, for the
    /// columns `low * 64 ..< (low + span) * 64`.
    private static func spread<Order: Sequence<Int>>(_ bits: inout [UInt64], over order: Order, from sources: [[Int]],
                                                     low: Int, span: Int, width: Int) {
        bits.withUnsafeMutableBufferPointer { bits in
            for column in order {
                let row = column * width
                for source in sources[column] {
                    let sourceRow = source * width
                    for word in 0..<span { bits[row + word] |= bits[sourceRow + word] }
                    let sourceWord = source / 64 - low
                    if sourceWord >= 0 && sourceWord < span { bits[row + sourceWord] |= UInt64(1) << UInt64(source % 64) }
                }
            }
        }
    }
}
