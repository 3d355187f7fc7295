import Foundation
import XCTest
@testable import InspraakSite
import InspraakSource

/// Scripted edits to a copy of the example site, kept in memory by a `LiveSite`: after every
/// step its outputs must equal a fresh full build, path for path and byte for byte.
final class LiveSiteTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private var folder: URL!
    private var options: BuildOptions!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-live-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        for path in ["content", "images", "site.toml", "themes/default"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(path), to: folder.appendingPathComponent(path))
        }
        options = BuildOptions(source: folder, output: folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-public"),
                               baseURL: "https://example.nl/participatie/", today: Day(iso: "2026-11-15")!)
        options.useGitHistory = false
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: options.output)
    }

    func testEditsLeaveTheSiteAsAFullBuildMakesIt() throws {
        let live = LiveSite(options: options)
        XCTAssertTrue(live.report.succeeded, "\(live.report.diagnostics)")
        try assertSameAsFullBuild(live, "initial build")
        let all = live.report.pagesRewritten
        XCTAssertGreaterThan(all, 100)

        // A body: the record's page and the pages that show its summary, not the whole site.
        let advice = "content/advice/2021-05-25-advies-mantelzorgbeleid.md"
        try step(live, "body", changing: [advice], expecting: ["advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            try append("\n\nEen extra alinea, in de editor geschreven.\n", to: advice)
        }
        XCTAssertLessThan(live.report.pagesRewritten, all / 4, "a body edit re-rendered \(live.report.pagesRewritten) of \(all)")
        XCTAssertFalse(live.report.timings.contains { $0.stage == "map" }, "a body edit made the dependency map anew")

        // Saved as editors save: a hidden file written beside the record and renamed over it,
        // gone by the time of the rebuild. Still an edit to the text only: the graph is not made.
        let temporary = "content/advice/.2021-05-25-advies-mantelzorgbeleid.md.3f2a.tmp"
        try step(live, "body saved by renaming", changing: [advice, temporary], expecting: ["advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            let text = try String(contentsOf: url(advice), encoding: .utf8)
            try write(text + "\nNog een alinea, via een tijdelijk bestand bewaard.\n", to: temporary)
            try FileManager.default.removeItem(at: url(advice))
            try FileManager.default.moveItem(at: url(temporary), to: url(advice))
        }
        XCTAssertFalse(live.report.timings.contains { $0.stage == "graph" }, "a text edit saved by renaming made the graph anew")
        XCTAssertEqual(live.report.pagesRewritten, 1)

        // Without a summary, the body's first paragraph stands in for it: a text edit there
        // changes the cards too, and still keeps the dependency map.
        try step(live, "summary left out", changing: [advice], expecting: ["advice/index.html"]) {
            let text = try String(contentsOf: url(advice), encoding: .utf8)
            let line = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("summary:") })
            try replace(String(line) + "\n", with: "", in: advice)
        }
        try step(live, "first paragraph", changing: [advice], expecting: ["advice/index.html", "advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            try replace("Op 6 april 2021 vroeg", with: "Op dinsdag 6 april 2021 vroeg", in: advice)
        }
        XCTAssertFalse(live.report.timings.contains { $0.stage == "map" }, "a text edit made the dependency map anew")

        // A title shows on lists, trails and feeds.
        try step(live, "title", changing: [advice], expecting: ["advice/index.html"]) {
            try replace("mantelzorgbeleid", with: "mantelzorgbeleid (herzien)", in: advice, first: true)
        }

        // An outcome changes the advice's status on its own page and on other pages.
        let feedback = "content/feedback/2021-07-06-reactie-advies-mantelzorgbeleid.md"
        try step(live, "outcome", changing: [feedback], expecting: ["advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            try replace("#r5\", outcome = \"not-adopted\"", with: "#r5\", outcome = \"adopted\"", in: feedback)
        }
        XCTAssertTrue(live.report.timings.contains { $0.stage == "map" }, "a new status kept the old dependency map")

        // In progress, with a promised day: the recommendation joins the open items, a page that
        // did not show the advice before.
        try step(live, "in progress", changing: [feedback], expecting: ["open/index.html"]) {
            try replace("#r5\", outcome = \"adopted\"", with: "#r5\", outcome = \"in-progress\", expected = 2027-03-01", in: feedback)
        }
        XCTAssertTrue(live.report.timings.contains { $0.stage == "stale" }, "a new status did not read what to render off the map before")

        // A due day before the advice's date: a warning from reading the record, gone again
        // when it is fixed (the record is read anew, the rest of the site kept).
        try step(live, "due day warned", changing: [advice], expecting: []) {
            try replace("date: 2021-05-25\n", with: "date: 2021-05-25\nresponse_due: 2021-05-01\n", in: advice, first: true)
        }
        XCTAssertTrue(live.report.diagnostics.contains { $0.severity == .warning && $0.location.path == advice }, "\(live.report.diagnostics)")
        try step(live, "due day fixed", changing: [advice], expecting: []) {
            try replace("response_due: 2021-05-01\n", with: "", in: advice)
        }
        XCTAssertFalse(live.report.diagnostics.contains { $0.location.path == advice }, "\(live.report.diagnostics)")

        // The figures count attendees: the home page shows the new total.
        let meeting = "content/meetings/2019-03-19-stamtafel-eenzaamheid.md"
        try step(live, "attendees", changing: [meeting], expecting: ["index.html", meeting.dropFirst("content/".count).dropLast(3) + "/index.html"]) {
            try replace("attendees: 34", with: "attendees: 43", in: meeting)
        }

        // Another date: the same outputs list the same records, in another order (list pages
        // and feeds that only place the advice by date), and its due day moves.
        try step(live, "date", changing: [advice], expecting: ["advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            try replace("date: 2021-05-25", with: "date: 2024-01-10", in: advice, first: true)
        }
        XCTAssertTrue(live.report.timings.contains { $0.stage == "stale" }, "a new date did not read what to render off the map before")

        // A new feedback answers an open advice: statuses, lists, pagination, feeds.
        let added = "content/feedback/2026-11-10-reactie-wonen-voor-jongeren.md"
        try step(live, "new record", changing: [added], expecting: ["feedback/2026-11-10-reactie-wonen-voor-jongeren/index.html", "open/index.html"]) {
            try write("""
            +++
            title = "Eerste reactie op het advies wonen voor jongeren"
            date = 2026-11-10
            responds_to = [
              { ref = "2026-10-28-advies-wonen-voor-jongeren#r1", outcome = "in-progress", expected = 2027-03-01 },
            ]
            +++
            Het college komt in maart met een plan.

            """, to: added)
        }

        XCTAssertNotNil(live.report.servedAfter, "the new record's page was not served before the map was made")

        // Renamed: the old page is gone, the new one there.
        let renamed = "content/feedback/2026-11-11-reactie-wonen-voor-jongeren.md"
        try step(live, "rename", changing: [added, renamed], expecting: ["feedback/2026-11-10-reactie-wonen-voor-jongeren/index.html",
                                                                          "feedback/2026-11-11-reactie-wonen-voor-jongeren/index.html"]) {
            try FileManager.default.moveItem(at: url(added), to: url(renamed))
        }
        try step(live, "delete", changing: [renamed], expecting: ["feedback/2026-11-11-reactie-wonen-voor-jongeren/index.html"]) {
            try FileManager.default.removeItem(at: url(renamed))
        }

        // Theme files and settings.
        try step(live, "template", changing: ["themes/default/templates/record.mustache"], expecting: ["advice/2021-05-25-advies-mantelzorgbeleid/index.html"]) {
            try append("<!-- bewerkt -->\n", to: "themes/default/templates/record.mustache")
        }
        try step(live, "asset", changing: ["themes/default/assets/site.css"], expecting: ["index.html"]) {
            try append("\n.bewerkt { color: inherit; }\n", to: "themes/default/assets/site.css")
        }
        try step(live, "string", changing: ["themes/default/i18n/nl.toml"], expecting: ["index.html"]) {
            try replace("skip = \"Naar de inhoud\"", with: "skip = \"Direct naar de inhoud\"", in: "themes/default/i18n/nl.toml")
        }
        try step(live, "site.toml", changing: ["site.toml"], expecting: ["feed.xml"]) {
            try replace("[feeds]\nlimit = 50", with: "[feeds]\nlimit = 5", in: "site.toml")
        }
        try step(live, "pagination", changing: ["site.toml"], expecting: ["advice/page/2/index.html"]) {
            try replace("[pagination]\nsize = 10", with: "[pagination]\nsize = 4", in: "site.toml")
        }
        try step(live, "theme description", changing: ["content/themes/wonen.md"], expecting: ["themes/wonen/index.html"]) {
            try replace("Betaalbare, gezonde woningen", with: "Betaalbare woningen", in: "content/themes/wonen.md")
        }
        try step(live, "place description", changing: ["content/places/kerkeind.md"], expecting: ["places/kerkeind/index.html"]) {
            try replace("met het ontmoetingscentrum aan de Dorpsstraat", with: "met het ontmoetingscentrum", in: "content/places/kerkeind.md")
        }
        try step(live, "council title", changing: ["content/councils/adviesraad-sociaal-domein-lindeveen.md"],
                 expecting: ["councils/adviesraad-sociaal-domein-lindeveen/index.html", "advice/2025-09-09-advies-armoede-en-meedoen/index.html"]) {
            try replace("title: \"Adviesraad Sociaal Domein Lindeveen\"", with: "title: \"Adviesraad Sociaal Domein\"",
                        in: "content/councils/adviesraad-sociaal-domein-lindeveen.md")
        }
        try step(live, "logo", changing: ["images/logo-lindeveen.svg"], expecting: ["index.html"]) {
            try replace("</svg>", with: "<!-- bewerkt --></svg>", in: "images/logo-lindeveen.svg")
        }
        try step(live, "bundle file", changing: ["content/advice/2022-06-28-advies-energiearmoede/bijlage.txt"],
                 expecting: ["advice/2022-06-28-advies-energiearmoede/bijlage.txt"]) {
            try write("Een bijlage.\n", to: "content/advice/2022-06-28-advies-energiearmoede/bijlage.txt")
        }
    }

    func testABrokenFileKeepsTheLastGoodOutputsUntilItIsFixed() throws {
        let live = LiveSite(options: options)
        let record = "content/meetings/" + (try FileManager.default.contentsOfDirectory(atPath: url("content/meetings").path).sorted().first { $0.hasSuffix(".md") })!
        let before = live.outputPaths.map { ($0, live.output(at: $0)?.etag) }
        let original = try String(contentsOf: url(record), encoding: .utf8)
        try write(original.replacingOccurrences(of: "date", with: "datum"), to: record)
        let broken = live.rebuild(changed: [record])
        XCTAssertFalse(broken.succeeded)
        XCTAssertTrue(broken.diagnostics.contains { $0.location.path == record && $0.severity == .error }, "\(broken.diagnostics)")
        XCTAssertEqual(broken.changedOutputs, [])
        XCTAssertEqual(broken.pagesRewritten, 0)
        XCTAssertEqual(live.outputPaths.map { ($0, live.output(at: $0)?.etag) }.map { "\($0.0) \($0.1 ?? "")" },
                       before.map { "\($0.0) \($0.1 ?? "")" }, "a failed rebuild changed the outputs")
        // Another edit while broken, then the fix: both show.
        let other = "content/advice/2021-05-25-advies-mantelzorgbeleid.md"
        try append("\nNog een zin.\n", to: other)
        XCTAssertFalse(live.rebuild(changed: [other]).succeeded)
        try write(original, to: record)
        let fixed = live.rebuild(changed: [record])
        XCTAssertTrue(fixed.succeeded, "\(fixed.diagnostics)")
        XCTAssertTrue(fixed.changedOutputs.contains("advice/2021-05-25-advies-mantelzorgbeleid/index.html"), "\(fixed.changedOutputs)")
        try assertSameAsFullBuild(live, "fixed")
    }

    func testTouchingAFileWithoutChangingItChangesNoOutput() throws {
        let live = LiveSite(options: options)
        let report = live.rebuild(changed: ["content/advice/2021-05-25-advies-mantelzorgbeleid.md", "site.toml"])
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.changedOutputs, [])
        // The file reads as before: the record is the same, and nothing is made again.
        XCTAssertEqual(report.pagesRewritten, 0)
    }

    func testTheRecordPagesAreServedBeforeTheListsThatShowThem() throws {
        let live = LiveSite(options: options)
        let feedback = "content/feedback/2021-07-06-reactie-advies-mantelzorgbeleid.md"
        let page = "advice/2021-05-25-advies-mantelzorgbeleid/index.html", open = "open/index.html"
        let before = (page: live.output(at: page)?.etag, open: live.output(at: open)?.etag)
        // In progress: the advice's page shows it, and the recommendation joins the open items.
        try replace("#r5\", outcome = \"not-adopted\"", with: "#r5\", outcome = \"in-progress\", expected = 2027-03-01", in: feedback)
        var told: [(changed: [String], page: String?, open: String?)] = []
        let report = live.rebuild(changed: [feedback]) { served in
            told.append((served.changedOutputs, live.output(at: page)?.etag, live.output(at: open)?.etag))
        }
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        XCTAssertEqual(told.count, 2, "\(told.map(\.changed))")
        guard told.count == 2 else { return }
        XCTAssertTrue(told[0].changed.contains(page), "\(told[0].changed)")
        XCTAssertFalse(told[0].changed.contains(open), "the open items were served with the record pages")
        XCTAssertNotEqual(told[0].page, before.page, "the advice's page was not served first")
        XCTAssertEqual(told[0].open, before.open, "the open items page changed before it was made again")
        XCTAssertTrue(told[1].changed.contains(open), "\(told[1].changed)")
        XCTAssertNotEqual(told[1].open, before.open)
        XCTAssertEqual((told[0].changed + told[1].changed).sorted(), report.changedOutputs.sorted())
        XCTAssertNotNil(report.servedAfter)
        try assertSameAsFullBuild(live, "served in two steps")
    }

    // MARK: - Helpers

    /// Makes an edit, rebuilds with the paths it changed, and holds the outputs against a full build.
    private func step(_ name: String, _ live: LiveSite, changing paths: Set<String>, expecting changed: [String], edit: () throws -> Void) throws {
        try edit()
        // As serve rebuilds: told of what changed as it is served, the small pages first.
        var told: [[String]] = []
        let report = live.rebuild(changed: paths) { told.append($0.changedOutputs) }
        XCTAssertTrue(report.succeeded, "\(name): \(report.diagnostics)")
        if !told.isEmpty {
            XCTAssertEqual(told.flatMap { $0 }.sorted(), report.changedOutputs.sorted(), "\(name): told of other changes than made, or twice")
        }
        for path in changed { XCTAssertTrue(report.changedOutputs.contains(path), "\(name): \(path) not among \(report.changedOutputs)") }
        try assertSameAsFullBuild(live, name)
    }

    private func step(_ live: LiveSite, _ name: String, changing paths: Set<String>, expecting changed: [String], edit: () throws -> Void) throws {
        try step(name, live, changing: paths, expecting: changed, edit: edit)
    }

    /// Every output of `live` equals the file a full build writes, and there are no others.
    private func assertSameAsFullBuild(_ live: LiveSite, _ step: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = SiteBuild.build(options)
        XCTAssertTrue(report.succeeded, "\(step): full build: \(report.diagnostics)", file: file, line: line)
        // What a full build says, the live site says: its warnings are the same.
        XCTAssertEqual(live.report.diagnostics.map(\.description), report.diagnostics.map(\.description), "\(step): diagnostics", file: file, line: line)
        let built = try files(under: options.output)
        XCTAssertEqual(live.outputPaths, built.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(step): paths", file: file, line: line)
        var differing: [String] = []
        for (path, bytes) in built {
            switch live.output(at: path)?.content {
            case .bytes(let made): if made != bytes { differing.append(path) }
            case .file(let source): if (try? Data(contentsOf: source)).map([UInt8].init) != bytes { differing.append(path) }
            case nil: break
            }
        }
        XCTAssertEqual(differing.sorted(), [], "\(step): bytes differ from a full build", file: file, line: line)
    }

    private func files(under root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let base = root.standardizedFileURL.path
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: base))
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { files[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))) }
        }
        return files
    }

    private func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    private func write(_ text: String, to path: String) throws {
        try text.write(to: url(path), atomically: true, encoding: .utf8)
    }

    private func append(_ text: String, to path: String) throws {
        try write(try String(contentsOf: url(path), encoding: .utf8) + text, to: path)
    }

    private func replace(_ old: String, with new: String, in path: String, first: Bool = false) throws {
        let text = try String(contentsOf: url(path), encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) does not hold \(old)")
        if first, let range = text.range(of: old) {
            try write(text.replacingCharacters(in: range, with: new), to: path)
        } else {
            try write(text.replacingOccurrences(of: old, with: new), to: path)
        }
    }
}
