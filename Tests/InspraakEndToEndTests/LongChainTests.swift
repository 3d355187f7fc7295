import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// A long chain of records, each building on the one before: its output grows with its length,
/// not with its length squared (each of N pages used to show the whole trail of N steps).
final class LongChainTests: XCTestCase {
    /// `count` advice records, one a day from 1 January 2000, each based on the one before.
    func writeChainSite(_ count: Int, to folder: URL) throws {
        let advice = folder.appendingPathComponent("content/advice"), themes = folder.appendingPathComponent("content/themes")
        try FileManager.default.createDirectory(at: advice, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "title = \"Keten\"\nbase_url = \"https://keten.example/\"\n".write(to: folder.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Keten\n---\nEen lange keten.\n".write(to: themes.appendingPathComponent("keten.md"), atomically: true, encoding: .utf8)
        let start = Day(iso: "2000-01-01")!
        for index in 0..<count {
            let basedOn = index == 0 ? "" : "based_on: [\(chainID(index - 1))]\n"
            let text = "---\ntitle: Advies \(index)\ndate: \(start.adding(days: index).iso)\ncouncil: Raad\nkind: unsolicited\nthemes: [keten]\n"
                + basedOn + "recommendations:\n  - id: r1\n    text: Doe iets.\n---\nTekst \(index).\n"
            try Data(text.utf8).write(to: advice.appendingPathComponent(chainID(index) + ".md"))
        }
    }

    func chainID(_ index: Int) -> String {
        "\(Day(iso: "2000-01-01")!.adding(days: index).iso)-advies-\(index)"
    }

    /// The files a build of the chain writes, by path.
    func chainOutput(_ count: Int) throws -> [String: Data] {
        let folder = try temporaryFolder("chain\(count)")
        let site = folder.appendingPathComponent("site"), output = folder.appendingPathComponent("public")
        try writeChainSite(count, to: site)
        var options = BuildOptions(source: site, output: output, today: Day(iso: "2010-01-01")!)
        options.useGitHistory = false
        let report = SiteBuild.build(options)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return Dictionary(try snapshot(output)) { first, _ in first }
    }

    func testOutputGrowsLinearlyAndAMiddlePageCountsWhatItLeavesOut() throws {
        let small = try chainOutput(200), large = try chainOutput(600)
        let perRecord = { (files: [String: Data], count: Int) in Double(files.values.map(\.count).reduce(0, +)) / Double(count) }
        let (smallSize, largeSize) = (perRecord(small, 200), perRecord(large, 600))
        XCTAssertLessThan(largeSize, smallSize * 1.2, "bytes per record: \(Int(smallSize)) at 200, \(Int(largeSize)) at 600")

        // Record 300 of 600: the first, 289 left out, the 10 before it, itself, the 10 after,
        // 288 left out, the last.
        let page = String(decoding: try XCTUnwrap(large["advice/\(chainID(300))/index.html"]), as: UTF8.self)
        let timeline = try XCTUnwrap(page.range(of: "<ol class=\"timeline\">"))
        let trail = String(page[timeline.upperBound...]).components(separatedBy: "</ol>")[0]
        XCTAssertEqual(trail.components(separatedBy: "<li").count - 1, 25)
        XCTAssertTrue(trail.contains("""
            <li class="timeline-gap">
            <p class="muted">… 289 eerdere stappen staan hier niet. Verder terug in het spoor: <a href="../../advice/\(chainID(289))/">Advies 289</a></p>
            </li>
            """), trail)
        XCTAssertTrue(trail.contains("""
            <p class="muted">… 288 latere stappen staan hier niet. Verder in het spoor: <a href="../../advice/\(chainID(311))/">Advies 311</a></p>
            """), trail)
        XCTAssertTrue(trail.contains("<a href=\"../../advice/\(chainID(0))/\">Advies 0</a>"))
        XCTAssertTrue(trail.contains("<a href=\"../../advice/\(chainID(599))/\">Advies 599</a>"))
        // Each link of the trail leads to a page of the site.
        let hrefs = trail.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(hrefs.count, 24)
        for href in hrefs {
            let target = "advice/" + href.dropFirst("../../advice/".count) + "index.html"
            XCTAssertNotNil(large[target], "\(href) leads nowhere")
        }
    }
}
