import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// The trail windows record pages show, checked against the whole trail they are cut from.
final class TrailWindowTests: XCTestCase {
    /// Advice records `a000`…: each builds on the records `refs[i]` lists (all earlier in the
    /// list, so no circle), dated `days[i]` days into 2024 (not in list order: a trail's date
    /// order is not its link order).
    func graph(refs: [[Int]], days: [Int]) -> SiteGraph {
        var files: [String: String] = ["content/themes/t.md": "---\ntitle: T\n---\n"]
        for (index, targets) in refs.enumerated() {
            let basedOn = targets.map { "a\(String(format: "%04d", $0))" }.joined(separator: ", ")
            files["content/advice/a\(String(format: "%04d", index)).md"] = """
            ---
            title: A\(index)
            date: \(Day(iso: "2024-01-01")!.adding(days: days[index]).iso)
            council: Raad
            kind: unsolicited
            themes: [t]
            based_on: [\(basedOn)]
            ---
            """
        }
        let (graph, diagnostics) = InMemorySite(files).graph(today: "2025-01-01")
        XCTAssertEqual(lines(diagnostics.filter { $0.severity == .error }), [])
        return graph!
    }

    func describe(_ window: TrailWindow) -> [String] {
        window.steps.map { step in
            switch step {
            case .record(let record): return record.id
            case .gap(let hidden, let nearest): return "… \(hidden) to \(nearest.id)"
            }
        }
    }

    /// Many small random site graphs (shared ancestors, several parents, equal dates, groups
    /// wider than one 64-bit word, and cut in slices of columns): every window is the one cut
    /// from the record's whole trail.
    func testWindowsMatchTheWholeTrail() {
        var random = SeededRandom(seed: 12)
        for round in 0..<12 {
            let count = [5, 40, 150][round % 3]
            var refs: [[Int]] = []
            for index in 0..<count {
                let parents = index == 0 ? 0 : Int.random(in: 0...(round % 2 == 0 ? 1 : 3), using: &random)
                refs.append(Array(Set((0..<parents).map { _ in Int.random(in: max(0, index - 20)..<index, using: &random) })).sorted())
            }
            let days = (0..<count).map { _ in Int.random(in: 0..<(count / 2 + 1), using: &random) }
            let graph = graph(refs: refs, days: days)
            for (radius, budget) in [(10, TrailGroup.wordBudget), (2, TrailGroup.wordBudget), (3, 1)] {
                let windows = graph.trailWindows(radius: radius, wordBudget: budget)
                for (record, window) in zip(graph.records, windows) {
                    let expected = TrailWindow(cutting: graph.trail(of: record.id), around: record, radius: radius)
                    XCTAssertEqual(describe(window), describe(expected), "round \(round), radius \(radius), \(record.id)")
                    XCTAssertEqual(window.total, graph.trail(of: record.id).count)
                }
            }
        }
    }

    /// A chain of 40 with 3 steps each side: the first, a count and the nearest left-out step,
    /// 3 steps, the record, 3 steps, a count and the nearest, the last. Near an end nothing is
    /// left out on that side, and a run of one left-out step is shown rather than counted.
    func testAChainShowsItsEndsAndCountsWhatItLeavesOut() {
        let count = 40
        let graph = graph(refs: (0..<count).map { $0 == 0 ? [] : [$0 - 1] }, days: Array(0..<count))
        let windows = graph.trailWindows(radius: 3)
        XCTAssertEqual(describe(windows[20]), ["a0000", "… 16 to a0016", "a0017", "a0018", "a0019", "a0020",
                                               "a0021", "a0022", "a0023", "… 15 to a0024", "a0039"])
        XCTAssertEqual(describe(windows[2]), ["a0000", "a0001", "a0002", "a0003", "a0004", "a0005", "… 33 to a0006", "a0039"])
        XCTAssertEqual(describe(windows[5]), ["a0000", "a0001", "a0002", "a0003", "a0004", "a0005", "a0006", "a0007", "a0008",
                                              "… 30 to a0009", "a0039"])
        XCTAssertEqual(windows[20].total, 40)
    }

    /// A chain whose every record builds on the next (ids run against the links, so a walk
    /// that follows refs from the first id down is 10,000 calls deep; a recursive one ran out of
    /// stack from some 8,000 in a debug build, between 25,000 and 50,000 in a release build): the
    /// graph is made, and the first record inherits the last one's theme.
    func testAVeryLongChainAgainstIdOrderDoesNotOverflowTheStack() {
        let count = 10_000
        let (graph, diagnostics) = chain(count)
        XCTAssertEqual(lines(diagnostics), [])
        XCTAssertEqual(graph?.records.count, count)
        XCTAssertEqual(graph?.themesOf["a00000"], ["t"])
    }

    /// Records `a00000`…: each builds on the next; only the last has a theme (the rest inherit).
    func chain(_ count: Int) -> (SiteGraph?, [Diagnostic]) {
        var files: [String: String] = ["content/themes/t.md": "---\ntitle: T\n---\n"]
        for index in 0..<count {
            let id = "a" + String(format: "%05d", index)
            let tail = index + 1 < count ? "based_on: [a\(String(format: "%05d", index + 1))]" : "themes: [t]"
            files["content/advice/\(id).md"] = "---\ntitle: A\ndate: 2024-01-01\ncouncil: R\nkind: unsolicited\n\(tail)\n---\n"
        }
        return InMemorySite(files).graph(today: "2025-01-01")
    }
}
