import XCTest
@testable import InspraakSite

/// A file made in pieces (a page listing thousands of records) is written as it is made: what
/// lands on disk is every piece, in order, then the rest; a plan's other files are unaffected.
final class StreamedWriteTests: XCTestCase {
    func testPiecesLandInOrderFollowedByTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        let pieces: [[UInt8]] = (0..<5).map { index in Array(repeating: UInt8(ascii: "a") + UInt8(index), count: 70_000 + index) }
        let rest = Array("het einde\n".utf8)
        let whole = pieces.flatMap { $0 } + rest
        let plan = OutputPlan([
            OutputPlan.File(path: "themes/groot/index.html", content: .rendered(weight: 2) { buffer in buffer = whole }, streamed: { buffer, spill in
                for piece in pieces {
                    buffer.append(contentsOf: piece)
                    spill(&buffer)
                    XCTAssertTrue(buffer.isEmpty, "a piece handed on is emptied from the buffer")
                }
                buffer.append(contentsOf: rest)
            }),
            OutputPlan.File(path: "index.html", content: .rendered(weight: 0) { buffer in buffer = Array("klein\n".utf8) }),
        ])
        XCTAssertEqual(plan.files.first { $0.path.hasPrefix("themes") }?.bytes(), whole, "in memory (serve) the file is made whole")
        let output = folder.appendingPathComponent("public")
        let report = SiteWriter.write(plan, to: output, source: source)
        XCTAssertEqual(report.diagnostics.map(\.message), [])
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("themes/groot/index.html")), Data(whole))
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "klein\n")
    }

    /// A file whose folder cannot be made is reported as for any other file; nothing is swapped in.
    func testAStreamedFileThatCannotBeWrittenFailsTheBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source.appendingPathComponent("content"), withIntermediateDirectories: true)
        // `themes` is a file, so `themes/groot/` cannot be a folder.
        let plan = OutputPlan([
            OutputPlan.File(path: "themes", content: .bytes(Array("x".utf8))),
            OutputPlan.File(path: "themes/groot/index.html", content: .rendered(weight: 2) { $0 = [] }, streamed: { buffer, spill in
                buffer = Array(repeating: 1, count: 10)
                spill(&buffer)
            }),
        ])
        let output = folder.appendingPathComponent("public")
        let report = SiteWriter.write(plan, to: output, source: source)
        XCTAssertFalse(report.outputReplaced)
        XCTAssertEqual(report.diagnostics.count, 1)
        XCTAssertTrue(report.diagnostics.first?.message.contains("themes") == true, report.diagnostics.first?.message ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
