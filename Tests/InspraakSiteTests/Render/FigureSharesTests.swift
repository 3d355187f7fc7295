import Foundation
import InspraakTestSupport
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// Figures and open lists added up from each record's share (`FigureShares`), on the example
/// site, against what is counted here from the statuses and the records themselves: for the
/// whole site, every theme, council and place, and random selections (some records twice,
/// some from another graph of the same site).
final class FigureSharesTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testSharesAddUpToWhatTheRecordsSay() throws {
        var options = BuildOptions(source: root, baseURL: "https://example.nl/participatie/", today: Day(iso: "2026-11-15")!)
        options.useGitHistory = false
        let (_, built, report) = SiteBuild.plan(options)
        XCTAssertTrue(report.succeeded)
        let graph = try XCTUnwrap(built)
        let shares = FigureShares(graph)

        var selections: [[Record]] = [graph.records]
        selections += graph.themes.map { graph.records(inTheme: $0.slug) }
        selections += graph.councils.map { graph.records(ofCouncil: $0.slug) }
        selections += graph.places.map { graph.records(inPlace: $0.slug) }
        var random = SeededRandom(seed: 42)
        let other = graph.droppingBodies().records
        for _ in 0..<40 {
            selections.append((0..<Int.random(in: 0...30, using: &random)).map { _ in
                Bool.random(using: &random) ? graph.records.randomElement(using: &random)! : other.randomElement(using: &random)!
            })
        }
        XCTAssertGreaterThan(graph.statuses.open.count, 0)
        XCTAssertGreaterThan(graph.statuses.inProgress.count + graph.statuses.implementationOverdue.count, 0)

        for (number, records) in selections.enumerated() {
            let ids = Set(records.map(\.id))
            let open = graph.statuses.open.filter { ids.contains($0.key.record) }
            XCTAssertEqual(shares.openItems(for: records), open, "selection \(number)")
            XCTAssertEqual(shares.inProgress(for: records), graph.statuses.inProgress.filter { ids.contains($0.key.record) }, "selection \(number)")
            let late = graph.statuses.implementationOverdue.filter { ids.contains($0.key.record) }
            XCTAssertEqual(shares.implementationOverdue(for: records), late, "selection \(number)")

            let figures = shares.figures(for: records)
            XCTAssertEqual(figures, FigureShares(graph, of: records).figures(for: records), "selection \(number)")
            XCTAssertEqual(figures.overdue, open.filter(\.isOverdue).count, "selection \(number)")
            XCTAssertEqual(figures.awaiting, open.count - figures.overdue, "selection \(number)")
            XCTAssertEqual(figures.implementationOverdue, late.count, "selection \(number)")
            // Counted per record as listed.
            var held = 0, attendees = 0, requested = 0, unsolicited = 0
            var outcomes: [Outcome: Int] = [:]
            for record in records {
                switch record.details {
                case .meeting(let meeting) where !meeting.cancelled && record.date.day <= graph.today:
                    held += 1
                    attendees += meeting.attendees ?? 0
                case .advice(let advice):
                    if advice.kind == .requested { requested += 1 } else { unsolicited += 1 }
                default:
                    break
                }
                for key in Statuses.keys(of: record) {
                    if case .answered(let answer) = graph.statuses.items[key] { outcomes[answer.outcome, default: 0] += 1 }
                }
            }
            XCTAssertEqual(figures.meetingsHeld, held, "selection \(number)")
            XCTAssertEqual(figures.attendees, attendees, "selection \(number)")
            XCTAssertEqual(figures.adviceRequested, requested, "selection \(number)")
            XCTAssertEqual(figures.adviceUnsolicited, unsolicited, "selection \(number)")
            XCTAssertEqual(figures.outcomes, outcomes, "selection \(number)")
        }
    }
}
