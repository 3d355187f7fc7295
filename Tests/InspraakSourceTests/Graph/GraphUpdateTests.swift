import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// `SiteGraph.updating` (serve, after an edit to outcomes, notes, due days): for every edit it
/// accepts, the graph must equal one built from scratch; edits that move refs, dates, themes or
/// items it must leave to a full build.
final class GraphUpdateTests: XCTestCase {
    static let files: [String: String] = [
        "content/themes/armoede.md": "---\ntitle: Armoede\n---\n",
        "content/themes/wonen.md": "---\ntitle: Wonen\n---\n",
        "content/meetings/2024-01-10-stamtafel.md": """
        ---
        title: Stamtafel armoede
        date: 2024-01-10T19:30
        themes: [armoede]
        input:
          - id: i1
            text: Een kledingbank
          - id: i2
            text: Een lotgenotengroep
        ---
        """,
        "content/meetings/2024-05-01-inloop.md": "---\ntitle: Inloop\ndate: 2024-05-01\nthemes: [wonen]\ninput:\n  - id: i1\n    text: Meer woningen\n---\n",
        "content/advice/2024-02-01-advies.md": """
        ---
        title: Advies armoede
        date: 2024-02-01
        council: Adviesraad
        based_on: [2024-01-10-stamtafel]
        response_due: 2024-04-01
        recommendations:
          - id: r1
            text: Doe dit
          - id: r2
            text: Doe dat
        ---
        """,
        "content/feedback/2024-03-01-reactie.md": """
        ---
        title: Reactie
        date: 2024-03-01
        responds_to:
          - ref: "2024-02-01-advies#r1"
            outcome: adopted
            implementation: planned
            expected: 2024-09-30
          - ref: "2024-02-01-advies#r2"
            outcome: in-progress
            expected: 2024-06-01
          - ref: "2024-01-10-stamtafel"
            outcome: noted
        ---
        """,
        "content/feedback/2024-07-01-voortgang.md": """
        ---
        title: Voortgang
        date: 2024-07-01
        responds_to:
          - ref: "2024-02-01-advies#r1"
            implementation: underway
        ---
        """,
    ]

    static let reactie = "content/feedback/2024-03-01-reactie.md"

    /// The graph of `files` updated after `edits`, next to the one built from the edited files.
    private func graphs(_ edits: [String: String], today: String = "2024-08-01") throws
        -> (updated: (SiteGraph, [Diagnostic], GraphUpdate)?, built: (SiteGraph, [Diagnostic]), before: SiteGraph) {
        let cache = DecodedDocumentCache()
        let before = try XCTUnwrap(InMemorySite(Self.files).loaded().0)
        let after = try XCTUnwrap(InMemorySite(Self.files.merging(edits) { _, new in new }).loaded().0)
        let (earlier, _) = ModelBuilder.build(before, includeDrafts: false, cache: cache)
        let (model, modelProblems) = ModelBuilder.build(after, includeDrafts: false, cache: cache)
        XCTAssertEqual(modelProblems, [], "the edited site reads with problems")
        let settings = GraphSettings(before.config), day = try XCTUnwrap(Day(iso: today))
        let (graph, problems) = SiteGraph.build(earlier, settings: settings, today: day)
        return (graph.updating(to: model, from: earlier, problems: problems, settings: settings), SiteGraph.build(model, settings: settings, today: day), graph)
    }

