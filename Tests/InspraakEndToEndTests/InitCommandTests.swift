import Foundation
import XCTest

/// `inspraak init` as a municipality runs it: the new site checks and builds at once, with the
/// trail from meeting to advice to feedback on the first build.
final class InitCommandTests: XCTestCase {
    var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
    }

    func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        return try runCapturing(executable, arguments, in: folder)
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func testNewSiteChecksCleanAndBuildsWithTheWholeTrail() throws {
        for language in ["nl", "en"] {
            let site = try temporaryFolder().appendingPathComponent("site-\(language)")
            let created = try run(["init", site.path, "--language", language, "--title", "Inspraak in \"Lindeveen\"", "--now", "2026-11-15"])
            XCTAssertEqual(created.status, 0, created.err)
            XCTAssertTrue(created.out.contains("  content/advice/2026-09-27-"), created.out)
            let check = try run(["check", "--source", site.path, "--now", "2026-11-15", "--strict"])
            XCTAssertEqual(check.status, 0, check.out + check.err)
            XCTAssertEqual(check.out, "")
            XCTAssertEqual(check.err, "checked 3 records: 0 errors, 0 warnings\n")
            let build = try run(["build", "--no-git", "--now", "2026-11-15"], in: site)
            XCTAssertEqual(build.status, 0, build.err)
            XCTAssertTrue(build.out.hasPrefix("built 3 records into "), build.out)
            let meetings = site.appendingPathComponent("public/meetings")
            let meetingID = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: meetings.path).first { $0.hasPrefix("2026-") })
            let page = try read(meetings.appendingPathComponent("\(meetingID)/index.html"))
            // The trail on the meeting's page: the advice built on it and the feedback that answered.
            let advice = language == "nl" ? "Advies over ontmoetingsplekken" : "Advice on meeting places"
            let response = language == "nl" ? "Reactie op het advies over ontmoetingsplekken" : "Response to the advice on meeting places"
            XCTAssertTrue(page.contains(advice) && page.contains(response), "\(language): the meeting page shows no trail")
            let advicePage = try read(site.appendingPathComponent("public/advice/2026-09-27-\(language == "nl" ? "advies-ontmoetingsplekken" : "advice-meeting-places")/index.html"))
            XCTAssertTrue(advicePage.contains(language == "nl" ? "overgenomen" : "adopted"), "\(language): the advice page shows no outcome")
            XCTAssertTrue(page.contains("<html lang=\"\(language)\""), "\(language): the page is not in its language")
            XCTAssertEqual(try read(site.appendingPathComponent(".gitignore")).split(separator: "\n").last, "public/")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(".github/workflows/inspraak.yml").path))
        }
    }

    func testHouseThemeIsUsedAndOverridesTheDefault() throws {
        let site = try temporaryFolder().appendingPathComponent("site")
        let created = try run(["init", site.path, "--with-theme", "huisstijl", "--ci", "gitlab", "--base-url", "https://example.nl/participatie/"])
        XCTAssertEqual(created.status, 0, created.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(".gitlab-ci.yml").path))
        let css = site.appendingPathComponent("themes/huisstijl/assets/site.css")
        try (read(css) + "\n/* huisstijl-marker */\n").write(to: css, atomically: true, encoding: .utf8)
        let build = try run(["build", "--source", site.path, "--no-git", "--now", "2026-11-15"])
        XCTAssertEqual(build.status, 0, build.err)
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("public/assets").path)
        let stylesheet = try XCTUnwrap(assets.first { $0.hasPrefix("site.") && $0.hasSuffix(".css") })
        XCTAssertTrue(try read(site.appendingPathComponent("public/assets/\(stylesheet)")).contains("huisstijl-marker"))
    }

    func testRefusesAFolderThatIsNotEmptyAndWritesNothing() throws {
        let site = try temporaryFolder()
        try "mine\n".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try run(["init", site.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.err, "\(site.path):1:1: error: this folder is not empty (notes.txt); init only writes into an empty folder, so nothing was written\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.path), ["notes.txt"])
        // A freshly cloned, empty repository is fine.
        try FileManager.default.removeItem(at: site.appendingPathComponent("notes.txt"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        XCTAssertEqual(try run(["init", site.path, "--ci", "none"]).status, 0)
    }

    func testBadOptionsAreRefusedBeforeWriting() throws {
        let site = try temporaryFolder().appendingPathComponent("site")
        let refused = try run(["init", site.path, "--with-theme", "Huis Stijl", "--base-url", "participatie.nl"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.err.split(separator: "\n").count, 2, refused.err)
        XCTAssertTrue(refused.err.contains("did you mean `huis-stijl`?"), refused.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.path))
        XCTAssertEqual(try run(["init", site.path, "--language", "de"]).status, 64)
        XCTAssertEqual(try run(["init", site.path, "--ci", "jenkins"]).status, 64)
    }

    func testVersion() throws {
        let plain = try run(["--version"])
        XCTAssertEqual(plain.status, 0)
        let version = plain.out.trimmingCharacters(in: .newlines)
        XCTAssertTrue(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+"#, options: .regularExpression) != nil, version)
        XCTAssertFalse(version.contains("\n"))
        let verbose = try run(["--version", "--verbose"])
        XCTAssertEqual(verbose.status, 0)
        let lines = verbose.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, verbose.out)
        XCTAssertEqual(lines.first, version)
        XCTAssertTrue(lines[1].hasPrefix("libcmark-gfm 0."), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("libyaml 0."), lines[2])
        // The allocator the executable is linked with (gperftools' tcmalloc).
        XCTAssertTrue(lines[3].hasPrefix("tcmalloc gperftools 2."), lines[3])
    }
}
