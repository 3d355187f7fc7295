import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// Circles of refs are found by a walk over positions; it must report exactly what the walk
/// over ids (the rule as first written, kept here) reports, on random webs
/// of advice that build on each other, on themselves and on records that do not exist.
final class CycleDetectionTests: XCTestCase {
    /// The walk by ids, as `CycleDetection` had it before it used positions.
    func circlesByID(_ records: [Record], links: [String: [Link]]) -> [[String]] {
        var done = Set<String>(), onPath: [String: Int] = [:], path: [String] = []
        var next: [(targets: [String], index: Int)] = []
        var found: [[String]] = []
        func enter(_ id: String) {
            onPath[id] = path.count
            path.append(id)
            next.append((Set((links[id] ?? []).map(\.target)).sorted(), 0))
        }
        func rotated(_ circle: [String]) -> [String] {
            let ring = Array(circle.dropLast())
            guard let start = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return circle }
            let turned = Array(ring[start...] + ring[..<start])
            return turned + [turned[0]]
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
                    found.append(rotated(Array(path[start...]) + [target]))
                } else if !done.contains(target) {
                    enter(target)
                }
            }
        }
        return found
    }

    func testCirclesAreTheSameAsByID() throws {
        var random = SeededRandom(seed: 34)
        var circlesSeen = 0
        for round in 0..<60 {
            let count = 2 + Int(random.next() % 14)
            let ids = (0..<count).map { String(format: "2024-03-%02d-a%02d", 1 + $0 % 28, $0) }
            var files: [String: String] = [:]
            for (index, id) in ids.enumerated() {
                var basedOn = Set<String>()
                for _ in 0..<Int(random.next() % 4) {
                    let pick = Int(random.next() % UInt64(count + 2))
                    // Now and then a record that does not exist (an error of its own, no circle).
                    basedOn.insert(pick < count ? ids[pick] : "2024-09-0\(pick - count + 1)-weg")
                }
                let refs = basedOn.isEmpty ? "" : "based_on: [\(basedOn.sorted().joined(separator: ", "))]\n"
                files["content/advice/\(id).md"] = "---\ntitle: A\(index)\ndate: \(id.prefix(10))\ncouncil: R\n\(refs)themes: [wonen]\n---\n"
            }
            files["content/themes/wonen.md"] = "---\ntitle: Wonen\n---\n"
            let (graph, diagnostics) = InMemorySite(files).graph(today: "2024-12-01")
            let built = try XCTUnwrap(graph, "round \(round)")
            let expected = circlesByID(built.records, links: built.links).map(GraphMessage.cycle)
            let reported = diagnostics.map(\.message).filter { $0.hasPrefix("these records refer to each other in a circle") }
            XCTAssertEqual(reported.sorted(), expected.sorted(), "round \(round)")
            circlesSeen += expected.count
        }
        XCTAssertGreaterThan(circlesSeen, 20, "the random webs hold circles to compare")
    }
}
