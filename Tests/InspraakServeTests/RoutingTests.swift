import Foundation
import InspraakSite
import InspraakSource
import XCTest
@testable import InspraakServe

/// A site of a few outputs, served under /participatie/.
private struct FakeSite: ServedOutputs {
    var files: [String: String] = [
        "index.html": "<!doctype html><html><head><title>Home</title></head><body><p>home</p></body></html>",
        "404.html": "<!doctype html><html><head><title>Niet gevonden</title></head><body><p>niet gevonden</p></body></html>",
        "meetings/index.html": "<html><body>meetings</body></html>",
        "meetings/a/index.html": "<html><body>meeting a</body></html>",
        "assets/site.css": "body{}",
        "feed.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel></channel></rss>",
        "atom.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
        "sitemap.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset></urlset>",
        "feed.json": "{\"version\":\"https://jsonfeed.org/version/1.1\"}",
        "data/meetings.json": "[]",
        "data/meetings.csv": "a,b\n",
        "agenda.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
        "assets/app.js": "1;",
    ]
    var pdf: URL?

    func served(at path: String) -> ServedFile? {
        if path == "meetings/a/verslag.pdf", let pdf { return ServedFile(.file(pdf), etag: "pdf1") }
        guard let text = files[path] else { return nil }
        return ServedFile(.bytes(Data(text.utf8)), etag: "t\(text.utf8.count)")
    }
}

final class RoutingTests: XCTestCase {
    private let router = ServeRouter(site: FakeSite(), basePath: "/participatie/", overlay: nil)

    private func get(_ target: String, _ method: ServeRequest.Method = .get, ifNoneMatch: String? = nil, router: ServeRouter? = nil) -> ServeResponse {
        (router ?? self.router).respond(to: ServeRequest(method: method, target: target, ifNoneMatch: ifNoneMatch))
    }

    private func text(_ response: ServeResponse) -> String { String(decoding: response.bytes ?? Data(), as: UTF8.self) }

    func testPathsMapToOutputsUnderTheSubPath() {
        XCTAssertTrue(text(get("/participatie/")).contains("<p>home</p>"))
        XCTAssertTrue(text(get("/participatie/index.html")).contains("<p>home</p>"))
        XCTAssertTrue(text(get("/participatie/meetings/a/")).contains("meeting a"))
        XCTAssertTrue(text(get("/participatie/meetings/a/?x=1")).contains("meeting a"))
        XCTAssertEqual(get("/participatie/meetings/a/").status, 200)
    }

    func testRootAndFoldersWithoutSlashRedirect() {
        XCTAssertEqual(get("/").status, 302)
        XCTAssertEqual(get("/").headers["Location"], "/participatie/")
        XCTAssertEqual(get("/participatie").headers["Location"], "/participatie/")
        let folder = get("/participatie/meetings/a?x=1")
        XCTAssertEqual(folder.status, 302)
        XCTAssertEqual(folder.headers["Location"], "/participatie/meetings/a/?x=1")
        // At the root of its own host, / is the home page itself.
        let atRoot = ServeRouter(site: FakeSite(), basePath: "/", overlay: nil)
        XCTAssertEqual(get("/", router: atRoot).status, 200)
        XCTAssertTrue(text(get("/meetings/", router: atRoot)).contains("meetings"))
    }

    func testUnknownPathsGetTheSitesOwn404PageWithStatus404() {
        for target in ["/participatie/nope/", "/participatie/nope.html", "/elders/", "/participatie/assets/"] {
            let response = get(target)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertTrue(text(response).contains("niet gevonden"), target)
            XCTAssertEqual(response.headers["Content-Type"], "text/html; charset=utf-8")
        }
    }

