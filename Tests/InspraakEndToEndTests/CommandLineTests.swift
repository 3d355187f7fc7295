import Foundation
import XCTest

/// The `inspraak` executable as a CI pipeline runs it: exit codes and what it prints.
final class CommandLineTests: XCTestCase {
    var executable: URL {
        // swift test runs the test binary from beside the products it built.
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try runCapturing(executable, arguments)
    }

    func testBuildPrintsOneSummaryLineAndExitsZero() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let output = try temporaryFolder().appendingPathComponent("public")
        let result = try run(["build", "--source", repositoryRoot.path, "--output", output.path, "--now", "2026-11-15", "--no-git"])
        XCTAssertEqual(result.status, 0, result.err)
        let lines = result.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("built 52 records into 82 pages"), String(lines[0]))
    }

    /// A word that is no command is named as such, not passed to `build` as a stray argument.
    func testUnknownCommandIsNamedAndExits64() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        for word in ["frobnicate", "Serve", "Build"] {
            let result = try run([word])
            XCTAssertEqual(result.status, 64, word)
            XCTAssertTrue(result.err.hasPrefix("Error: `\(word)` is not an inspraak command; the commands are build, check, serve, new, init"), result.err)
            XCTAssertFalse(result.err.contains("USAGE: inspraak build"), result.err)
        }
        XCTAssertEqual(try run(["help", "check"]).status, 0)
    }

    func testContentErrorsExitOneAndUsageErrorsExit64() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let folder = try temporaryFolder()
        try "title = \"T\"\nbase_url = \"https://example.nl/\"\n".write(to: folder.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try "---\ntitle: x\n".write(to: folder.appendingPathComponent("content/meetings/2024-01-01-x.md"), atomically: true, encoding: .utf8)
        let failed = try run(["build", "--source", folder.path, "--now", "2024-02-01"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.err.contains("content/meetings/2024-01-01-x.md:1:1: error: the front matter that starts here is never closed"), failed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        let check = try run(["check", "--source", folder.path, "--format", "github"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.out.hasPrefix("::error file=content/meetings/2024-01-01-x.md,line=1,col=1::"), check.out)
        let usage = try run(["build", "--now", "gisteren"])
        XCTAssertEqual(usage.status, 64)
        let unknown = try run(["build", "--bogus"])
        XCTAssertEqual(unknown.status, 64)
    }

    /// With `[woo]` and a sub-path, harvesters read only the host's robots.txt: the build says
    /// which line it needs, as a note on standard output (not a warning or an error).
    func testSubPathWooSiteGetsTheRootRobotsLinesAsANote() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let output = try temporaryFolder().appendingPathComponent("public")
        let result = try run(["build", "--source", repositoryRoot.path, "--output", output.path, "--now", "2026-11-15", "--no-git",
                              "--base-url", "https://example.nl/participatie/"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.out.split(separator: "\n").dropFirst(), [
            "note: the site is under /participatie/; for the Woo index, https://example.nl/robots.txt must carry these lines:",
            "  Sitemap: https://example.nl/participatie/sitemapindex-diwoo-infocat010.xml",
        ])
        XCTAssertEqual(withoutSearchNote(result.err), "")
    }

    /// No `[woo]`, no DiWoo: no sitemaps for the Woo index and robots.txt names only sitemap.xml.
    func testSiteWithoutWooHasNoDiWooFiles() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let folder = try temporaryFolder()
        try "title = \"T\"\nbase_url = \"https://example.nl/sub/\"\n".write(to: folder.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try "---\ntitle: x\ndate: 2024-01-01\n---\n".write(to: folder.appendingPathComponent("content/meetings/2024-01-01-x.md"), atomically: true, encoding: .utf8)
        let result = try run(["build", "--source", folder.path, "--now", "2024-02-01", "--no-git"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.out.split(separator: "\n").count, 1, result.out)
        let public_ = folder.appendingPathComponent("public")
        let files = try FileManager.default.contentsOfDirectory(atPath: public_.path)
        XCTAssertFalse(files.contains { $0.contains("diwoo") }, "\(files)")
        XCTAssertEqual(try String(contentsOf: public_.appendingPathComponent("robots.txt"), encoding: .utf8),
                       "User-agent: *\nAllow: /\n\nSitemap: https://example.nl/sub/sitemap.xml\n")
        XCTAssertTrue(files.contains("data"))
    }
}