    private func assertSame(_ updated: (SiteGraph, [Diagnostic], GraphUpdate)?, _ built: (SiteGraph, [Diagnostic]), before: SiteGraph, _ edit: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let (graph, problems, update) = updated else { return XCTFail("\(edit): not updated", file: file, line: line) }
        // Every record the graph now says something new about is among those restated.
        let full = built.0
        for record in full.records {
            let keys = Statuses.keys(of: record)
            let differs = before.links[record.id] != full.links[record.id] || before.statuses.advice[record.id] != full.statuses.advice[record.id]
                || keys.map { before.statuses.items[$0] } != keys.map { full.statuses.items[$0] } || keys.map { before.histories[$0] } != keys.map { full.histories[$0] }
                || before.record(record.id) !== record && before.record(record.id)?.title != record.title
            if differs { XCTAssertTrue(update.restated.contains(record.id), "\(edit): \(record.id) changed but is not restated", file: file, line: line) }
        }
        XCTAssertEqual(Set(update.replaced.keys), Set(update.changed.map(\.id)), edit, file: file, line: line)
        XCTAssertEqual(graph.records.map(\.id), full.records.map(\.id), edit, file: file, line: line)
        XCTAssertEqual(graph.links, full.links, "\(edit): links", file: file, line: line)
        XCTAssertEqual(graph.backlinks, full.backlinks, "\(edit): backlinks", file: file, line: line)
        XCTAssertEqual(graph.histories, full.histories, "\(edit): histories", file: file, line: line)
        XCTAssertEqual(graph.answers, full.answers, "\(edit): answers", file: file, line: line)
        XCTAssertEqual(graph.statuses.items, full.statuses.items, "\(edit): item statuses", file: file, line: line)
        XCTAssertEqual(graph.statuses.advice, full.statuses.advice, "\(edit): advice statuses", file: file, line: line)
        XCTAssertEqual(graph.statuses.open, full.statuses.open, "\(edit): open", file: file, line: line)
        XCTAssertEqual(graph.statuses.inProgress, full.statuses.inProgress, "\(edit): in progress", file: file, line: line)
        XCTAssertEqual(graph.statuses.implementationOverdue, full.statuses.implementationOverdue, "\(edit): implementation overdue", file: file, line: line)
        XCTAssertEqual(graph.statuses.openByRecord, full.statuses.openByRecord, "\(edit): open by record", file: file, line: line)
        XCTAssertEqual(graph.themesOf, full.themesOf, "\(edit): themes", file: file, line: line)
        XCTAssertEqual(Set(problems), Set(built.1), "\(edit): diagnostics", file: file, line: line)
    }

    private func edited(_ path: String, _ from: String, _ to: String) throws -> [String: String] {
        let text = try XCTUnwrap(Self.files[path])
        XCTAssertTrue(text.contains(from), "\(path) does not hold \(from)")
        return [path: text.replacingOccurrences(of: from, with: to)]
    }

    func testEditsToAnswersEqualAFullBuild() throws {
        let edits: [(String, [String: String])] = [
            ("outcome", try edited(Self.reactie, "outcome: noted", "outcome: adopted")),
            ("promise kept later", try edited(Self.reactie, "expected: 2024-06-01", "expected: 2024-12-01")),
            ("in progress to not adopted", try edited(Self.reactie, "outcome: in-progress\n    expected: 2024-06-01", "outcome: not-adopted\n    note: Te duur")),
            // The later report of implementation now follows an outcome that cannot be carried out.
            ("implementation before adoption", try edited(Self.reactie, "outcome: adopted\n    implementation: planned\n    expected: 2024-09-30", "outcome: noted")),
            ("note", try edited(Self.reactie, "outcome: noted", "outcome: noted\n    note: Zie de brief")),
            ("due day", try edited("content/advice/2024-02-01-advies.md", "response_due: 2024-04-01", "response_due: 2024-09-01")),
            ("cancelled", try edited("content/meetings/2024-05-01-inloop.md", "themes: [wonen]", "themes: [wonen]\ncancelled: true")),
            ("title", try edited("content/advice/2024-02-01-advies.md", "title: Advies armoede", "title: Advies over armoede")),
            ("two files", try edited(Self.reactie, "outcome: noted", "outcome: referred").merging(
                try edited("content/feedback/2024-07-01-voortgang.md", "implementation: underway", "implementation: done")) { a, _ in a }),
        ]
        for (name, edit) in edits {
            let (updated, built, before) = try graphs(edit)
            assertSame(updated, built, before: before, name)
        }
        // The edit that brings the error, and the one that takes it away again.
        let (broken, built, _) = try graphs(edits[3].1)
        XCTAssertTrue(built.1.contains { $0.severity == .error && $0.location.path == "content/feedback/2024-07-01-voortgang.md" }, "\(built.1)")
        XCTAssertEqual(broken.map { Set($0.1) }, Set(built.1))
    }

