import Foundation
import InspraakTestSupport
import XCTest
@testable import InspraakSite
@testable import InspraakSource

#if canImport(FoundationXML)
import FoundationXML
#endif

final class RenderTests: XCTestCase {
    func strings(_ language: String) throws -> Strings {
        let (theme, problems) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        XCTAssertEqual(problems, [])
        return Strings(try XCTUnwrap(theme?.strings[language]), language: language)
    }

    func testDutchAndEnglishDates() throws {
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Amsterdam"))
        let evening = try XCTUnwrap(Moment.parse("2019-05-14T19:30", zone: zone))
        let nl = try strings("nl"), en = try strings("en")
        XCTAssertEqual(nl.longDate(evening.day), "14 mei 2019")
        XCTAssertEqual(nl.moment(evening), "di 14 mei 2019 19:30")
        XCTAssertEqual(en.moment(evening), "Tue 14 May 2019 19:30")
        XCTAssertEqual(Strings.machine(evening), "2019-05-14T19:30+02:00")
        XCTAssertEqual(RFC822.format(evening), "Tue, 14 May 2019 19:30:00 +0200")
        let winterDay = try XCTUnwrap(Moment.parse("2020-01-05", zone: zone))
        XCTAssertEqual(RFC822.format(winterDay), "Sun, 05 Jan 2020 00:00:00 +0100")
        // Durations as a resident says them, singular for one day.
        XCTAssertEqual(nl.count("status.open_since", 1), "al 1 dag open")
        XCTAssertEqual(nl.count("status.open_since", 656), "al 656 dagen open")
        XCTAssertEqual(en.count("status.open_since", 1), "open for 1 day")
        XCTAssertEqual(en.count("status.open_since", 656), "open for 656 days")
        XCTAssertEqual(nl.count("status.days_overdue", 1), "1 dag over tijd")
        XCTAssertEqual(nl.count("status.days_left", 0), "vandaag is de laatste dag")
        XCTAssertEqual(en.count("status.days_overdue", 3), "3 days overdue")
    }

    func testRelativeLinks() {
        XCTAssertEqual(SitePaths.relative(from: "", to: "meetings/"), "meetings/")
        XCTAssertEqual(SitePaths.relative(from: "meetings/x/", to: "themes/a/"), "../../themes/a/")
        XCTAssertEqual(SitePaths.relative(from: "meetings/page/2/", to: ""), "../../../")
        XCTAssertEqual(SitePaths.relative(from: "", to: ""), "./")
        XCTAssertEqual(SitePaths.relative(from: "a/b/c/d/e/f/g/h/i/", to: "thema's/café/"), String(repeating: "../", count: 9) + "thema's/café/")
        XCTAssertEqual(SitePaths.relative(from: "x/", to: "a#b"), "../a#b")
        XCTAssertEqual(Assets.fingerprinted("site.css", hash: "abc"), "site.abc.css")
        XCTAssertEqual(Assets.fingerprinted("img/logo", hash: "abc"), "img/logo.abc")
    }

    /// A small site rendered with the built-in theme: pagination and a feed parsed back.
    func plan(records: Int, config extra: String = "") throws -> OutputPlan {
        var files = ["content/themes/wonen.md": "---\ntitle: Wonen\n---\n"]
        for index in 1...records {
            let day = Day(iso: "2024-01-01")!.adding(days: index).iso
            files["content/meetings/\(day)-m\(index).md"] = "---\ntitle: Bijeenkomst \(index) & zo\ndate: \(day)T19:30\nthemes: [wonen]\n---\nVerslag *\(index)*.\n"
        }
        var site = InMemorySite(files)
        site.config += "\n[pagination]\nsize = 3\n[feeds]\nlimit = 4\n" + extra
        let (loaded, _) = site.loaded()
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let (model, _) = ModelBuilder.build(try XCTUnwrap(loaded), includeDrafts: false)
        let (graph, problems) = SiteGraph.build(model, settings: GraphSettings(loaded!.config), today: Day(iso: "2024-06-01")!)
        XCTAssertFalse(problems.hasErrors)
        let (plan, renderProblems) = SiteRenderer.render(graph, settings: RenderSettings(loaded!.config), theme: try XCTUnwrap(theme))
        XCTAssertEqual(renderProblems, [])
        return try XCTUnwrap(plan)
    }