    func testContentTypes() {
        let expected = [
            "/participatie/": "text/html; charset=utf-8",
            "/participatie/assets/site.css": "text/css; charset=utf-8",
            "/participatie/assets/app.js": "text/javascript; charset=utf-8",
            "/participatie/feed.xml": "application/rss+xml; charset=utf-8",
            "/participatie/atom.xml": "application/atom+xml; charset=utf-8",
            "/participatie/sitemap.xml": "application/xml; charset=utf-8",
            "/participatie/feed.json": "application/feed+json; charset=utf-8",
            "/participatie/data/meetings.json": "application/json; charset=utf-8",
            "/participatie/data/meetings.csv": "text/csv; charset=utf-8",
            "/participatie/agenda.ics": "text/calendar; charset=utf-8",
            "/participatie/assets/logo.svg": "image/svg+xml",
            ServeRoutes.reloadScript: "text/javascript; charset=utf-8",
            ServeRoutes.overlayCSS: "text/css; charset=utf-8",
            ServeRoutes.events: "text/event-stream; charset=utf-8",
        ]
        for (target, type) in expected {
            XCTAssertEqual(get(target).headers["Content-Type"], type, target)
        }
    }

    func testCopiedFilesAreSentFromTheSourceWithTheirType() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("verslag.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: pdf)
        let router = ServeRouter(site: FakeSite(pdf: pdf), basePath: "/participatie/", overlay: nil)
        let response = get("/participatie/meetings/a/verslag.pdf", router: router)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["Content-Type"], "application/pdf")
        XCTAssertEqual(response.headers["Content-Length"], "9")
        guard case .file(let url) = response.body else { return XCTFail("not the file") }
        XCTAssertEqual(url, pdf)
    }

    func testTraversalAndNULAreRefusedBeforeAnyLookup() {
        for target in ["/participatie/../etc/passwd", "/participatie/%2e%2e/%2e%2e/etc/passwd", "/participatie/%2E%2E/site.toml",
                       "/participatie/meetings/..%2f..%2f", "/participatie/index.html%00.css", "/participatie/./index.html",
                       "/participatie/..\\..\\x", "/participatie/%zz", "participatie/", "/participatie/%2e%2e%5c"] {
            let response = get(target)
            XCTAssertEqual(response.status, 400, target)
            XCTAssertFalse(text(response).contains("home"), target)
        }
    }

    func testETagAndIfNoneMatch() {
        let first = get("/participatie/assets/site.css")
        let etag = try? XCTUnwrap(first.headers["ETag"])
        XCTAssertEqual(etag, "\"t6\"")
        let again = get("/participatie/assets/site.css", ifNoneMatch: etag)
        XCTAssertEqual(again.status, 304)
        XCTAssertNil(again.bytes)
        XCTAssertEqual(again.headers["ETag"], etag)
        XCTAssertEqual(get("/participatie/assets/site.css", ifNoneMatch: "W/\"t6\", \"x\"").status, 304)
        XCTAssertEqual(get("/participatie/assets/site.css", ifNoneMatch: "\"other\"").status, 200)
        // A page's tag changes when the overlay comes: the browser must not keep the old page.
        let page = get("/participatie/").headers["ETag"]
        let failing = ServeRouter(site: FakeSite(), basePath: "/participatie/", overlay: "<section id=\"inspraak-errors\"></section>")
        let failingPage = get("/participatie/", ifNoneMatch: page, router: failing)
        XCTAssertEqual(failingPage.status, 200)
        XCTAssertNotEqual(failingPage.headers["ETag"], page)
    }

    func testHeadHasTheHeadersButNoBody() {
        let get = self.get("/participatie/feed.xml")
        let head = self.get("/participatie/feed.xml", .head)
        XCTAssertEqual(head.status, 200)
        XCTAssertNil(head.bytes)
        XCTAssertEqual(head.headers, get.headers)
        XCTAssertEqual(head.headers["Content-Length"], String(get.bytes?.count ?? -1))
        let missing = self.get("/participatie/nope/", .head)
        XCTAssertEqual(missing.status, 404)
        XCTAssertNil(missing.bytes)
    }

    func testOtherMethodsAreRefused() {
        let response = get("/participatie/", .other)
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.headers["Allow"], "GET, HEAD")
    }
}
