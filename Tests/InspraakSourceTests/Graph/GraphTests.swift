import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// The graph on small in-memory sites: every error kind with its file and line, every status
/// at its boundary days.
final class GraphTests: XCTestCase {
    static let themes = [
        "content/themes/armoede.md": "---\ntitle: Armoede\n---\nOver armoede.\n",
        "content/themes/wonen.md": "---\ntitle: Wonen\norder: 2\n---\n",
    ]

    static let meeting = """
    ---
    title: Stamtafel armoede
    date: 2024-01-10T19:30
    format: stamtafel
    attendees: 50
    themes: [armoede]
    input:
      - id: i1
        text: Een kledingbank
      - id: i2
        text: Een lotgenotengroep
    ---
    Verslag.
    """

    static let advice = """
    ---
    title: Advies armoede
    date: 2024-02-01
    council: Adviesraad
    kind: unsolicited
    based_on: [2024-01-10-stamtafel]
    recommendations:
      - id: r1
        text: Doe dit
      - id: r2
        text: Doe dat
    ---
    """

    func site(_ extra: [String: String]) -> InMemorySite {
        var files = Self.themes
        files["content/meetings/2024-01-10-stamtafel.md"] = Self.meeting
        files["content/advice/2024-02-01-advies.md"] = Self.advice
        files.merge(extra) { _, new in new }
        return InMemorySite(files)
    }

    func testDanglingRefSuggestsTheClosestID() {
        let (_, diagnostics) = site([
            "content/feedback/2024-03-01-reactie.md": "---\ntitle: R\ndate: 2024-03-01\nthemes: [armoede]\nresponds_to:\n  - ref: 2024-01-10-stamtafle#i1\n    outcome: adopted\n---\n",
        ]).graph(today: "2024-03-02")
        XCTAssertEqual(lines(diagnostics), [
            "content/feedback/2024-03-01-reactie.md:6: error: `2024-03-01-reactie` refers to `2024-01-10-stamtafle#i1`, but there is no record `2024-01-10-stamtafle`",
        ])
        XCTAssertEqual(diagnostics.first?.hint, "did you mean `2024-01-10-stamtafel`?")
    }

    func testUnknownItemListsTheItemsThatExist() {
        let (_, diagnostics) = site([
            "content/feedback/2024-03-01-reactie.md": "---\ntitle: R\ndate: 2024-03-01\noutcome: noted\nthemes: [armoede]\nresponds_to:\n  - 2024-02-01-advies#r9\n---\n",
        ]).graph(today: "2024-03-02")
        XCTAssertEqual(lines(diagnostics), [
            "content/feedback/2024-03-01-reactie.md:7: error: `2024-03-01-reactie` refers to `2024-02-01-advies#r9`, but `2024-02-01-advies` has no item `r9` (it has r1, r2)",
        ])
    }

    func testDuplicateIDsAcrossTypes() {
        let (_, diagnostics) = site([
            "content/meetings/2024-04-01-x.md": "---\ntitle: X\ndate: 2024-04-01\nthemes: [wonen]\n---\n",
            "content/advice/2024-04-01-x.md": "---\ntitle: X\ndate: 2024-04-01\ncouncil: R\nthemes: [wonen]\n---\n",
        ]).graph(today: "2024-03-02")
        XCTAssertEqual(lines(diagnostics), [
            "content/meetings/2024-04-01-x.md:1: error: the id `2024-04-01-x` is used twice: here and in content/advice/2024-04-01-x.md; ids must be unique across the whole site",
        ])
    }

