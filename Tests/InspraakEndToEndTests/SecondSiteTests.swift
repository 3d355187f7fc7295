import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// A second realistic site the team did not write its code against (Gemeente Oudewater-aan-Zee,
/// Tests/Fixtures/sites/second-site): it must build cleanly, and its promises, implementation,
/// calendars, open data and DiWoo files must show what its records say.
final class SecondSiteTests: XCTestCase {
    static let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/second-site")

    func testSecondSiteBuildsCleanlyAndShowsWhatItsRecordsSay() throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        var options = BuildOptions(source: Self.source, output: output, baseURL: nil, today: Day(iso: "2026-11-30")!)
        options.useGitHistory = false
        let report = SiteBuild.build(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [], "the second site must build without errors or warnings")
        XCTAssertTrue(report.succeeded)

        func text(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }

        // A broken promise: in-progress, promised for 1 June 2025, still open on 30 November 2026.
        let advice = try text("advice/2024-07-02-advies-armoede-zeedorp/index.html")
        XCTAssertTrue(advice.contains("beloofd voor 1 juni 2025 · 547 dagen over tijd"), "the record page shows the overdue promise")

        // Implementation promised for 31 December 2024 and only "underway": listed as overdue.
        let open = try text("open/index.html")
        XCTAssertTrue(open.contains("id=\"open-implementation-overdue-heading\">Uitvoering over tijd"))
        XCTAssertTrue(open.contains("Verhoog het budget per kind naar 300 euro per jaar."))
        XCTAssertTrue(open.contains("Bouw kleine huurwoningen voor jongeren uit het dorp"))
        // Done ends it: the belcirkel was carried out in 2026, so it is not listed.
        XCTAssertFalse(open.contains("Start een <em>belcirkel</em>"))

        // The cancelled meeting is CANCELLED in the site-wide calendar and in its theme's.
        for calendar in ["agenda.ics", "themes/vervoer/agenda.ics"] {
            let ics = try text(calendar)
            let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
            let cancelled = events.filter { $0.contains("STATUS:CANCELLED") }
            XCTAssertEqual(cancelled.count, 1, calendar)
            XCTAssertTrue(cancelled.first?.contains("UID:2023-11-07-stamtafel-vervoer-afgelast@www.oudewater-aan-zee.example") == true, calendar)
        }

        // An implementation-only report keeps the outcome column empty in the answers.
        let answers = try text("data/answers.csv").components(separatedBy: "\r\n")
        XCTAssertTrue(answers.contains { $0.hasPrefix("2023-05-09-voortgang-schoolkosten,2023-05-09,2021-11-23-ongevraagd-advies-schoolkosten#r3,advice,2021-11-23-ongevraagd-advies-schoolkosten,r3,,underway,2024-12-31,") },
                      "answers.csv has the implementation-only row:\n" + answers.joined(separator: "\n"))

        // [woo] is set: the DiWoo index and its sitemap exist, with the advice's PDF as its own entry.
        let index = try text("sitemapindex-diwoo-infocat010.xml")
        XCTAssertTrue(index.contains("<loc>https://www.oudewater-aan-zee.example/inspraak/sitemap-diwoo-infocat010-001.xml</loc>"))
        let diwoo = try text("sitemap-diwoo-infocat010-001.xml")
        XCTAssertTrue(diwoo.contains("<loc>https://www.oudewater-aan-zee.example/inspraak/advice/2021-11-23-ongevraagd-advies-schoolkosten/adviesbrief.pdf</loc>"))
        XCTAssertTrue(diwoo.contains("https://identifier.overheid.nl/tooi/id/gemeente/gm9998"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("meetings/2026-10-13-conceptverslag-inloopavond").path), "a draft is not published")
    }
}
