import Foundation
import XCTest
@testable import InspraakServe

final class WatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-watch-\(UUID().uuidString)")
        for sub in ["content/meetings", "themes/huis/templates", "public"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "title = \"T\"\n".write(to: folder.appendingPathComponent("site.toml"), atomically: false, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Batches handed over by a watcher on the folder, collected.
    private final class Batches: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [Set<String>] = []
        let arrived = DispatchSemaphore(value: 0)
        func add(_ batch: Set<String>) {
            lock.withLock { batches.append(batch) }
            arrived.signal()
        }
        var all: [Set<String>] { lock.withLock { batches } }
    }

    /// The batches of `edit`'s changes. The quiet time is longer than serve's 40 ms: on a
    /// loaded machine two steps of one save can lie further apart than that.
    private func watching(quiet: Double = 0.3, _ edit: () throws -> Void, wait: Double = 0.8) throws -> [Set<String>] {
        let batches = Batches()
        let watcher = try XCTUnwrap(SourceWatcher(source: folder, quiet: quiet, longest: 5) { batches.add($0) })
        watcher.start()
        try edit()
        _ = batches.arrived.wait(timeout: .now() + 2)
        Thread.sleep(forTimeInterval: wait)
        watcher.stop()
        return batches.all
    }

    private func write(_ text: String, to path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: false, encoding: .utf8)
    }

    func testEditorSwapAndBackupFilesAreIgnored() {
        for name in [".x.md.swp", ".x.md.swx", "x.md~", ".#x.md", "4913", ".DS_Store", "#x.md#", "x.md___jb_tmp___"] {
            XCTAssertTrue(WatchRules.isIgnored(name: name), name)
        }
        for name in ["x.md", "site.toml", "verslag.pdf", "swp.md", "4913.md", "#"] {
            XCTAssertFalse(WatchRules.isIgnored(name: name), name)
        }
        XCTAssertTrue(WatchRules.isWatched("content/meetings/x.md"))
        XCTAssertTrue(WatchRules.isWatched("themes/huis/templates/base.mustache"))
        XCTAssertTrue(WatchRules.isWatched("site.toml"))
        XCTAssertFalse(WatchRules.isWatched("public/index.html"))
        XCTAssertFalse(WatchRules.isWatched("content/meetings/.x.md.swp"))
        XCTAssertFalse(WatchRules.isWatched("README.md"))
    }

    /// Vim's save: the `4913` test file, the record renamed to a `~` backup, the new one written.
    func testAnEditorsSaveIsOneBatchWithOnlyTheRecord() throws {
        try write("eerst", to: "content/meetings/a.md")
        let batches = try watching {
            try write("", to: "content/meetings/.a.md.swp")
            try write("", to: "content/meetings/4913")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("content/meetings/4913"))
            try FileManager.default.moveItem(at: folder.appendingPathComponent("content/meetings/a.md"), to: folder.appendingPathComponent("content/meetings/a.md~"))
            try write("daarna", to: "content/meetings/a.md")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("content/meetings/a.md~"))
        }
        XCTAssertEqual(batches, [["content/meetings/a.md"]])
    }

    /// Writes closer together than the quiet time make one batch; a pause makes a second.
    func testQuickWritesAreDebouncedIntoOneBatch() throws {
        let batches = try watching {
            for round in 0..<5 {
                try write("versie \(round)", to: "content/meetings/b.md")
                Thread.sleep(forTimeInterval: 0.005)
            }
            try write("x = 1\n", to: "site.toml")
            try write("{{x}}", to: "themes/huis/templates/base.mustache")
        }
        XCTAssertEqual(batches, [["content/meetings/b.md", "site.toml", "themes/huis/templates/base.mustache"]])
        let two = try watching {
            try write("1", to: "content/meetings/c.md")
            Thread.sleep(forTimeInterval: 1.2)
            try write("2", to: "content/meetings/d.md")
        }
        XCTAssertEqual(two, [["content/meetings/c.md"], ["content/meetings/d.md"]])
    }

    /// A rename over the record (how many editors save) is seen as a change of the record.
    func testAWriteThenRenameIntoPlaceIsSeen() throws {
        try write("eerst", to: "content/meetings/e.md")
        let batches = try watching {
            try write("daarna", to: "content/meetings/.e.md.tmp~")
            _ = rename(folder.appendingPathComponent("content/meetings/.e.md.tmp~").path, folder.appendingPathComponent("content/meetings/e.md").path)
        }
        XCTAssertEqual(batches, [["content/meetings/e.md"]])
    }

    /// A folder made after the start is watched too, and what is outside the source trees is not.
    func testNewFoldersAreWatchedAndOtherFoldersAreNot() throws {
        let batches = try watching {
            try write("<p>", to: "public/index.html")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/advice/bundel"), withIntermediateDirectories: true)
            Thread.sleep(forTimeInterval: 0.05)
            try write("pdf", to: "content/advice/bundel/verslag.pdf")
        }
        let seen = batches.reduce(into: Set<String>()) { $0.formUnion($1) }
        XCTAssertTrue(seen.isSuperset(of: ["content/advice", "content/advice/bundel/verslag.pdf"]), "\(seen)")
        XCTAssertTrue(seen.allSatisfy { $0.hasPrefix("content/advice") }, "\(seen)")
    }

    func testNothingIsHandedOverWhenOnlyIgnoredFilesChange() throws {
        let batches = try watching({
            try write("", to: "content/meetings/.f.md.swp")
            try write("", to: "content/meetings/f.md~")
            try write("", to: "README.md")
        }, wait: 0)
        XCTAssertEqual(batches, [])
    }
}
