import Foundation
import XCTest
import InspraakSite
import InspraakSource

/// The map of what each output is made from, held against real builds: an edit changes only
/// files the map says depend on what was edited.
final class OutputInputsTests: XCTestCase {
    struct Built {
        let files: [String: Data]
        let map: DependencyMap
    }

    /// A copy of the example site (content, site.toml and the default theme), changed by
    /// `edit`, built on `today` the way the golden test builds it.
    func build(_ name: String, today: String = "2026-11-15", edit: (URL) throws -> Void = { _ in }) throws -> Built {
        let folder = try temporaryFolder("OutputInputs" + name)
        try copyExampleSite(to: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("themes/default"), to: folder.appendingPathComponent("themes/default"))
        try edit(folder)
        var options = BuildOptions(source: folder, output: folder.appendingPathComponent("public"),
                                   baseURL: "https://example.nl/participatie/", today: Day(iso: today)!)
        options.useGitHistory = false
        let report = SiteBuild.build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let (plan, _, _) = SiteBuild.plan(options)
        let map = try XCTUnwrap(plan?.inputs())
        return Built(files: Dictionary(uniqueKeysWithValues: try snapshot(options.output)), map: map)
    }

    func baseBuild() throws -> Built { try build("Base") }

    /// Paths whose bytes differ, or that only one build has.
    func differing(_ a: Built, _ b: Built) -> Set<String> {
        Set(a.files.keys).union(b.files.keys).filter { a.files[$0] != b.files[$0] }
    }