    func testSelfAnswerCycleAndUndefinedTheme() {
        let (_, diagnostics) = site([
            "content/feedback/2024-03-01-a.md": "---\ntitle: A\ndate: 2024-03-01\noutcome: noted\nthemes: [wonnen]\nresponds_to: [2024-03-01-a]\n---\n",
            "content/advice/2024-03-02-b.md": "---\ntitle: B\ndate: 2024-03-02\ncouncil: R\nbased_on: [2024-03-03-c]\nthemes: [wonen]\n---\n",
            "content/advice/2024-03-03-c.md": "---\ntitle: C\ndate: 2024-03-03\ncouncil: R\nbased_on: [2024-03-02-b]\nthemes: [wonen]\n---\n",
        ]).graph(today: "2024-03-05")
        XCTAssertEqual(lines(diagnostics), [
            "content/advice/2024-03-02-b.md:5: error: these records refer to each other in a circle: 2024-03-02-b → 2024-03-03-c → 2024-03-02-b",
            "content/feedback/2024-03-01-a.md:5: error: the theme `wonnen` does not exist; add content/themes/wonnen.md or use an existing theme",
            "content/feedback/2024-03-01-a.md:6: error: feedback `2024-03-01-a` answers itself",
        ])
    }

    func testModelErrorsAreLocated() {
        let (_, diagnostics) = site([
            "content/feedback/2024-03-01-a.md": """
            ---
            title: A
            date: 2024-03-01
            responds_to:
              - ref: 2024-02-01-advies#r1
                outcome: rejected
              - ref: 2024-02-01-advies#r2
              - ref: 2024-01-10-stamtafel#i1
                outcome: not-adopted
            id: a
            ---
            """,
            "content/meetings/2024-05-01-Vergadering.md": "---\ntitle: V\ndate: 2024-05-01T20:00\nend: 2024-05-01T19:00\nattendees: veel\n---\n",
        ]).graph(today: "2024-03-05")
        XCTAssertEqual(lines(diagnostics), [
            "content/feedback/2024-03-01-a.md:6: error: unknown outcome `rejected`; use one of: adopted, partially-adopted, not-adopted, in-progress, referred, noted",
            "content/feedback/2024-03-01-a.md:7: error: the answer to `2024-02-01-advies#r2` has no `outcome`, and the feedback sets no default `outcome`",
            "content/feedback/2024-03-01-a.md:8: error: `2024-01-10-stamtafel#i1` is not adopted, but no reason is given; add a `note` or explain it in the text",
            "content/feedback/2024-03-01-a.md:10: error: the id is the file name; remove the `id` field and rename the file instead",
            "content/meetings/2024-05-01-Vergadering.md:1: error: the file name `2024-05-01-Vergadering` is not a valid id: use lower-case letters a–z, digits and hyphens",
            // A record with errors still takes part in the graph, so its own other problems show in the same run.
            "content/meetings/2024-05-01-Vergadering.md:1: warning: this record has no `themes`, and refers to nothing it could take them from",
            "content/meetings/2024-05-01-Vergadering.md:4: error: `end` is before `date`",
            "content/meetings/2024-05-01-Vergadering.md:5: error: `attendees` should be a whole number (without quotes), not text",
        ])
    }

    func testRefToADraftIsAnErrorUnlessDraftsAreBuilt() {
        let files = [
            "content/feedback/2024-03-01-a.md": "---\ntitle: A\ndate: 2024-03-01\ndraft: true\noutcome: noted\nresponds_to: [2024-02-01-advies]\n---\n",
            "content/advice/2024-03-05-b.md": "---\ntitle: B\ndate: 2024-03-05\ncouncil: R\nthemes: [wonen]\nbased_on: [2024-03-01-a]\n---\n",
        ]
        let (_, diagnostics) = site(files).graph(today: "2024-03-06")
        XCTAssertEqual(lines(diagnostics).first, "content/advice/2024-03-05-b.md:6: error: `2024-03-05-b` refers to `2024-03-01-a`, which is a draft and not published; publish it (remove `draft: true`) or remove the reference")
        let (graph, withDrafts) = site(files).graph(today: "2024-03-06", drafts: true)
        XCTAssertFalse(withDrafts.hasErrors, lines(withDrafts).joined(separator: "\n"))
        XCTAssertNotNil(graph?.record("2024-03-01-a"))
    }

