import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `inspraak serve` run for real on a copy of the example site: HTTP, live reload over
/// Server-Sent Events, the error overlay, a taken port and the signals.
final class ServeTests: XCTestCase {
    private let record = "content/meetings/2019-03-19-stamtafel-eenzaamheid.md"
    private let page = "/participatie/meetings/2019-03-19-stamtafel-eenzaamheid/"

    private func startServe(_ name: String = #function) throws -> (RunningServe, URL) {
        guard FileManager.default.fileExists(atPath: inspraakExecutable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let site = try temporaryFolder(name)
        try copyExampleSite(to: site)
        let serve = try RunningServe(["--source", site.path, "--port", "0", "--now", "2026-11-15", "--no-git",
                                      "--base-url", "https://example.nl/participatie/"])
        XCTAssertTrue(serve.waitUntilServing(), "no serving line: \(serve.out) \(serve.err)")
        return (serve, site)
    }

    func testServesTheSiteUnderItsSubPath() throws {
        let (serve, _) = try startServe()
        XCTAssertTrue(serve.url.hasSuffix("/participatie/"), serve.url)
        XCTAssertEqual(serve.out.split(separator: "\n").filter { $0.hasPrefix("serving ") }.count, 1)
        let root = try HTTPExchange.send(port: serve.port, "GET", "/")
        XCTAssertEqual(root.status, 302)
        XCTAssertEqual(root.headers["location"], "/participatie/")
        let home = try HTTPExchange.send(port: serve.port, "GET", "/participatie/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(home.text.contains("<script src=\"/__inspraak/reload.js\" data-pages=\"index.html\" defer></script>\n</body>"), home.text)
        XCTAssertEqual(try HTTPExchange.send(port: serve.port, "GET", "/participatie/meetings").headers["location"], "/participatie/meetings/")
        XCTAssertEqual(try HTTPExchange.send(port: serve.port, "GET", "/participatie/feed.xml").headers["content-type"], "application/rss+xml; charset=utf-8")
        let stylesheet = try XCTUnwrap(home.text.firstMatch(of: /href="assets\/(site\.[0-9a-f]+\.css)"/)?.1)
        let css = try HTTPExchange.send(port: serve.port, "GET", "/participatie/assets/" + stylesheet)
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        // The site's own 404 page, with its status.
        let missing = try HTTPExchange.send(port: serve.port, "GET", "/participatie/bestaat-niet/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("<html"), missing.text)
        // HEAD: the same headers, no body.
        let head = try HTTPExchange.send(port: serve.port, "HEAD", page)
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        let get = try HTTPExchange.send(port: serve.port, "GET", page)
        XCTAssertEqual(head.headers["content-length"], String(get.body.count))
        // ETag → 304.
        let etag = try XCTUnwrap(get.headers["etag"])
        let again = try HTTPExchange.send(port: serve.port, "GET", page, headers: ["If-None-Match": etag])
        XCTAssertEqual(again.status, 304)
        XCTAssertTrue(again.body.isEmpty)
        // Never a file outside the output.
        for target in ["/participatie/../site.toml", "/participatie/%2e%2e/%2e%2e/etc/passwd", "/participatie/index.html%00"] {
            let refused = try HTTPExchange.send(port: serve.port, "GET", target)
            XCTAssertEqual(refused.status, 400, target)
            XCTAssertFalse(refused.text.contains("base_url"), target)
        }
        XCTAssertEqual(serve.stop(SIGINT), 0, serve.err)
        XCTAssertTrue(serve.out.hasSuffix("stopped serving\n"), serve.out)
    }

    /// The whole edit loop: an edit reaches the page, a broken record shows the overlay over
    /// the last good page (status 200), fixing it clears the overlay.
    func testEditsReloadAndErrorsShowInThePage() throws {
        let (serve, site) = try startServe()
        let file = site.appendingPathComponent(record)
        let original = try String(contentsOf: file, encoding: .utf8)
        let events = try EventStream(port: serve.port)
        XCTAssertTrue(events.headerText.contains("text/event-stream"), events.headerText)

        // An editor's save: written beside the record, then renamed over it.
        let edited = original.replacingOccurrences(of: "Er kwamen 34 mensen", with: "Er kwamen vierendertig bewoners")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let change = try XCTUnwrap(events.nextRebuild(), "no rebuild event; out: \(serve.out)")
        XCTAssertTrue(change.contains("meetings/2019-03-19-stamtafel-eenzaamheid/index.html"), change)
        XCTAssertTrue(try HTTPExchange.send(port: serve.port, "GET", page).text.contains("Er kwamen vierendertig bewoners"))
        XCTAssertNotNil(serve.waitForLine(timeout: 5) { $0.hasPrefix("rebuilt in ") && $0.contains("rewritten") }, serve.out)

        // Broken: the front matter never closes.
        try edited.replacingOccurrences(of: "---\n## Aanleiding", with: "## Aanleiding").write(to: file, atomically: true, encoding: .utf8)
        let broken = try XCTUnwrap(events.nextRebuild())
        XCTAssertTrue(broken.contains("\"all\":true"), broken)
        let overlaid = try HTTPExchange.send(port: serve.port, "GET", page)
        XCTAssertEqual(overlaid.status, 200)
        XCTAssertTrue(overlaid.text.contains("<h1 id=\"inspraak-errors-title\" tabindex=\"-1\" autofocus>The site could not be rebuilt</h1>"), overlaid.text)
        XCTAssertTrue(overlaid.text.contains("<code>\(record):1:1</code>"), overlaid.text)
        XCTAssertTrue(overlaid.text.contains("<mark title=\"this line\">   1 > ---</mark>"), overlaid.text)
        XCTAssertTrue(overlaid.text.contains("Er kwamen vierendertig bewoners"), "the last good page is not underneath")
        // Every page has it, also one the edit did not touch.
        XCTAssertTrue(try HTTPExchange.send(port: serve.port, "GET", "/participatie/").text.contains("id=\"inspraak-errors\""))
        XCTAssertNotNil(serve.waitForLine(timeout: 5) { $0.hasPrefix("rebuild failed in ") }, serve.out)
        XCTAssertTrue(serve.err.contains("\(record):1:1: error:"), serve.err)

        // Fixed: the overlay goes.
        try original.write(to: file, atomically: true, encoding: .utf8)
        let fixed = try XCTUnwrap(events.nextRebuild())
        XCTAssertTrue(fixed.contains("\"all\":true"), fixed)
        let clean = try HTTPExchange.send(port: serve.port, "GET", page)
        XCTAssertFalse(clean.text.contains("inspraak-errors"))
        XCTAssertTrue(clean.text.contains("Er kwamen 34 mensen"))
        XCTAssertEqual(serve.stop(SIGTERM), 0, serve.err)
    }

    func testASecondServeOnATakenPortSaysSoAndExitsNonZero() throws {
        let (first, site) = try startServe()
        let second = try runInspraak(["serve", "--source", site.path, "--port", String(first.port), "--no-git"], timeout: 60)
        XCTAssertEqual(second.status, 69, second.err)
        XCTAssertFalse(second.hung)
        XCTAssertEqual(second.err, "Error: port \(first.port) on 127.0.0.1 is already in use (is another inspraak serve running?); stop that one, or pick another port with --port, e.g. --port 0 for any free one\n")
        XCTAssertFalse(second.out.contains("serving"), second.out)
        XCTAssertEqual(first.stop(SIGINT), 0)
    }

    /// `--open` hands the served address to the system's opener (xdg-open), here a stand-in.
    func testOpenHandsTheAddressToTheBrowser() throws {
        guard FileManager.default.fileExists(atPath: inspraakExecutable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let folder = try temporaryFolder()
        try copyExampleSite(to: folder.appendingPathComponent("site"))
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let opened = folder.appendingPathComponent("opened")
        try "#!/bin/sh\necho \"$1\" > \(opened.path)\n".write(to: bin.appendingPathComponent("xdg-open"), atomically: true, encoding: .utf8)
        chmod(bin.appendingPathComponent("xdg-open").path, 0o755)
        let serve = try RunningServe(["--source", folder.appendingPathComponent("site").path, "--port", "0", "--no-git", "--open"],
                                     path: bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"))
        XCTAssertTrue(serve.waitUntilServing(), serve.err)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opened.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try String(contentsOf: opened, encoding: .utf8), serve.url + "\n")
        XCTAssertEqual(serve.stop(SIGINT), 0)
    }

    func testServeHasItsOwnHelp() throws {
        guard FileManager.default.fileExists(atPath: inspraakExecutable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let help = try runCapturing(inspraakExecutable, ["serve", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("USAGE: inspraak serve"), help.out)
        XCTAssertTrue(help.out.contains("--port <port>"), help.out)
        XCTAssertTrue(help.out.contains("--open"), help.out)
        let bad = try runCapturing(inspraakExecutable, ["serve", "--port", "70000"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.err.contains("--port must be a number from 0 to 65535"), bad.err)
    }
}
