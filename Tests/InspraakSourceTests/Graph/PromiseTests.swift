import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// Promises and implementation: overdue from the day after the promised day, never on it; an
/// implementation report keeps the outcome; the latest state counts in figures.
final class PromiseTests: XCTestCase {
    static let advice = """
    ---
    title: Advies armoede
    date: 2024-02-01
    council: Adviesraad
    themes: [armoede]
    recommendations:
      - id: r1
        text: Doe dit
      - id: r2
        text: Doe dat
    ---
    """

    func site(_ feedback: [String: String]) -> InMemorySite {
        var files = ["content/themes/armoede.md": "---\ntitle: Armoede\n---\n", "content/advice/2024-02-01-advies.md": Self.advice]
        for (name, text) in feedback { files["content/feedback/\(name).md"] = text }
        return InMemorySite(files)
    }

    static let promise = """
    ---
    title: Eerste reactie
    date: 2024-03-01
    responds_to:
      - ref: "2024-02-01-advies#r1"
        outcome: in-progress
        expected: 2024-06-01
      - ref: "2024-02-01-advies#r2"
        outcome: adopted
        implementation: planned
        expected: 2024-09-30
    ---
    """

    func testBrokenPromiseIsOverdueFromTheDayAfter() throws {
        let key = ItemKey(record: "2024-02-01-advies", item: "r1")
        let (onTheDay, problems) = site(["2024-03-01-reactie": Self.promise]).graph(today: "2024-06-01")
        XCTAssertEqual(lines(problems), [])
        XCTAssertFalse(onTheDay!.statuses.open.contains { $0.key == key }, "on the promised day it is still in progress")
        XCTAssertEqual(onTheDay!.statuses.inProgress.map(\.key), [key])
        XCTAssertEqual(onTheDay!.statuses.inProgress.first?.promised, Day(iso: "2024-06-01"))

        let (dayAfter, _) = site(["2024-03-01-reactie": Self.promise]).graph(today: "2024-06-02")
        let open = try XCTUnwrap(dayAfter!.statuses.open.first { $0.key == key })
        XCTAssertTrue(open.isOverdue)
        XCTAssertEqual(open.due, Day(iso: "2024-06-01"))
        XCTAssertEqual(dayAfter!.statuses.inProgress.map(\.key), [])
        XCTAssertEqual(dayAfter!.figures(for: dayAfter!.records).overdue, 1)
        // Still answered: the advice is answered, the item's outcome in progress.
        XCTAssertEqual(dayAfter!.statuses.advice["2024-02-01-advies"], .answered)
    }

    func testImplementationOverdueFromTheDayAfterUntilDone() throws {
        let key = ItemKey(record: "2024-02-01-advies", item: "r2")
        let (onTheDay, _) = site(["2024-03-01-reactie": Self.promise]).graph(today: "2024-09-30")
        XCTAssertEqual(onTheDay!.statuses.implementationOverdue.map(\.key), [])
        let (dayAfter, _) = site(["2024-03-01-reactie": Self.promise]).graph(today: "2024-10-01")
        XCTAssertEqual(dayAfter!.statuses.implementationOverdue.map(\.key), [key])
        XCTAssertEqual(dayAfter!.figures(for: dayAfter!.records).implementationOverdue, 1)

        let done = """
        ---
        title: Voortgang
        date: 2024-10-15
        responds_to:
          - ref: "2024-02-01-advies#r2"
            implementation: done
            note: Klaar.
        ---
        """
        let (later, problems) = site(["2024-03-01-reactie": Self.promise, "2024-10-15-voortgang": done]).graph(today: "2024-11-01")
        XCTAssertEqual(lines(problems), [])
        XCTAssertEqual(later!.statuses.implementationOverdue.map(\.key), [])
        // The report without an outcome keeps the outcome: still adopted, now carried out.
        guard case .answered(let answer) = later!.statuses.items[key] else { return XCTFail("r2 must be answered") }
        XCTAssertEqual(answer.outcome, .adopted)
        let history = try XCTUnwrap(later!.histories[key])
        XCTAssertEqual(history.steps.map(\.feedback), ["2024-03-01-reactie", "2024-10-15-voortgang"])
        XCTAssertEqual(history.implementationStep?.implementation, .done)
        let figures = later!.figures(for: later!.records)
        XCTAssertEqual(figures.carriedOut[.done], 1)
        XCTAssertEqual(figures.carriedOutNotReported, 0)
        XCTAssertEqual(figures.outcomes[.adopted], 1)
        XCTAssertEqual(figures.outcomes[.inProgress], 1)
    }

    func testFromInProgressThroughAdoptedToDone() throws {
        let key = ItemKey(record: "2024-02-01-advies", item: "r1")
        let adopted = """
        ---
        title: Besluit
        date: 2024-05-20
        responds_to:
          - ref: "2024-02-01-advies#r1"
            outcome: adopted
            implementation: underway
            expected: 2024-12-31
        ---
        """
        let done = """
        ---
        title: Uitgevoerd
        date: 2025-01-10
        responds_to:
          - ref: "2024-02-01-advies#r1"
            implementation: done
        ---
        """
        let (graph, problems) = site(["2024-03-01-reactie": Self.promise, "2024-05-20-besluit": adopted, "2025-01-10-uitgevoerd": done])
            .graph(today: "2025-02-01")
        XCTAssertEqual(lines(problems), [])
        let history = try XCTUnwrap(graph!.histories[key])
        XCTAssertEqual(history.steps.map { $0.outcome?.rawValue ?? "-" }, ["in-progress", "adopted", "-"])
        XCTAssertEqual(history.steps.map { $0.implementation?.rawValue ?? "-" }, ["-", "underway", "done"])
        XCTAssertEqual(history.latest?.outcome, .adopted)
        XCTAssertFalse(graph!.statuses.open.contains { $0.key == key })
        XCTAssertFalse(graph!.statuses.implementationOverdue.contains { $0.key == key })
    }

    func testImplementationErrors() {
        let wrong = """
        ---
        title: Reactie
        date: 2024-03-01
        responds_to:
          - ref: "2024-02-01-advies#r1"
            outcome: noted
            implementation: planned
          - ref: "2024-02-01-advies"
            outcome:
        ---
        """
        // A report of implementation for an item nobody adopted: found in the graph, at its ref.
        let early = """
        ---
        title: Voortgang
        date: 2024-03-02
        responds_to:
          - ref: "2024-02-01-advies#r2"
            implementation: done
        ---
        """
        let (_, problems) = site(["2024-03-01-reactie": wrong, "2024-03-02-voortgang": early]).graph(today: "2024-06-01")
        XCTAssertEqual(lines(problems), [
            "content/feedback/2024-03-01-reactie.md:7: error: `2024-02-01-advies#r1` has an `implementation`, but its outcome is `noted`; only what is adopted or partially-adopted is carried out",
            "content/feedback/2024-03-01-reactie.md:9: error: choose an outcome for `2024-02-01-advies`: adopted, partially-adopted, not-adopted, in-progress, referred or noted",
            "content/feedback/2024-03-02-voortgang.md:5: error: this reports the implementation of `2024-02-01-advies#r2`, but it has no outcome yet; only what is adopted or partially-adopted is carried out (give an `outcome` first)",
        ])
    }
}
