import Foundation
import XCTest

/// `build` and Pagefind: the index is made into pagefind/ when Pagefind is there, a missing one
/// is one note (exit 0, the site complete, the search page with its overviews), a failing one a
/// warning, and `[search] enabled = false` leaves search out altogether. The index is searched
/// in a real browser by `Tests/e2e/test_search.py`.
final class SearchIndexTests: XCTestCase {
    var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
    }

    /// The pinned Pagefind `make pagefind` installs (`.build/tools/bin/pagefind`), else the one named
    /// by INSPRAAK_PAGEFIND.
    var pagefind: String? {
        let candidates = [ProcessInfo.processInfo.environment["INSPRAAK_PAGEFIND"], repositoryRoot.path + "/.build/tools/bin/pagefind"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func build(_ source: URL, output: URL, _ extra: [String]) throws -> (status: Int32, out: String, err: String) {
        var environment = ProcessInfo.processInfo.environment
        // Only what the test names: never a Pagefind from the environment or PATH.
        environment["INSPRAAK_PAGEFIND"] = nil
        environment["PATH"] = "/usr/bin:/bin"
        return try runCapturing(executable, ["build", "--source", source.path, "--output", output.path, "--now", "2026-11-15", "--no-git"] + extra,
                                environment: environment)
    }

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
    }

    func testMissingPagefindIsOneNoteAndTheSiteIsComplete() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("public")
        let missing = folder.appendingPathComponent("no-such-pagefind").path
        let result = try build(repositoryRoot, output: output, ["--pagefind", missing])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.out.split(separator: "\n").count, 1, result.out)
        XCTAssertEqual(result.err, "note: Pagefind could not be run from \(missing), so the site has no search index; its search page shows the overviews instead. "
            + "Install it with `pip install pagefind-bin==1.5.2` and give the program's path with --pagefind or INSPRAAK_PAGEFIND, "
            + "or put `pagefind` on PATH; `[search] enabled = false` in site.toml switches search off.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
        let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        for overview in ["../meetings/", "../advice/", "../feedback/", "../themes/", "../open/"] {
            XCTAssertTrue(page.contains("<li><a href=\"\(overview)\">"), "the search page does not offer \(overview)")
        }
        // Nothing named and nothing on PATH: the same note, without a path.
        let none = try build(repositoryRoot, output: output, [])
        XCTAssertEqual(none.status, 0, none.err)
        XCTAssertTrue(none.err.hasPrefix("note: Pagefind was not found, so the site has no search index;"), none.err)
    }

    func testEveryHeaderLinksTheSearchPage() throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        XCTAssertEqual(try build(repositoryRoot, output: output, []).status, 0)
        for (page, href) in [("index.html", "search/"), ("open/index.html", "../search/"), ("advice/2020-10-06-advies-jongerenparticipatie/index.html", "../../search/"),
                             ("404.html", "/search/")] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            XCTAssertTrue(html.contains("<li><a href=\"\(href)\">Zoeken</a></li>") || html.contains("<li><a href=\"\(href)\" aria-current=\"page\">Zoeken</a></li>"),
                          "\(page) has no search link to \(href)")
        }
        let search = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        XCTAssertTrue(search.contains("<li><a href=\"../search/\" aria-current=\"page\">Zoeken</a></li>"), "the search page's own link is not marked current")
    }

    func testSearchSwitchedOffHasNoPageLinkOrIndex() throws {
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let toml = site.appendingPathComponent("site.toml")
        try (String(contentsOf: toml, encoding: .utf8) + "\n[search]\nenabled = false\n").write(to: toml, atomically: true, encoding: .utf8)
        let output = site.appendingPathComponent("public")
        // Even with a Pagefind named: nothing is indexed and nothing is said.
        let result = try build(site, output: output, ["--pagefind", "/nonexistent/pagefind"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.err, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("search").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("pagefind").path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("search/"), "the header still links the search page")
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertFalse(sitemap.contains("/search/"))
    }

    func testFailingPagefindIsAWarningAndTheSiteIsPublished() throws {
        let folder = try temporaryFolder()
        let fake = folder.appendingPathComponent("pagefind")
        try "#!/bin/sh\necho \"Error: out of cheese in $2\" >&2\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let output = folder.appendingPathComponent("public")
        let result = try build(repositoryRoot, output: output, ["--pagefind", fake.path])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.err, "\(output.path):1:1: warning: the search index could not be made (Error: out of cheese in …); "
            + "the site is published without it, and its search page shows the overviews instead\n")
        XCTAssertTrue(result.out.hasPrefix("built 52 records into 82 pages"), result.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.html").path))
    }

    /// With the pinned Pagefind: the index is in pagefind/, of the record pages only, and two
    /// builds agree byte for byte except the filter files, which Pagefind 1.5.2 writes in
    /// hash-map order (docs/search.md).
    func testPagefindIndexesTheRecordPages() throws {
        guard let pagefind else { throw XCTSkip("no Pagefind: make pagefind installs it into .build/tools/") }
        let folder = try temporaryFolder()
        let first = folder.appendingPathComponent("one"), second = folder.appendingPathComponent("two")
        for output in [first, second] {
            let result = try build(repositoryRoot, output: output, ["--pagefind", pagefind, "--timings"])
            XCTAssertEqual(result.status, 0, result.err)
            XCTAssertTrue(result.err.contains("\n  search "), "--timings has no line for the search index: \(result.err)")
            XCTAssertFalse(result.err.contains("note:"), result.err)
        }
        let entry = try String(contentsOf: first.appendingPathComponent("pagefind/pagefind-entry.json"), encoding: .utf8)
        // 52 records: every record page and nothing else (lists, themes and home have no data-pagefind-body).
        XCTAssertTrue(entry.contains("\"nl\":{") && entry.contains("\"page_count\":52"), entry)
        let one = try snapshot(first), two = try snapshot(second)
        let varying = { (path: String) in path.hasPrefix("pagefind/filter/") || path.hasPrefix("pagefind/pagefind.nl_") || path == "pagefind/pagefind-entry.json" }
        XCTAssertEqual(one.filter { !varying($0.0) }.map(\.0), two.filter { !varying($0.0) }.map(\.0))
        for ((path, bytes), (_, other)) in zip(one.filter { !varying($0.0) }, two.filter { !varying($0.0) }) {
            XCTAssertEqual(bytes, other, "\(path) differs between two builds")
        }
        XCTAssertEqual(one.filter { $0.0.hasPrefix("pagefind/filter/") }.count, 5, "type, theme, council, place and status")
    }
}
