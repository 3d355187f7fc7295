import Foundation
import InspraakSite
import XCTest

final class SiteOutputTests: XCTestCase {
    /// Every internal link, stylesheet and fragment of every page resolves to a file in the output,
    /// with the site served from a sub-path.
    func testEveryInternalLinkResolves() throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let report = SiteBuild.build(exampleOptions(output: output))
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let base = "https://example.nl/participatie/"
        let pages = try snapshot(output).filter { $0.0.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 50)
        let attribute = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let idPattern = try NSRegularExpression(pattern: #"\sid="([^"]*)""#)
        var ids: [String: Set<String>] = [:]
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            ids[path] = Set(idPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) })
        }
        var broken: [String] = []
        var checked = 0
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let pageURL = path == "404.html" ? URL(string: base + "404.html")! : URL(string: base + path)!
            for match in attribute.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                // A calendar subscription (webcal://) is the same file over https.
                let raw = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "webcal://", with: "https://")
                guard let url = URL(string: raw, relativeTo: pageURL)?.absoluteURL else { broken.append("\(path): unreadable link \(raw)"); continue }
                let absolute = url.absoluteString
                guard absolute.hasPrefix(base) else {
                    if url.host == "example.nl" { broken.append("\(path): \(raw) leaves the base path") }
                    continue
                }
                checked += 1
                var target = String(absolute.dropFirst(base.count))
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                let file = output.appendingPathComponent(target.removingPercentEncoding ?? target)
                if !FileManager.default.fileExists(atPath: file.path) {
                    broken.append("\(path): \(raw) → missing \(target)")
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !(ids[target]?.contains(fragment) ?? false) {
                    broken.append("\(path): \(raw) → no id \(fragment) in \(target)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        XCTAssertEqual(broken, [])
    }

    func testTwoBuildsAreByteIdentical() throws {
        let folder = try temporaryFolder()
        XCTAssertTrue(SiteBuild.build(exampleOptions(output: folder.appendingPathComponent("a"))).succeeded)
        XCTAssertTrue(SiteBuild.build(exampleOptions(output: folder.appendingPathComponent("b"))).succeeded)
        let a = try snapshot(folder.appendingPathComponent("a")), b = try snapshot(folder.appendingPathComponent("b"))
        XCTAssertEqual(a.map(\.0), b.map(\.0))
        XCTAssertEqual(a.filter { pair in b.first { $0.0 == pair.0 }?.1 != pair.1 }.map(\.0), [])
    }

    /// A broken record fails the build and the previous output stays exactly as it was.
    func testFailedBuildLeavesPreviousOutputIntact() throws {
        let folder = try temporaryFolder()
        let source = folder.appendingPathComponent("site")
        let output = folder.appendingPathComponent("public")
        try copyExampleSite(to: source)
        var options = exampleOptions(output: output)
        options.source = source
        XCTAssertTrue(SiteBuild.build(options).succeeded)
        let before = try snapshot(output)

        let broken = source.appendingPathComponent("content/meetings/2099-01-01-kapot.md")
        try "---\ntitle: Kapot\ndate: 2099-13-45\n---\n".write(to: broken, atomically: true, encoding: .utf8)
        let report = SiteBuild.build(options)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.description), [
            "content/meetings/2099-01-01-kapot.md:1:1: warning: this record has no `themes`, and refers to nothing it could take them from",
            "content/meetings/2099-01-01-kapot.md:3:7: error: `date` is not a valid date: \"2099-13-45\" (write 2019-05-14, or 2019-05-14T19:30 with a time)",
        ])
        let after = try snapshot(output)
        XCTAssertEqual(before.map(\.0), after.map(\.0))
        XCTAssertTrue(zip(before, after).allSatisfy { $0.1 == $1.1 }, "the previous output changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no staging folders left behind")
    }

    /// A site without a themes/ folder builds with the built-in default theme, and the built-in
    /// theme is the same as themes/default/ (scripts/embed-default-theme.py keeps them in step).
    func testBuiltInThemeEqualsThemesDefault() throws {
        let folder = try temporaryFolder()
        let source = folder.appendingPathComponent("site")
        try copyExampleSite(to: source)
        var options = exampleOptions(output: folder.appendingPathComponent("bare"))
        options.source = source
        XCTAssertTrue(SiteBuild.build(options).succeeded)
        XCTAssertTrue(SiteBuild.build(exampleOptions(output: folder.appendingPathComponent("repo"))).succeeded)
        let bare = try snapshot(folder.appendingPathComponent("bare")), repo = try snapshot(folder.appendingPathComponent("repo"))
        XCTAssertEqual(bare.map(\.0), repo.map(\.0), "run scripts/embed-default-theme.py")
        XCTAssertEqual(bare.filter { pair in repo.first { $0.0 == pair.0 }?.1 != pair.1 }.map(\.0), [], "run scripts/embed-default-theme.py")
    }
}