    /// `inspraak check` builds the graph without statuses: it must say all a full graph says,
    /// on the site as it is and with each edit (one of them an error).
    func testAGraphWithoutStatusesSaysTheSame() throws {
        let edits: [[String: String]] = [
            [:],
            try edited(Self.reactie, "outcome: adopted\n    implementation: planned\n    expected: 2024-09-30", "outcome: noted"),
            try edited(Self.reactie, "ref: \"2024-01-10-stamtafel\"", "ref: \"2024-01-10-stamtafel#i9\""),
        ]
        for edit in edits {
            let site = try XCTUnwrap(InMemorySite(Self.files.merging(edit) { _, new in new }).loaded().0)
            let (model, _) = ModelBuilder.build(site, includeDrafts: false)
            let settings = GraphSettings(site.config), day = try XCTUnwrap(Day(iso: "2024-08-01"))
            let (full, fullProblems) = SiteGraph.build(model, settings: settings, today: day)
            let (bare, bareProblems) = SiteGraph.build(model, settings: settings, today: day, statuses: false)
            XCTAssertEqual(bareProblems, fullProblems, "\(edit.keys.sorted())")
            XCTAssertEqual(bare.histories, full.histories)
            XCTAssertEqual(bare.links, full.links)
            XCTAssertTrue(bare.statuses.items.isEmpty && bare.statuses.open.isEmpty)
            XCTAssertFalse(full.statuses.items.isEmpty)
        }
        XCTAssertTrue(try {
            let site = try XCTUnwrap(InMemorySite(Self.files.merging(try edited(Self.reactie, "ref: \"2024-01-10-stamtafel\"", "ref: \"2024-01-10-stamtafel#i9\"")) { _, new in new }).loaded().0)
            let (model, _) = ModelBuilder.build(site, includeDrafts: false)
            return SiteGraph.build(model, settings: GraphSettings(site.config), today: Day(iso: "2024-08-01")!, statuses: false).1.contains { $0.severity == .error }
        }(), "the broken reference is reported without statuses too")
    }

    func testEditsThatMoveTheGraphAreLeftToAFullBuild() throws {
        let edits: [(String, [String: String])] = [
            ("ref", try edited(Self.reactie, "ref: \"2024-02-01-advies#r2\"", "ref: \"2024-05-01-inloop#i1\"")),
            ("date", try edited(Self.reactie, "date: 2024-03-01", "date: 2024-03-02")),
            ("themes", try edited("content/meetings/2024-05-01-inloop.md", "themes: [wonen]", "themes: [armoede]")),
            ("item", try edited("content/advice/2024-02-01-advies.md", "  - id: r2\n    text: Doe dat", "  - id: r3\n    text: Doe dat")),
            ("council", try edited("content/advice/2024-02-01-advies.md", "council: Adviesraad", "council: Cliëntenraad")),
            ("new record", ["content/feedback/2024-08-01-nieuw.md": "---\ntitle: Nieuw\ndate: 2024-08-01\nresponds_to:\n  - ref: \"2024-05-01-inloop#i1\"\n    outcome: noted\n---\n"]),
        ]
        for (name, edit) in edits {
            XCTAssertNil(try graphs(edit).updated, name)
        }
        let unchanged = try graphs([:])
        assertSame(unchanged.updated, unchanged.built, before: unchanged.before, "nothing")
    }
}
