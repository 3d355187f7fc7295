import Foundation
import XCTest
import InspraakCore

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
        ]
        XCTAssertEqual(mapped.sorted(), expected.sorted())
    }
}
