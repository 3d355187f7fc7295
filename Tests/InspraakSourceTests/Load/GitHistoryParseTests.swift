import XCTest
@testable import InspraakSource

/// Reading `git log --name-status -M` (newest first): renames followed back, a pure rename is no
/// change, the commit that added a file is never its `updated`, an older file of the same name
/// is not mixed in.
final class GitHistoryParseTests: XCTestCase {
    func commit(_ day: String, _ subject: String) -> String {
        let seconds = Day(iso: day)!.number * 86400 + 12 * 3600
        return "\u{01}\(seconds)\u{02}\(subject)"
    }

    func testRenamesEditsAndReAddedFiles() throws {
        let log = [
            commit("2024-06-01", "Hernoemd en aangevuld"),
            "R087\tsite/content/meetings/oud.md\tsite/content/meetings/nieuw.md",
            "",
            commit("2024-05-01", "Alleen hernoemd"),
            "R100\tsite/content/advice/a.md\tsite/content/advice/b.md",
            "",
            commit("2024-04-01", "Opnieuw toegevoegd"),
            "A\tsite/content/feedback/f.md",
            "",
            commit("2024-03-01", "Weggehaald"),
            "D\tsite/content/feedback/f.md",
            "",
            commit("2024-02-01", "Verslag verbeterd"),
            "M\tsite/content/meetings/oud.md",
            "M\tsite/content/feedback/f.md",
            "",
            commit("2024-01-01", "Archief"),
            "A\tsite/content/meetings/oud.md",
            "A\tsite/content/advice/a.md",
            "A\tsite/content/feedback/f.md",
            "A\telsewhere/content/x.md",
        ].joined(separator: "\n")
        let files = GitHistory.parse(log, prefix: "site/", zone: TimeZone(identifier: "Europe/Amsterdam")!)
        XCTAssertEqual(files.keys.sorted(), ["content/advice/b.md", "content/feedback/f.md", "content/meetings/nieuw.md"])
        let meeting = try XCTUnwrap(files["content/meetings/nieuw.md"])
        XCTAssertEqual(meeting.updated, Day(iso: "2024-06-01"))
        XCTAssertEqual(meeting.changes.map(\.subject), ["Hernoemd en aangevuld", "Verslag verbeterd", "Archief"])
        // Imported, then only renamed: no updated date, but the rename is in its change log.
        let advice = try XCTUnwrap(files["content/advice/b.md"])
        XCTAssertNil(advice.updated)
        XCTAssertEqual(advice.changes.map(\.day), [Day(iso: "2024-05-01")!, Day(iso: "2024-01-01")!])
        // Re-added after a delete: the older file's commits are not its history.
        let feedback = try XCTUnwrap(files["content/feedback/f.md"])
        XCTAssertNil(feedback.updated)
        XCTAssertEqual(feedback.changes.map(\.subject), ["Opnieuw toegevoegd"])
    }
}