    func testFeedbackBeforeWhatItAnswersIsAWarning() {
        let (_, diagnostics) = site([
            "content/feedback/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\noutcome: noted\nresponds_to: [2024-02-01-advies]\n---\n",
        ]).graph(today: "2024-03-06")
        XCTAssertEqual(lines(diagnostics), ["content/feedback/2024-01-01-a.md:5: warning: feedback `2024-01-01-a` is dated before `2024-02-01-advies`, which it answers"])
    }

    // MARK: Statuses at their boundaries

    /// The advice of 2024-02-01 is due on 2024-03-14 (42 days).
    func testAdviceIsAwaitingOnItsDueDayAndOverdueTheDayAfter() throws {
        let onDue = try XCTUnwrap(site([:]).graph(today: "2024-03-14").0)
        XCTAssertEqual(onDue.statuses.advice["2024-02-01-advies"], .awaiting(due: Day(iso: "2024-03-14")!))
        let after = try XCTUnwrap(site([:]).graph(today: "2024-03-15").0)
        XCTAssertEqual(after.statuses.advice["2024-02-01-advies"], .overdue(due: Day(iso: "2024-03-14")!))
        XCTAssertEqual(after.statuses.open.filter { $0.key.record == "2024-02-01-advies" }.map(\.isOverdue), [true, true])
    }

    /// Meeting input of 2024-01-10 is due on 2024-04-09 (90 days).
    func testMeetingInputIsOverdueFromTheDayAfterExpectedDays() throws {
        let onDue = try XCTUnwrap(site([:]).graph(today: "2024-04-09").0)
        XCTAssertEqual(onDue.statuses.items[ItemKey(record: "2024-01-10-stamtafel", item: "i1")], .awaiting(due: Day(iso: "2024-04-09")!))
        let after = try XCTUnwrap(site([:]).graph(today: "2024-04-10").0)
        XCTAssertEqual(after.statuses.items[ItemKey(record: "2024-01-10-stamtafel", item: "i1")], .overdue(due: Day(iso: "2024-04-09")!))
    }

    func testPartlyAnsweredAdviceAndLatestOutcomeWins() throws {
        let (graph, diagnostics) = site([
            "content/feedback/2024-03-01-a.md": "---\ntitle: A\ndate: 2024-03-01\nresponds_to:\n  - {ref: 2024-02-01-advies#r1, outcome: in-progress}\n---\n",
            "content/feedback/2024-06-01-b.md": "---\ntitle: B\ndate: 2024-06-01\nresponds_to:\n  - {ref: 2024-02-01-advies#r1, outcome: adopted, note: Gedaan}\n---\n",
        ]).graph(today: "2024-07-01")
        XCTAssertEqual(lines(diagnostics), [])
        let g = try XCTUnwrap(graph)
        XCTAssertEqual(g.statuses.advice["2024-02-01-advies"], .partlyAnswered(open: 1))
        guard case .answered(let latest) = g.statuses.items[ItemKey(record: "2024-02-01-advies", item: "r1")] else { return XCTFail() }
        XCTAssertEqual(latest.feedback, "2024-06-01-b")
        XCTAssertEqual(latest.outcome, .adopted)
        XCTAssertEqual(g.answers[ItemKey(record: "2024-02-01-advies", item: "r1")]?.map(\.outcome), [.inProgress, .adopted])
        // r2 was never answered; it is open, and overdue past the due day.
        XCTAssertEqual(g.statuses.items[ItemKey(record: "2024-02-01-advies", item: "r2")], .overdue(due: Day(iso: "2024-03-14")!))
        // The feedback inherits the themes of what it answers.
        XCTAssertEqual(g.themesOf["2024-06-01-b"], ["armoede"])
        XCTAssertEqual(g.trail(of: "2024-01-10-stamtafel").map(\.id), ["2024-01-10-stamtafel", "2024-02-01-advies", "2024-03-01-a", "2024-06-01-b"])
        XCTAssertEqual(g.backlinks["2024-02-01-advies"], ["2024-03-01-a", "2024-06-01-b"])
    }

