import XCTest
@testable import InspraakSource

/// What the in-memory and overlay trees answer, question by question (the loads they give are
/// compared with the disk's in InspraakEndToEndTests/SourceTreeTests).
final class SourceTreeUnitTests: XCTestCase {
    let tree = InMemorySourceTree(texts: [
        "site.toml": "title = \"T\"",
        "content/meetings/b.md": "B",
        "content/meetings/Z.md": "Z",
        "content/meetings/é.md": "E",
        "content/advice/x/index.md": "X",
        "content/feedback/": "",
    ])

    func names(_ listing: SourceListing) -> [String] {
        guard case .entries(let entries) = listing else { return ["unreadable"] }
        return entries.map { "\($0.name)\($0.kind == .directory ? "/" : "")" }
    }

    func testInMemoryFoldersAreImpliedByPathsAndListedByTheirBytes() {
        XCTAssertEqual(names(tree.list("")), ["content/", "site.toml"])
        XCTAssertEqual(names(tree.list("content")), ["advice/", "feedback/", "meetings/"])
        XCTAssertEqual(names(tree.list("content/meetings")), ["Z.md", "b.md", "é.md"])
        XCTAssertEqual(names(tree.list("content/feedback")), [], "a path ending in / is an empty folder")
        XCTAssertEqual(tree.list("content/nieuws"), .unreadable(Message.missingCause))
        XCTAssertEqual(tree.kind(of: "content/advice/x"), .directory)
        XCTAssertEqual(tree.kind(of: "content/advice/x/index.md"), .regular)
        XCTAssertEqual(tree.kind(of: "content/advice/y"), .missing)
        XCTAssertNil(tree.diskFolder)
    }

    func testInMemoryReadsRefuseFoldersMissingFilesAndFilesOverTheLimit() {
        XCTAssertEqual(tree.read("content/meetings/b.md", limit: 10), .bytes(Array("B".utf8)))
        XCTAssertEqual(tree.read("site.toml", limit: 3), .tooLarge)
        XCTAssertEqual(tree.read("content/meetings", limit: 10), .notRegular(.directory))
        XCTAssertEqual(tree.read("content/meetings/a.md", limit: 10), .missing)
    }

    func testAnOverlayAddsReplacesAndDeletes() {
        var overlay = OverlaySourceTree(over: tree)
        overlay.edit("content/meetings/b.md", text: "B2")
        overlay.edit("content/themes/wonen.md", text: "W")
        overlay.delete("content/meetings/Z.md")
        overlay.delete("content/advice")
        XCTAssertEqual(names(overlay.list("content")), ["feedback/", "meetings/", "themes/"])
        XCTAssertEqual(names(overlay.list("content/meetings")), ["b.md", "é.md"])
        XCTAssertEqual(names(overlay.list("content/themes")), ["wonen.md"])
        XCTAssertEqual(overlay.read("content/meetings/b.md", limit: 10), .bytes(Array("B2".utf8)))
        XCTAssertEqual(overlay.read("content/meetings/é.md", limit: 10), .bytes(Array("E".utf8)))
        XCTAssertEqual(overlay.read("content/meetings/Z.md", limit: 10), .missing)
        XCTAssertEqual(overlay.kind(of: "content/advice/x/index.md"), .missing, "inside a deleted folder")
        XCTAssertEqual(overlay.list("content/advice"), .unreadable(Message.missingCause))
        XCTAssertEqual(overlay.kind(of: "content/themes"), .directory)
        XCTAssertEqual(overlay.resolved("content/themes/wonen.md"), "/content/themes/wonen.md")
        XCTAssertEqual(overlay.resolved("content/meetings/b.md"), "/content/meetings/b.md")
    }

    /// An edit wins over a deletion at or above it, and deleting a folder drops the edits in it.
    func testAnEditWinsOverAnEarlierDeletionAndALaterDeletionDropsIt() {
        var overlay = OverlaySourceTree(over: tree)
        overlay.delete("content/advice")
        overlay.edit("content/advice/y.md", text: "Y")
        XCTAssertEqual(names(overlay.list("content/advice")), ["y.md"])
        overlay.delete("content/advice/y.md")
        XCTAssertEqual(names(overlay.list("content")), ["feedback/", "meetings/"])
        XCTAssertEqual(overlay.edits, [:])
    }
}
