import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// The open-items page's counts by status, theme and council, on the example site, against
/// numbers counted here from the graph's open items and the records themselves.
final class OpenFiltersTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func filters() throws -> (OpenFilters, SiteGraph) {
        var options = BuildOptions(source: root, baseURL: "https://example.nl/participatie/", today: Day(iso: "2026-11-15")!)
        options.useGitHistory = false
        let (_, graph, report) = SiteBuild.plan(options)
        XCTAssertTrue(report.succeeded)
        let site = try XCTUnwrap(graph)
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let config = try XCTUnwrap(SiteConfig.parse(String(contentsOf: root.appendingPathComponent("site.toml"), encoding: .utf8)).0)
        let settings = RenderSettings(config)
        let pages = try XCTUnwrap(PagePlan(site, settings: settings, theme: try XCTUnwrap(theme), texts: RenderedTexts.render(site, unsafeHTML: false)))
        let statuses = site.statuses
        let groups = OpenGroupsView(pages.context, open: statuses.open, inProgress: statuses.inProgress,
                                    implementationOverdue: statuses.implementationOverdue, from: SitePaths.open)
        return (OpenFilters(pages.context, groups: groups.groups), site)
    }

    func testCountsByStatusThemeAndCouncilMatchTheRecords() throws {
        let (filters, graph) = try filters()
        let statuses = graph.statuses
        XCTAssertEqual(filters.states.map(\.href), ["#open-overdue", "#open-awaiting", "#open-implementation-overdue", "#open-in-progress"])
        XCTAssertEqual(filters.states.map(\.count), [statuses.open.filter(\.isOverdue).count, statuses.open.filter { !$0.isOverdue }.count,
                                                     statuses.implementationOverdue.count, statuses.inProgress.count])

        var byTheme: [String: Int] = [:], byCouncil: [String: Int] = [:]
        for item in statuses.open + statuses.implementationOverdue + statuses.inProgress {
            let record = try XCTUnwrap(graph.record(item.key.record))
            for slug in graph.themesOf[record.id, default: []] { byTheme[try XCTUnwrap(graph.theme(slug)).title, default: 0] += 1 }
            // A council by the title the graph gives it (its file's, else its first spelling).
            if let council = graph.council(of: record) { byCouncil[council.title, default: 0] += 1 }
        }
        XCTAssertFalse(byTheme.isEmpty || byCouncil.isEmpty, "the example site should have open items with themes and councils")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: filters.themes.map { ($0.label, $0.count) }), byTheme)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: filters.councils.map { ($0.label, $0.count) }), byCouncil)
        // Themes in the site's order, councils by title; each link leads to its own section.
        XCTAssertEqual(filters.themes.map(\.label), graph.themes.map(\.title).filter { byTheme[$0] != nil })
        XCTAssertEqual(filters.councils.map(\.label), graph.councils.map(\.title).filter { byCouncil[$0] != nil })
        XCTAssertEqual(filters.themes.map(\.href), filters.themeSections.map { "#" + $0.id })
        XCTAssertEqual(filters.councils.map(\.href), filters.councilSections.map { "#" + $0.id })
        XCTAssertEqual(filters.themeSections.map(\.items.count), filters.themes.map(\.count))
    }

    func testCouncilAnchorsAreTheirSlugsAndDistinct() throws {
        let (filters, graph) = try filters()
        let ids = filters.councilSections.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids, graph.councils.filter { council in filters.councilSections.contains { $0.heading == council.title } }
            .map { "open-council-" + $0.slug })
    }
}