    func text(_ plan: OutputPlan, _ path: String) throws -> String {
        let file = try XCTUnwrap(plan.files.first { $0.path == path }, "no \(path)")
        let bytes = try XCTUnwrap(file.bytes(), "\(path) is copied, not made")
        return String(decoding: bytes, as: UTF8.self)
    }

    func testPagination() throws {
        let plan = try plan(records: 7)
        let paths = plan.files.map(\.path).filter { $0.hasPrefix("meetings/") && $0.hasSuffix("index.html") && $0.contains("page") || $0 == "meetings/index.html" }
        XCTAssertEqual(paths, ["meetings/index.html", "meetings/page/2/index.html", "meetings/page/3/index.html"])
        let first = try text(plan, "meetings/index.html")
        XCTAssertTrue(first.contains("Bijeenkomst 7 &amp; zo"))
        XCTAssertFalse(first.contains("Bijeenkomst 4 &amp;"))
        XCTAssertTrue(first.contains("rel=\"next\" href=\"../meetings/page/2/\""))
        let last = try text(plan, "meetings/page/3/index.html")
        XCTAssertTrue(last.contains("Bijeenkomst 1 &amp; zo"))
        XCTAssertTrue(last.contains("rel=\"prev\" href=\"../../../meetings/page/2/\""))
        XCTAssertFalse(last.contains("rel=\"next\""))
    }

    func testFeedParsesBackAsRSS() throws {
        let plan = try plan(records: 6)
        let xml = try text(plan, "themes/wonen/feed.xml")
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = FeedCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "feed is not well-formed XML: \(String(describing: parser.parserError))")
        XCTAssertEqual(collector.rssVersion, "2.0")
        XCTAssertEqual(collector.selfLink, "https://example.nl/participatie/themes/wonen/feed.xml")
        XCTAssertEqual(collector.items.count, 4)       // feeds.limit
        XCTAssertEqual(collector.items.first?["title"], "Bijeenkomst 6 & zo")
        XCTAssertEqual(collector.items.first?["link"], "https://example.nl/participatie/meetings/2024-01-07-m6/")
        XCTAssertEqual(collector.items.first?["guid"], collector.items.first?["link"])
        XCTAssertEqual(collector.items.first?["pubDate"], "Sun, 07 Jan 2024 19:30:00 +0100")
        XCTAssertEqual(collector.items.first?["description"], "Verslag 6.")
    }

    func testTemplateOutputIsEscapedAndRawHTMLOmitted() throws {
        var files = ["content/themes/wonen.md": "---\ntitle: Wonen\n---\n"]
        files["content/meetings/2024-01-02-x.md"] = "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2024-01-02\nthemes: [wonen]\ninput: [{id: i1, text: \"<img src=x onerror=alert(1)>\"}]\n---\n<iframe src=x></iframe>\n"
        let site = InMemorySite(files)
        let (loaded, _) = site.loaded()
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let (model, _) = ModelBuilder.build(try XCTUnwrap(loaded), includeDrafts: false)
        let (graph, _) = SiteGraph.build(model, settings: GraphSettings(loaded!.config), today: Day(iso: "2024-06-01")!)
        let plan = try XCTUnwrap(SiteRenderer.render(graph, settings: RenderSettings(loaded!.config), theme: try XCTUnwrap(theme)).0)
        let page = try text(plan, "meetings/2024-01-02-x/index.html")
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(page.contains("<iframe"))
        XCTAssertFalse(page.contains("onerror=alert"))
    }
}

/// Collects what an RSS test needs from a feed.
final class FeedCollector: NSObject, XMLParserDelegate {
    var rssVersion: String?
    var selfLink: String?
    var items: [[String: String]] = []
    private var current: [String: String]?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        if name == "rss" { rssVersion = attributes["version"] }
        if name == "atom:link", attributes["rel"] == "self" { selfLink = attributes["href"] }
        if name == "item" { current = [:] }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "item", let item = current { items.append(item); current = nil; return }
        if current != nil, current?[name] == nil { current?[name] = text }
    }
}
