import Foundation
import XCTest
import InspraakSite
import InspraakSource

/// Without `--now`, "today" is the clock's day in the site's `timezone`, decided once site.toml
/// is read. The instant is chosen here, never read from the clock.
final class TodayTests: XCTestCase {
    /// 2026-01-15 11:00 UTC: 16 January 01:00 on Kiritimati (UTC+14), 15 January 12:00 in
    /// Amsterdam, 15 January 00:00 in Pago Pago (UTC−11).
    private let instant = ISO8601DateFormatter().date(from: "2026-01-15T11:00:00Z")!

    /// A site whose one meeting's input is due on 15 January 2026 (90 days after 17 October).
    private func site(timezone: String?) throws -> URL {
        let folder = try temporaryFolder("today-\(timezone ?? "default")").appendingPathComponent("site")
        let files = [
            "site.toml": "title = \"T\"\nbase_url = \"https://example.nl/\"\n" + (timezone.map { "timezone = \"\($0)\"\n" } ?? ""),
            "content/themes/wonen.md": "---\ntitle: Wonen\n---\n",
            "content/meetings/2025-10-17-stamtafel.md": "---\ntitle: Stamtafel\ndate: 2025-10-17\nthemes: [wonen]\ninput:\n  - id: i1\n    text: Meer woningen.\n---\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func graph(timezone: String?, today: Today) throws -> SiteGraph {
        var options = BuildOptions(source: try site(timezone: timezone), today: today)
        options.useGitHistory = false
        let (_, graph, report) = SiteBuild.plan(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        return try XCTUnwrap(graph)
    }

    func testTodayIsTheClocksDayInTheSitesTimeZone() throws {
        let far = try graph(timezone: "Pacific/Kiritimati", today: .instant(instant))
        XCTAssertEqual(far.today, Day(iso: "2026-01-16"))
        // A day past the due date there: overdue, while in UTC and Amsterdam it is still due today.
        XCTAssertEqual(far.statuses.open.map(\.isOverdue), [true])

        let west = try graph(timezone: "Pacific/Pago_Pago", today: .instant(instant.addingTimeInterval(-3_600)))
        XCTAssertEqual(west.today, Day(iso: "2026-01-14"))

        let home = try graph(timezone: nil, today: .instant(instant))
        XCTAssertEqual(home.today, Day(iso: "2026-01-15"), "no timezone: Europe/Amsterdam, the default")
        XCTAssertEqual(home.statuses.open.map(\.isOverdue), [false])
    }

    func testNowIsTheSameDayInEveryTimeZone() throws {
        XCTAssertEqual(try graph(timezone: "Pacific/Kiritimati", today: .day(Day(iso: "2026-01-15")!)).today, Day(iso: "2026-01-15"))
    }

    func testNewTakesItsDefaultDateInTheSitesTimeZone() throws {
        var options = BuildOptions(source: try site(timezone: "Pacific/Kiritimati"), today: .instant(instant))
        options.useGitHistory = false
        let analysis = SiteBuild.analysis(options)
        XCTAssertEqual(analysis.today, Day(iso: "2026-01-16"))
        XCTAssertEqual(analysis.themeNames, ["wonen"])
        XCTAssertEqual(analysis.config?.timezone, "Pacific/Kiritimati")
    }

    func testADayIsTakenAtTheInstantsOffsetAcrossSummerTime() {
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let formatter = ISO8601DateFormatter()
        // 31 March 2024, 22:30 UTC is 00:30 on 1 April in summer time (UTC+2).
        XCTAssertEqual(Day(formatter.date(from: "2024-03-31T22:30:00Z")!, in: zone), Day(iso: "2024-04-01"))
        // 31 December 2023, 22:30 UTC is 23:30 in winter time (UTC+1).
        XCTAssertEqual(Day(formatter.date(from: "2023-12-31T22:30:00Z")!, in: zone), Day(iso: "2023-12-31"))
        XCTAssertEqual(Day(Date(timeIntervalSince1970: -1), in: TimeZone(identifier: "UTC")!), Day(iso: "1969-12-31"))
    }
}