    /// Gives a record a new title and checks the files that changed against the map.
    func changedByTitle(of id: String, file: String) throws -> (changed: Set<String>, mapped: Set<String>) {
        let base = try baseBuild()
        XCTAssertEqual(base.map.sources[.record(id)], file)
        let edited = try build("Title" + id) { folder in
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("title: ") ? "title: \"Nieuwe titel voor \(id)\"" : String(line)
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let changed = differing(base, edited)
        let mapped = Set(base.map.outputs(dependingOn: .record(id)))
        XCTAssertFalse(changed.isEmpty, "the new title shows nowhere")
        XCTAssertEqual(changed.subtracting(mapped).sorted(), [], "files that changed although the map does not list them")
        return (changed, mapped)
    }

    func testEveryFileABuildWritesHasItsInputs() throws {
        let base = try baseBuild()
        XCTAssertEqual(base.map.outputs.map(\.path).sorted(), base.files.keys.sorted())
        XCTAssertEqual(base.map.inputs(of: ".inspraak-output")?.inputs, [])
    }

    /// A meeting among the latest on the home page, in one theme, its three points open (the
    /// feedback on it is a draft): no trail, no backlinks, in no change feed but its own.
    func testMeetingTitleChangesExactlyWhatShowsIt() throws {
        let id = "2026-10-20-stamtafel-eenzaamheid-ouderen"
        let (changed, mapped) = try changedByTitle(of: id, file: "content/meetings/\(id).md")
        let expected: Set<String> = [
            "meetings/\(id)/index.html",
            "meetings/\(id)/changes.xml",                   // "follow this point", titled after it
            "meetings/index.html",                          // the list page that holds it
            "themes/eenzaamheid/index.html",                // its theme
            "index.html",                                   // among the latest ten
            "open/index.html",                              // its three points are open
            "feed.xml", "atom.xml", "feed.json", "meetings/feed.xml", "meetings/atom.xml", "meetings/feed.json",
            "themes/eenzaamheid/feed.xml", "themes/eenzaamheid/atom.xml", "themes/eenzaamheid/feed.json",
            "agenda.ics", "themes/eenzaamheid/agenda.ics",
            "sitemap.xml", "data/meetings.csv", "data/meetings.json", "data/input-points.csv", "data/input-points.json",
            "data/catalog.ttl", "data/catalog.jsonld",         // the size of each data file
        ]
        XCTAssertEqual(mapped.sorted(), expected.sorted())
        XCTAssertFalse(mapped.contains("meetings/2019-03-19-stamtafel-eenzaamheid/index.html"), "an unrelated record's page")
        XCTAssertTrue(changed.contains("meetings/\(id)/index.html"))
    }

    /// An advice in two themes, with an old implementation promise broken (on the open page),
    /// answered and then reported on by two feedbacks.
    func testAdviceTitleChangesExactlyWhatShowsIt() throws {
        let id = "2023-02-14-advies-armoedebeleid-2023-2026"
        let (_, mapped) = try changedByTitle(of: id, file: "content/advice/\(id).md")
        let expected: Set<String> = [
            "advice/\(id)/index.html", "advice/\(id)/changes.xml",
            "advice/index.html",                                            // sixth newest advice: list page 1
            "themes/armoede/index.html", "themes/betaalbaarheid/index.html",
            // What it builds on (backlinks there), what answers it, and the trail onwards.
            "meetings/2019-10-08-thematafel-lotgenotengroep/index.html", "meetings/2022-11-08-inloopavond-energie-oosterbroek/index.html",
            "feedback/2023-04-04-reactie-advies-armoedebeleid/index.html", "feedback/2024-03-12-voortgang-armoedebeleid/index.html",
            "advice/2025-09-09-advies-armoede-en-meedoen/index.html", "feedback/2025-10-14-reactie-advies-armoede-en-meedoen/index.html",
            "open/index.html",                                              // r2: carrying it out is overdue
            "feed.xml", "atom.xml", "feed.json", "advice/feed.xml", "advice/atom.xml", "advice/feed.json",
            "themes/armoede/feed.xml", "themes/armoede/atom.xml", "themes/armoede/feed.json",
            "themes/betaalbaarheid/feed.xml", "themes/betaalbaarheid/atom.xml", "themes/betaalbaarheid/feed.json",
            // Its recommendations' outcomes, as status changes.
            "changes.xml", "changes.atom", "themes/armoede/changes.xml", "themes/armoede/changes.atom",
            "themes/betaalbaarheid/changes.xml", "themes/betaalbaarheid/changes.atom",
            "sitemap.xml", "sitemapindex-diwoo-infocat010.xml", "sitemap-diwoo-infocat010-001.xml",
            "data/advice.csv", "data/advice.json", "data/recommendations.csv", "data/recommendations.json",
            "data/answers.csv", "data/answers.json", "data/catalog.ttl", "data/catalog.jsonld",
            // Its council's page and feeds; the council has no file, so the index names it as its advice do.
            "councils/clientenraad-werk-en-inkomen/index.html", "councils/clientenraad-werk-en-inkomen/feed.xml",
            "councils/clientenraad-werk-en-inkomen/atom.xml", "councils/clientenraad-werk-en-inkomen/feed.json", "councils/index.html",
        ]
        XCTAssertEqual(mapped.sorted(), expected.sorted())
    }

    /// A feedback that reports on carrying out an advice: no status of its own, but its title
    /// is the source of the advice's states.
    func testFeedbackTitleChangesExactlyWhatShowsIt() throws {
        let id = "2024-03-12-voortgang-armoedebeleid"
        let (_, mapped) = try changedByTitle(of: id, file: "content/feedback/\(id).md")
        let advice = "2023-02-14-advies-armoedebeleid-2023-2026"
        let expected: Set<String> = [
            "feedback/\(id)/index.html",
            "feedback/index.html",
            "themes/armoede/index.html", "themes/betaalbaarheid/index.html",
            // The advice it reports on (the source of its states, and in its change feed), the
            // earlier answer ("later: …"), and the meetings whose trail runs through both.
            "advice/\(advice)/index.html", "advice/\(advice)/changes.xml",
            "feedback/2023-04-04-reactie-advies-armoedebeleid/index.html",
            "meetings/2019-10-08-thematafel-lotgenotengroep/index.html", "meetings/2022-11-08-inloopavond-energie-oosterbroek/index.html",
            "open/index.html",                                              // the source of r2's broken promise
            "feed.xml", "atom.xml", "feed.json", "feedback/feed.xml", "feedback/atom.xml", "feedback/feed.json",
            "themes/armoede/feed.xml", "themes/armoede/atom.xml", "themes/armoede/feed.json",
            "themes/betaalbaarheid/feed.xml", "themes/betaalbaarheid/atom.xml", "themes/betaalbaarheid/feed.json",
            "changes.xml", "changes.atom", "themes/armoede/changes.xml", "themes/armoede/changes.atom",
            "themes/betaalbaarheid/changes.xml", "themes/betaalbaarheid/changes.atom",
            "sitemap.xml", "sitemapindex-diwoo-infocat010.xml", "sitemap-diwoo-infocat010-001.xml",
            "data/feedback.csv", "data/feedback.json", "data/answers.csv", "data/answers.json", "data/catalog.ttl", "data/catalog.jsonld",
            "councils/clientenraad-werk-en-inkomen/index.html",             // the source of r2's broken promise, among the council's open items
        ]
        XCTAssertEqual(mapped.sorted(), expected.sorted())
    }

    /// Appends `text` to a file of the copied site.
    func append(_ text: String, to path: String) -> (URL) throws -> Void {
        { folder in
            let url = folder.appendingPathComponent(path)
            try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A new outcome changes a meeting's status, not where it stands: the list pages, feeds and
    /// calendars that only place it by date (`dated`) stay as they were; what shows or counts
    /// its status changes.
    func testAnOutcomeLeavesWhatOnlyPlacesTheRecordAsItWas() throws {
        let base = try baseBuild()
        let meeting = "2019-06-25-stamtafel-veiligheid"
        let edited = try build("Outcome") { folder in
            let url = folder.appendingPathComponent("content/feedback/2019-09-03-terugkoppeling-stamtafel-veiligheid.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains("outcome: adopted"))
            try text.replacingOccurrences(of: "outcome: adopted", with: "outcome: not-adopted").write(to: url, atomically: true, encoding: .utf8)
        }
        let changed = differing(base, edited)
        XCTAssertTrue(changed.contains("meetings/\(meeting)/index.html"), changed.sorted().joined(separator: "\n"))
        XCTAssertTrue(changed.contains("data/answers.csv"))
        // Every output that only places the meeting stays as it was: other list pages, feeds and calendars.
        let placing = base.map.outputs.filter { $0.inputs.contains(.dated(meeting)) }.map(\.path)
        XCTAssertTrue(placing.contains("meetings/page/3/index.html") && placing.contains("themes/wonen/agenda.ics"), placing.joined(separator: "\n"))
        XCTAssertEqual(changed.intersection(placing).sorted(), [], "changed with the meeting's status although they only place it by date")
        XCTAssertFalse(base.map.outputs.contains { $0.inputs.contains(.dated(meeting)) && $0.inputs.contains(.counted(meeting)) })
    }

    /// A partial changes the pages whose template includes it, and only those; the parent
    /// every page extends changes every page.
    func testTemplateChangesThePagesThatIncludeIt() throws {
        let base = try baseBuild()
        let pages = Set(base.files.keys.filter { $0.hasSuffix(".html") })
        let figures = try build("Figures", edit: append("<p>cijfers</p>\n", to: "themes/default/templates/figures.mustache"))
        let mapped = Set(base.map.outputs(dependingOn: .template("figures")))
        XCTAssertEqual(mapped.sorted(), (["index.html"] + base.map.outputs.map(\.path).filter { path in
            ["themes/", "councils/", "places/"].contains { path.hasPrefix($0) && path != $0 + "index.html" } && path.hasSuffix("/index.html")
        }).sorted(), "the home page and each theme, council and place page show figures")
        XCTAssertEqual(differing(base, figures).sorted(), mapped.sorted())

        let frame = try build("Base", edit: append("<!-- voet -->\n", to: "themes/default/templates/base.mustache"))
        XCTAssertEqual(differing(base, frame).sorted(), pages.sorted())
        XCTAssertEqual(Set(base.map.outputs(dependingOn: .template("base"))).sorted(), pages.sorted())
    }

    /// The stylesheet: every page links it by its fingerprinted name, and the copy of it.
    func testAssetChangesEveryPageThatLinksIt() throws {
        let base = try baseBuild()
        let styled = try build("Stylesheet", edit: append("/* huisstijl */\n", to: "themes/default/assets/site.css"))
        let mapped = Set(base.map.outputs(dependingOn: .asset("site.css")))
        let oldSheet = try XCTUnwrap(base.files.keys.first { $0.hasPrefix("assets/site.") })
        XCTAssertEqual(mapped.sorted(), (base.files.keys.filter { $0.hasSuffix(".html") } + [oldSheet]).sorted())
        // The new stylesheet is a new file; every other change is one the map foresaw.
        let newSheet = try XCTUnwrap(styled.files.keys.first { $0.hasPrefix("assets/site.") })
        XCTAssertEqual(differing(base, styled).subtracting([newSheet]).sorted(), mapped.sorted())
        XCTAssertEqual(styled.map.inputs(of: newSheet)?.inputs, [.asset("site.css")])
    }

    /// Another day: only outputs that say they depend on the day change; pages, feeds and data
    /// files that do not stay as they were.
    func testAnotherDayChangesOnlyWhatDependsOnTheDay() throws {
        let base = try baseBuild()
        let later = try build("Later", today: "2027-02-01")
        let changed = differing(base, later)
        let mapped = Set(base.map.outputs(dependingOn: .today))
        XCTAssertFalse(changed.isEmpty)
        XCTAssertEqual(changed.subtracting(mapped).sorted(), [], "changed with the day although the map says they do not depend on it")
        for path in ["sitemap.xml", "robots.txt", "accessibility/index.html", "404.html", "data/README.md", "data/meetings.csv",
                     "meetings/2019-03-19-stamtafel-eenzaamheid/index.html", "feedback/2019-06-11-terugkoppeling-stamtafel-eenzaamheid/index.html"] {
            XCTAssertEqual(base.map.inputs(of: path)?.dependsOnToday, false, path)
        }
        for path in ["index.html", "open/index.html", "agenda.ics", "data/catalog.ttl", "advice/2026-10-28-advies-wonen-voor-jongeren/index.html"] {
            XCTAssertEqual(base.map.inputs(of: path)?.dependsOnToday, true, path)
        }
    }

    /// The inverse: each input with what is made from it, the same as asking output by output.
    func testInverseMapMatchesTheOutputs() throws {
        let map = try baseBuild().map
        let dependents = map.dependents()
        for input: OutputInput in [.record("2023-02-14-advies-armoedebeleid-2023-2026"), .theme("wonen"), .config(.feeds), .today, .strings] {
            XCTAssertEqual(dependents[input] ?? [], map.outputs(dependingOn: input), "\(input)")
        }
        // The list pages: `meetings/index.html`, `meetings/page/2/index.html`, …
        let lists = map.outputs.map(\.path).filter { path in
            let parts = path.split(separator: "/")
            return ["meetings", "advice", "feedback"].contains(parts[0])
                && (parts.count == 2 && parts[1] == "index.html" || parts.count == 4 && parts[1] == "page")
        }
        XCTAssertEqual(lists.count, 7)
        XCTAssertEqual(map.outputs(dependingOn: .config(.pagination)), (lists + ["sitemap.xml"]).sorted())
        XCTAssertEqual(map.outputs(dependingOn: .file("content/advice/2022-06-28-advies-energiearmoede/adviesbrief.pdf")),
                       ["advice/2022-06-28-advies-energiearmoede/adviesbrief.pdf"])
    }

    /// A setting in site.toml changes only outputs that depend on its section (files a
    /// build only then writes, like a new list page, are new outputs, not changed ones).
    func testSettingChangesOnlyWhatDependsOnItsSection() throws {
        let base = try baseBuild()
        let edits: [(ConfigSection, String, String)] = [
            (.feeds, "limit = 50", "limit = 5"),
            (.pagination, "size = 10", "size = 4"),
            (.formats, "stamtafel = \"Stamtafel\"", "stamtafel = \"Keukentafel\""),
            (.data, "license = \"CC0-1.0\"", "license = \"CC-BY-4.0\""),
            (.feedback, "expected_days = 90", "expected_days = 30"),
        ]
        for (section, old, new) in edits {
            let edited = try build("Setting" + section.rawValue) { folder in
                let url = folder.appendingPathComponent("site.toml")
                let text = try String(contentsOf: url, encoding: .utf8)
                XCTAssertTrue(text.contains(old), old)
                try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
            }
            let changed = differing(base, edited).intersection(base.files.keys)
            XCTAssertFalse(changed.isEmpty, "\(section)")
            XCTAssertEqual(changed.subtracting(base.map.outputs(dependingOn: .config(section))).sorted(), [], "[\(section.rawValue)]")
        }
    }

    /// Paths as people write them, and the nearest output to one that is not.
    func testOutputPathsAreFoundAsWritten() throws {
        let map = try baseBuild().map
        for written in ["themes/wonen", "/themes/wonen/", "themes/wonen/index.html", "/themes/wonen/index.html"] {
            XCTAssertEqual(map.output(named: written), "themes/wonen/index.html", written)
        }
        XCTAssertEqual(map.output(named: "/"), "index.html")
        XCTAssertEqual(map.output(named: "feed.xml"), "feed.xml")
        XCTAssertNil(map.output(named: "themes/wonen/feed"))
        XCTAssertEqual(map.closest(to: "/themes/wonenn"), "themes/wonen/index.html")
        XCTAssertEqual(map.closest(to: "themes/wonen/feeds.xml"), "themes/wonen/feed.xml")
        XCTAssertEqual(map.closest(to: "agenda.ical"), "agenda.ics")
    }

    /// `build --explain`: a page, a feed, and a path that is not an output; nothing is written.
    func testExplainPrintsWhatAnOutputIsMadeFrom() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let output = try temporaryFolder().appendingPathComponent("public")
        let build = ["build", "--source", repositoryRoot.path, "--output", output.path, "--now", "2026-11-15", "--no-git", "--explain"]

        let page = try runCapturing(executable, build + ["/themes/wonen"])
        XCTAssertEqual(page.status, 0, page.err)
        let lines = page.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "themes/wonen/index.html is made from:")
        XCTAssertTrue(lines.contains("  records it shows (10):"), page.out)
        XCTAssertTrue(lines.contains("    2026-10-28-advies-wonen-voor-jongeren (content/advice/2026-10-28-advies-wonen-voor-jongeren.md)"), page.out)
        XCTAssertTrue(lines.contains("    wonen (content/themes/wonen.md)"), page.out)
        let templates = try XCTUnwrap(lines.firstIndex(of: "  templates (the page's own, then every partial it includes):"))
        XCTAssertEqual(Array(lines[(templates + 1)...].prefix(3)), ["    theme (themes/default/templates/theme.mustache)",
                                                                  "    base (themes/default/templates/base.mustache)",
                                                                  "    brand (themes/default/templates/brand.mustache)"])
        XCTAssertTrue(lines.contains("    site.css (themes/default/assets/site.css)"), page.out)
        XCTAssertEqual(lines.last, "  the day: yes, it reads differently on another day (--now)")

        let feed = try runCapturing(executable, build + ["feed.xml"])
        XCTAssertEqual(feed.status, 0, feed.err)
        let feedLines = feed.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(feedLines.first, "feed.xml is made from:")
        XCTAssertTrue(feedLines.contains("  records it shows (50):"), feed.out)
        XCTAssertTrue(feedLines.contains("  records it only places by kind, date and themes (which list page, feed or calendar year): 2 (of the site's 52)"), feed.out)
        XCTAssertTrue(feedLines.contains("  settings in site.toml: the top-level keys (title, description, base_url, language, timezone, theme), [advice], [feedback], [feeds], [markdown]"), feed.out)
        XCTAssertFalse(feedLines.contains { $0.hasPrefix("  templates") }, feed.out)

        let marker = try runCapturing(executable, build + [".inspraak-output"])
        XCTAssertEqual(marker.out, ".inspraak-output is always the same text: it is made from nothing a site changes.\n")

        let unknown = try runCapturing(executable, build + ["feeds.xml"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.out, "")
        XCTAssertEqual(unknown.err, "error: `feeds.xml` is not a file this build writes; did you mean `feed.xml`?\n")
        // A control character in the path is shown, not passed to the terminal.
        let hostile = try runCapturing(executable, build + ["feed\u{1}.xml"])
        XCTAssertEqual(hostile.status, 64)
        XCTAssertTrue(hostile.err.hasPrefix("error: `feed\\u{1}.xml` is not a file this build writes"), hostile.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "--explain writes nothing")
    }
}
