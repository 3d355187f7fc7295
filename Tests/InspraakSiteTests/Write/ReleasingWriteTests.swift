import Foundation
import InspraakTestSupport
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// The write stage lets a record's body HTML go once the record's page is written: those pages
/// come first, the plan's shared values (open-data tables, worded changes) after them, so the
/// two are never all in memory at once.
final class ReleasingWriteTests: XCTestCase {
    /// What happened, in order, from any core.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.lock(); entries.append(entry); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    func testFilesThatReleaseComeFirstThenTheSharedValuesThenTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-releasing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        let log = Log()
        let recordPages = (1...6).map { "meetings/m\($0)/index.html" }
        var files = recordPages.map { path in
            OutputPlan.File(path: path, weight: 0, releasing: { log.add("released \(path)") }) { buffer, _ in
                log.add("made \(path)")
                buffer = Array("pagina \(path)\n".utf8)
            }
        }
        // Heavier than the record pages: by weight alone they would be made first.
        files.append(OutputPlan.File(path: "open/index.html", content: .rendered(weight: 9) { buffer in
            log.add("made open/index.html")
            buffer = Array("open\n".utf8)
        }))
        files.append(OutputPlan.File(path: "data/answers.csv", content: .rendered(weight: 3) { buffer in
            log.add("made data/answers.csv")
            buffer = Array("a,b\n".utf8)
        }))
        let plan = OutputPlan(files, shared: { log.add("shared") })
        let output = folder.appendingPathComponent("public")
        let report = SiteWriter.write(plan, to: output, source: source)
        XCTAssertEqual(report.diagnostics.map(\.message), [])

        let entries = log.all
        let shared = try XCTUnwrap(entries.firstIndex(of: "shared"))
        XCTAssertEqual(entries.filter { $0 == "shared" }.count, 1, "the shared values are made once")
        for path in recordPages {
            let made = try XCTUnwrap(entries.firstIndex(of: "made \(path)"))
            let released = try XCTUnwrap(entries.firstIndex(of: "released \(path)"), "\(path) released")
            XCTAssertLessThan(made, released, "\(path) is released after it is made")
            XCTAssertLessThan(released, shared, "\(path) is released before the shared values are made")
            XCTAssertEqual(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8), "pagina \(path)\n")
        }
        for path in ["open/index.html", "data/answers.csv"] {
            XCTAssertGreaterThan(try XCTUnwrap(entries.firstIndex(of: "made \(path)")), shared, "\(path) comes after the shared values")
        }
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("open/index.html"), encoding: .utf8), "open\n")
        XCTAssertEqual(entries.count, 6 * 2 + 1 + 2)
    }

    /// A real site: every record page (and nothing else) releases its record's body, the page
    /// still shows the body, and after the build no body is held; `serve`'s in-memory pages
    /// never release.
    func testARecordsBodyIsLetGoOnceItsPageIsWritten() throws {
        var files = ["content/themes/wonen.md": "---\ntitle: Wonen\n---\nOver wonen.\n"]
        for index in 1...5 {
            let day = Day(iso: "2024-01-01")!.adding(days: index).iso
            files["content/meetings/\(day)-m\(index).md"] = "---\ntitle: Bijeenkomst \(index)\ndate: \(day)T19:30\nthemes: [wonen]\n---\nVerslag met *nadruk \(index)*.\n\nTweede alinea \(index).\n"
        }
        let (loaded, _) = InMemorySite(files).loaded()
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let (model, _) = ModelBuilder.build(try XCTUnwrap(loaded), includeDrafts: false)
        let (graph, problems) = SiteGraph.build(model, settings: GraphSettings(loaded!.config), today: Day(iso: "2024-06-01")!)
        XCTAssertFalse(problems.hasErrors)
        let settings = RenderSettings(loaded!.config)
        let texts = RenderedTexts.render(graph, unsafeHTML: settings.unsafeHTML)
        let (made, renderProblems) = SiteRenderer.render(graph, settings: settings, theme: try XCTUnwrap(theme), texts: texts)
        XCTAssertEqual(renderProblems, [])
        let plan = try XCTUnwrap(made)
        let releasing = plan.files.filter { $0.releasing != nil }.map(\.path).sorted()
        XCTAssertEqual(releasing, graph.records.map { SitePaths.file(for: SitePaths.record($0)) }.sorted())

        // In memory (serve): made twice, nothing let go.
        let page = try XCTUnwrap(plan.files.first { $0.path == releasing[0] })
        XCTAssertEqual(page.bytes(), page.bytes())
        XCTAssertTrue(graph.records.allSatisfy { texts.records[$0.id]?.holdsBody == true })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-releasing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("public")
        XCTAssertEqual(SiteWriter.write(plan, to: output, source: source).diagnostics.map(\.message), [])
        XCTAssertTrue(graph.records.allSatisfy { texts.records[$0.id]?.holdsBody == false }, "every body is let go after the build")
        for record in graph.records {
            let html = try String(contentsOf: output.appendingPathComponent(SitePaths.file(for: SitePaths.record(record))), encoding: .utf8)
            let number = record.title.split(separator: " ").last.map(String.init) ?? ""
            XCTAssertTrue(html.contains("<p>Verslag met <em>nadruk \(number)</em>.</p>\n<p>Tweede alinea \(number).</p>"), record.id)
        }
    }
}
