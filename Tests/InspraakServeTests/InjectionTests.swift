import Foundation
import InspraakSite
import InspraakSource
import XCTest
@testable import InspraakServe

final class InjectionTests: XCTestCase {
    private let page = "<!doctype html>\n<html lang=\"nl\">\n<head><title>T</title></head>\n<body class=\"x\">\n<main>inhoud</main>\n</body>\n</html>\n"

    func testTheReloadScriptGoesBeforeTheClosingBodyTagOfHTMLOnly() {
        let injected = String(decoding: PageInjection(overlay: nil).inject(into: Data(page.utf8), pages: ["a/index.html"]), as: UTF8.self)
        XCTAssertEqual(injected, page.replacingOccurrences(of: "</body>", with:
            "<script src=\"/__inspraak/reload.js\" data-pages=\"a/index.html\" defer></script>\n</body>"))
        XCTAssertFalse(injected.contains("inspraak-errors"))
        // Served through the router: only HTML pages get it, other files are sent as they are.
        let site = OneFile(path: "index.html", text: page)
        let router = ServeRouter(site: site, basePath: "/", overlay: nil)
        XCTAssertTrue(String(decoding: router.respond(to: ServeRequest(method: .get, target: "/")).bytes!, as: UTF8.self).contains("/__inspraak/reload.js"))
        let css = ServeRouter(site: OneFile(path: "a.css", text: "</body>"), basePath: "/", overlay: "<b>overlay</b>")
        XCTAssertEqual(css.respond(to: ServeRequest(method: .get, target: "/a.css")).bytes, Data("</body>".utf8))
    }

    func testTheOverlayGoesRightAfterTheOpeningBodyTagAndTheLastGoodPageStaysBelow() throws {
        let overlay = ErrorOverlay.html([.error(SourceLocation(path: "content/x.md", line: 2, column: 1), "something is wrong")], source: URL(fileURLWithPath: "/nonexistent"))
        let injected = String(decoding: PageInjection(overlay: overlay).inject(into: Data(page.uppercased().utf8), pages: ["index.html"]), as: UTF8.self)
        let body = try XCTUnwrap(injected.range(of: "<BODY CLASS=\"X\">"))
        XCTAssertTrue(injected[body.upperBound...].hasPrefix("<link rel=\"stylesheet\" href=\"/__inspraak/overlay.css\">"))
        XCTAssertTrue(injected.contains("<MAIN>INHOUD</MAIN>"))
        XCTAssertTrue(injected.contains("defer></script>\n</BODY>"))
    }

    func testAPageWithoutBodyTagsStillGetsBoth() {
        let injected = String(decoding: PageInjection(overlay: "<p>o</p>").inject(into: Data("<p>x</p>".utf8), pages: []), as: UTF8.self)
        XCTAssertTrue(injected.hasPrefix("<p>o</p><p>x</p><script"), injected)
    }

    func testTheOverlayListsEachDiagnosticWithItsMarkedSourceLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\ntitle: Avond\ndate: 2026-13-01\nkind: <meeting>\n---\ntekst\n".write(to: folder.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        let diagnostics: [Diagnostic] = [
            .error(SourceLocation(path: "content/a.md", line: 3, column: 7), "`date` must be a real day", hint: "did you mean 2026-12-01?"),
            .warning(SourceLocation(path: "content/a.md", line: 4), "a <kind> & more"),
            .error(SourceLocation(path: "../../etc/passwd", line: 1), "outside"),
        ]
        let html = ErrorOverlay.html(diagnostics, source: folder)
        XCTAssertTrue(html.contains("<h1 id=\"inspraak-errors-title\" tabindex=\"-1\" autofocus>The site could not be rebuilt</h1>"), html)
        XCTAssertTrue(html.contains("role=\"alertdialog\""))
        XCTAssertTrue(html.contains("aria-labelledby=\"inspraak-errors-title\""))
        XCTAssertTrue(html.contains("Your last edit has 2 errors and 1 warning."))
        XCTAssertTrue(html.contains("<code>content/a.md:3:7</code> <strong>error:</strong> `date` must be a real day (did you mean 2026-12-01?)"))
        XCTAssertTrue(html.contains("<mark title=\"this line\">   3 > date: 2026-13-01</mark>\n             ^\n"), html)
        XCTAssertTrue(html.contains("   1 | ---\n   2 | title: Avond\n"), html)
        XCTAssertTrue(html.contains("   5 | ---\n</pre>"), html)
        // Text from records is escaped; a path that leaves the source folder is not read.
        XCTAssertTrue(html.contains("a &lt;kind&gt; &amp; more"))
        XCTAssertTrue(html.contains("   4 > kind: &lt;meeting&gt;"))
        XCTAssertFalse(html.contains("root:"))
        XCTAssertEqual(html.components(separatedBy: "<pre").count, 3)
    }

    func testTheEventMessageNamesTheChangedOutputsOrAll() {
        XCTAssertEqual(ReloadEvents.message(changed: ["a/index.html", "b.html"], all: false),
                       "event: rebuild\ndata: {\"all\":false,\"changed\":[\"a/index.html\",\"b.html\"]}\n\n")
        XCTAssertEqual(ReloadEvents.message(changed: ["a"], all: true), "event: rebuild\ndata: {\"all\":true,\"changed\":[]}\n\n")
        let many = (0...ReloadEvents.listLimit).map { "p\($0).html" }
        XCTAssertEqual(ReloadEvents.message(changed: many, all: false), "event: rebuild\ndata: {\"all\":true,\"changed\":[]}\n\n")
    }

    func testListenersHearRebuildsUntilClosed() async {
        let events = ReloadEvents()
        let stream = events.listen()
        events.send(changed: [], all: false)
        events.send(changed: ["x.html"], all: false)
        events.close()
        var heard: [String] = []
        for await message in stream { heard.append(message) }
        XCTAssertEqual(heard, ["retry: 1000\n\n", ReloadEvents.message(changed: ["x.html"], all: false)])
        XCTAssertEqual(events.listenerCount, 0)
    }
}

private struct OneFile: ServedOutputs {
    let path: String
    let text: String
    func served(at path: String) -> ServedFile? {
        path == self.path ? ServedFile(.bytes(Data(text.utf8)), etag: "1") : nil
    }
}
