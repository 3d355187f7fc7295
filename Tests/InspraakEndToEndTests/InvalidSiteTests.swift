import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// Broken sites (Tests/Fixtures/invalid/<case>), one defect each, with the diagnostics they must
/// give in expected.txt; and sites that only warn (Tests/Fixtures/warnings/<case>). Each is the
/// shared base site with the case's differences (`FixtureCase`), written to a temporary folder.
final class InvalidSiteTests: XCTestCase {

    /// Each broken site: a failed build with exactly the expected messages, the same from
    /// `check`, and the previously published folder left byte for byte as it was.
    func testEveryInvalidSiteFailsWithItsMessagesAndKeepsThePreviousOutput() throws {
        let all = FixtureCase.all("invalid")
        XCTAssertGreaterThan(all.count, 20)
        for fixture in all {
            let name = fixture.name
            let work = try temporaryFolder("invalid-\(name)")
            let source = work.appendingPathComponent("site")
            try fixture.materialise(into: source)
            let output = work.appendingPathComponent("public")
            try FileManager.default.createDirectory(at: output.appendingPathComponent("meetings"), withIntermediateDirectories: true)
            try Data("previous site\n".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("previous page\n".utf8).write(to: output.appendingPathComponent("meetings/index.html"))
            // What marks it as an earlier build's output, which a build may replace.
            try Data("previous build\n".utf8).write(to: output.appendingPathComponent(OutputGuard.markerName))
            let before = try snapshot(output)

            var options = BuildOptions(source: source, output: output, today: Day(iso: "2026-01-15")!)
            options.useGitHistory = false
            let report = SiteBuild.build(options)
            XCTAssertFalse(report.succeeded, "\(name): the build should fail")
            let want = try fixture.expected()
            XCTAssertEqual(report.diagnostics.map(\.description), want, "\(name): build diagnostics")
            XCTAssertEqual(SiteBuild.check(options).diagnostics.map(\.description), want, "\(name): check diagnostics")
            let after = try snapshot(output)
            XCTAssertEqual(before.map(\.0), after.map(\.0), "\(name): the previous output changed")
            XCTAssertTrue(zip(before, after).allSatisfy { $0.1 == $1.1 }, "\(name): the previous output changed")
        }
    }

    func testWarningsDoNotFailTheBuild() throws {
        let all = FixtureCase.all("warnings")
        XCTAssertGreaterThan(all.count, 1)
        for fixture in all {
            let name = fixture.name
            let work = try temporaryFolder("warning-\(name)")
            let source = work.appendingPathComponent("site")
            try fixture.materialise(into: source)
            let output = work.appendingPathComponent("public")
            var options = BuildOptions(source: source, output: output, today: Day(iso: "2026-01-15")!)
            options.useGitHistory = false
            let report = SiteBuild.build(options)
            XCTAssertTrue(report.succeeded, "\(name): warnings must not fail the build: \(report.diagnostics)")
            XCTAssertEqual(report.diagnostics.map(\.description), try fixture.expected(), name)
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
