import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// Broken sites (Tests/Fixtures/invalid/<case>/site), one defect each, with the diagnostics they
/// must give in expected.txt; and sites that only warn (Tests/Fixtures/warnings/<case>).
final class InvalidSiteTests: XCTestCase {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    func cases(_ folder: String) throws -> [URL] {
        let base = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { base.appendingPathComponent($0) }
    }

    func expected(_ folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Each broken site: a failed build with exactly the expected messages, the same from
    /// `check`, and the previously published folder left byte for byte as it was.
    func testEveryInvalidSiteFailsWithItsMessagesAndKeepsThePreviousOutput() throws {
        let all = try cases("invalid")
        XCTAssertGreaterThan(all.count, 20)
        for folder in all {
            let name = folder.lastPathComponent
            let work = try temporaryFolder("invalid-\(name)")
            let output = work.appendingPathComponent("public")
            try FileManager.default.createDirectory(at: output.appendingPathComponent("meetings"), withIntermediateDirectories: true)
            try Data("previous site\n".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("previous page\n".utf8).write(to: output.appendingPathComponent("meetings/index.html"))
            // What marks it as an earlier build's output, which a build may replace.
            try Data("previous build\n".utf8).write(to: output.appendingPathComponent(OutputGuard.markerName))
            let before = try snapshot(output)

            var options = BuildOptions(source: folder.appendingPathComponent("site"), output: output, today: Day(iso: "2026-01-15")!)
            options.useGitHistory = false
            let report = SiteBuild.build(options)
            XCTAssertFalse(report.succeeded, "\(name): the build should fail")
            let want = try expected(folder)
            XCTAssertEqual(report.diagnostics.map(\.description), want, "\(name): build diagnostics")
            XCTAssertEqual(SiteBuild.check(options).diagnostics.map(\.description), want, "\(name): check diagnostics")
            let after = try snapshot(output)
            XCTAssertEqual(before.map(\.0), after.map(\.0), "\(name): the previous output changed")
            XCTAssertTrue(zip(before, after).allSatisfy { $0.1 == $1.1 }, "\(name): the previous output changed")
        }
    }

    func testWarningsDoNotFailTheBuild() throws {
        let all = try cases("warnings")
        XCTAssertGreaterThan(all.count, 1)
        for folder in all {
            let name = folder.lastPathComponent
            let output = try temporaryFolder("warning-\(name)").appendingPathComponent("public")
            var options = BuildOptions(source: folder.appendingPathComponent("site"), output: output, today: Day(iso: "2026-01-15")!)
            options.useGitHistory = false
            let report = SiteBuild.build(options)
            XCTAssertTrue(report.succeeded, "\(name): warnings must not fail the build: \(report.diagnostics)")
            XCTAssertEqual(report.diagnostics.map(\.description), try expected(folder), name)
        }
    }

    /// Well-formed edge cases build: a BOM, CRLF line endings, front matter without a body, a 10 MB record.
    func testEdgeCasesBuild() throws {
        let work = try temporaryFolder()
        let source = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content/themes"), withIntermediateDirectories: true)
        try Data("title = \"T\"\r\nbase_url = \"https://example.nl/\"\r\n".utf8).write(to: source.appendingPathComponent("site.toml"))
        try Data("---\ntitle: Wonen\n---".utf8).write(to: source.appendingPathComponent("content/themes/wonen.md"))
        try Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: BOM\r\ndate: 2024-01-01\r\nthemes: [wonen]\r\n---\r\nTekst\r\n".utf8))
            .write(to: source.appendingPathComponent("content/meetings/2024-01-01-bom.md"))
        let paragraph = String(repeating: "Een lange alinea over wonen in de wijk. ", count: 25) + "\n\n"
        let big = "---\ntitle: Groot\ndate: 2024-01-02\nthemes: [wonen]\n---\n" + String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count + 1)
        try Data(big.utf8).write(to: source.appendingPathComponent("content/meetings/2024-01-02-groot.md"))
        var options = BuildOptions(source: source, output: work.appendingPathComponent("public"), today: Day(iso: "2024-02-01")!)
        options.useGitHistory = false
        let report = SiteBuild.build(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertEqual(report.recordCount, 2)
        let page = try String(contentsOf: work.appendingPathComponent("public/meetings/2024-01-01-bom/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h1>BOM</h1>"))
    }
}
