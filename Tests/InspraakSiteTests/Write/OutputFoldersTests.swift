import XCTest
@testable import InspraakSite

/// The site's folders are made in one pass before its files: each once, parents before their
/// children, in the same order every build; a folder that cannot be made fails the build by name.
final class OutputFoldersTests: XCTestCase {
    func testEachFolderOnceByDepthInByteOrder() {
        let folders = OutputFolders(files: [
            "meetings/b/index.html", "index.html", "meetings/a/index.html", "meetings/a/changes.xml",
            "themes/wonen/page/2/index.html", "meetings/index.html", "Zorg/x.ics", "themes/wonen/index.html",
        ])
        XCTAssertEqual(folders.levels, [
            ["Zorg", "meetings", "themes"],
            ["meetings/a", "meetings/b", "themes/wonen"],
            ["themes/wonen/page"],
            ["themes/wonen/page/2"],
        ])
        XCTAssertEqual(OutputFolders(files: ["index.html", "404.html"]).levels, [])
    }

    /// A plan's files come in byte order, where a folder's files and folders are one run; any
    /// other order gives the same folders.
    func testSortedAndOtherOrdersGiveTheSameFolders() {
        let files = ["a/b/x.html", "a/b-c/y.html", "a/b/z.html", "a/b/c/d.html", "a/bc/e.html", "a.html", "a/b.html",
                     "a/b/c/e/f/g.html", "b/index.html", "a/b/c/changes.xml", "a/b/c/index.html", "ä/x.html", "a/b/c/e/h.html"]
        var expected: [Int: Set<String>] = [:]
        for file in files {
            let parts = file.split(separator: "/")
            for depth in 0..<(parts.count - 1) { expected[depth, default: []].insert(parts[...depth].joined(separator: "/")) }
        }
        let levels = (0..<expected.count).map { expected[$0]!.sorted { $0.precedesInUTF8($1) } }
        let sorted = files.sorted { $0.precedesInUTF8($1) }
        XCTAssertEqual(OutputFolders(files: sorted).levels, levels)
        XCTAssertEqual(OutputFolders(files: sorted.reversed()).levels, levels)
        XCTAssertEqual(OutputFolders(files: files).levels, levels)
        // Sorted at first, then not.
        XCTAssertEqual(OutputFolders(files: sorted.dropLast(3) + sorted.suffix(3).reversed() + ["a/b/c/d.html"]).levels, levels)
    }

    func testDeepFoldersAreMadeAndFilledInOneBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        let paths = (0..<300).map { "meetings/m\($0)/index.html" } + ["a/b/c/d/e.txt", "a/b/f.txt", "index.html"]
        let plan = OutputPlan(paths.map { path in OutputPlan.File(path: path, content: .bytes(Array(path.utf8))) })
        let output = folder.appendingPathComponent("public")
        let report = SiteWriter.write(plan, to: output, source: source)
        XCTAssertEqual(report.diagnostics.map(\.message), [])
        for path in paths {
            XCTAssertEqual(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8), path)
        }
    }

    func testAFolderThatCannotBeMadeFailsTheBuildByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-folders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        // Longer than any file system allows for one name (255 bytes).
        let long = String(repeating: "lang", count: 70)
        let plan = OutputPlan([
            OutputPlan.File(path: "index.html", content: .bytes(Array("ok".utf8))),
            OutputPlan.File(path: "meetings/\(long)/index.html", content: .bytes(Array("x".utf8))),
        ])
        let output = folder.appendingPathComponent("public")
        let report = SiteWriter.write(plan, to: output, source: source)
        XCTAssertFalse(report.outputReplaced)
        XCTAssertEqual(report.diagnostics.count, 1)
        let message = report.diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("public/meetings/\(long)"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(left, ["site"], "the staging folder is removed")
    }
}