    func testWholeRefAnswersEveryItemAndAdviceBecomesAnswered() throws {
        let (graph, _) = site([
            "content/feedback/2024-03-01-a.md": "---\ntitle: A\ndate: 2024-03-01\noutcome: referred\nresponds_to: [2024-02-01-advies]\nthemes: [armoede]\n---\nDoorgegeven.\n",
        ]).graph(today: "2024-07-01")
        let g = try XCTUnwrap(graph)
        XCTAssertEqual(g.statuses.advice["2024-02-01-advies"], .answered)
        XCTAssertEqual(g.figures(for: g.records).outcomes, [.referred: 2])
    }

    func testCancelledAndPlannedMeetingsHaveNoOpenInput() throws {
        let (graph, _) = site([
            "content/meetings/2024-05-01-gepland.md": "---\ntitle: G\ndate: 2024-05-01\nthemes: [wonen]\ninput: [{id: i1, text: x}]\n---\n",
            "content/meetings/2024-02-01-afgelast.md": "---\ntitle: A\ndate: 2024-02-01\ncancelled: true\nthemes: [wonen]\ninput: [{id: i1, text: x}]\n---\n",
        ]).graph(today: "2024-04-01")
        let g = try XCTUnwrap(graph)
        XCTAssertEqual(Set(g.statuses.open.map(\.key.record)), ["2024-01-10-stamtafel", "2024-02-01-advies"])
    }

    /// Figures from a known set, computed by hand: two advice, one answered in 20 days (in time),
    /// one answered in 60 days (late); a meeting of 50 and one cancelled.
    func testFiguresByHand() throws {
        let (graph, diagnostics) = site([
            "content/advice/2024-03-01-tweede.md": "---\ntitle: T\ndate: 2024-03-01\ncouncil: R\nthemes: [wonen]\nrecommendations: [{id: r1, text: x}]\n---\n",
            "content/meetings/2024-02-01-afgelast.md": "---\ntitle: A\ndate: 2024-02-01\ncancelled: true\nattendees: 10\nthemes: [wonen]\n---\n",
            "content/feedback/2024-02-21-a.md": "---\ntitle: A\ndate: 2024-02-21\nresponds_to:\n  - {ref: 2024-02-01-advies#r1, outcome: adopted}\n  - {ref: 2024-02-01-advies#r2, outcome: not-adopted, note: Te duur}\n  - {ref: 2024-01-10-stamtafel#i1, outcome: referred, note: Naar de voedselbank}\n---\n",
            "content/feedback/2024-04-30-b.md": "---\ntitle: B\ndate: 2024-04-30\noutcome: noted\nresponds_to: [2024-03-01-tweede]\n---\n",
        ]).graph(today: "2024-06-01")
        XCTAssertEqual(lines(diagnostics), [])
        let g = try XCTUnwrap(graph)
        let f = g.figures(for: g.records)
        XCTAssertEqual(f.meetingsHeld, 1)
        XCTAssertEqual(f.attendees, 50)
        XCTAssertEqual(f.adviceRequested, 1)
        XCTAssertEqual(f.adviceUnsolicited, 1)
        XCTAssertEqual(f.outcomes, [.adopted: 1, .notAdopted: 1, .referred: 1, .noted: 1])
        XCTAssertEqual(f.medianDaysToResponse, 40)      // 20 and 60 days
        XCTAssertEqual(f.answeredInTime, 1)
        XCTAssertEqual(f.answeredInTimeOf, 2)
        XCTAssertEqual(f.answeredInTimePercent, 50)
        XCTAssertEqual(f.overdue, 1)                    // i2 of the meeting, due 2024-04-09
        XCTAssertEqual(f.awaiting, 0)
        let wonen = g.figures(for: g.records(inTheme: "wonen"))
        XCTAssertEqual(wonen.adviceRequested, 1)
        XCTAssertEqual(wonen.meetingsHeld, 0)
        XCTAssertEqual(wonen.outcomes, [.noted: 1])
    }
}
