import XCTest
@testable import InspraakSource

final class FrontMatterTests: XCTestCase {
    func testYAMLFieldsCarryFileLines() throws {
        let text = "---\ntitle: Stamtafel\ndate: 2019-05-14\ninput:\n  - id: i1\n    text: Kledingbank\n---\nTekst\n"
        let frontMatter = try FrontMatter.split(text, path: "content/meetings/x.md").get()
        XCTAssertEqual(frontMatter.format, .yaml)
        XCTAssertEqual(frontMatter.bodyFirstLine, 8)
        XCTAssertEqual(frontMatter.body, "Tekst\n")
        let fields = try frontMatter.fields(path: "content/meetings/x.md").get()
        XCTAssertEqual(fields.keys, ["title", "date", "input"])
        XCTAssertEqual(fields.entry("date")?.keyLocation.line, 3)
        guard case .list(let items) = fields["input"]?.value, case .table(let first) = items[0].value else {
            return XCTFail("input should be a list of tables")
        }
        XCTAssertEqual(first.entry("text")?.keyLocation.line, 6)
        XCTAssertEqual(first.entry("text")?.keyLocation.column, 5)
    }

    /// A key given twice is found wherever it is in a mapping, short or long (a long one is
    /// looked through by table, a short one key by key), and named with its first line.
    func testAKeyGivenTwiceIsFoundInShortAndLongMappings() throws {
        for count in [1, 2, 15, 16, 17, 40] {
            let keys = (1...count).map { "veld\($0)" }
            for (repeated, position) in [(0, count), (count - 1, count), (count / 2, max(0, count - 3))] {
                var lines = keys.map { "\($0): waarde" }
                lines.insert("\(keys[repeated]): nog eens", at: position)
                let text = "---\n" + lines.joined(separator: "\n") + "\n---\n"
                let result = try FrontMatter.split(text, path: "x.md").get().fields(path: "x.md")
                guard case .failure(let diagnostic) = result else {
                    XCTFail("\(count) keys, \(keys[repeated]) twice: not found")
                    continue
                }
                // Line 1 is `---`; the inserted line comes first when it is not after the original.
                let (first, second) = position <= repeated ? (position, repeated + 1) : (repeated, position)
                XCTAssertEqual(diagnostic.message, "the field `\(keys[repeated])` is given twice (first on line \(first + 2)); keep only one", "\(count) keys")
                XCTAssertEqual(diagnostic.location.line, second + 2, "\(count) keys")
            }
            // No key twice: no problem, every key kept in order.
            let text = "---\n" + keys.map { "\($0): waarde" }.joined(separator: "\n") + "\n---\n"
            XCTAssertEqual(try FrontMatter.split(text, path: "x.md").get().fields(path: "x.md").get().keys, keys)
        }
    }

    func testTOMLFieldsCarryFileLinesAndDates() throws {
        let text = "+++\ntitle = \"Thematafel\"\ndate = 2019-10-08T14:00:00\nthemes = [\"armoede\"]\n+++\n"
        let frontMatter = try FrontMatter.split(text, path: "x.md").get()
        XCTAssertEqual(frontMatter.format, .toml)
        let fields = try frontMatter.fields(path: "x.md").get()
        XCTAssertEqual(fields.keys, ["title", "date", "themes"])
        XCTAssertEqual(fields.entry("themes")?.keyLocation.line, 4)
        guard case .string(let date) = fields["date"]?.value else { return XCTFail("date should be text") }
        XCTAssertEqual(date, "2019-10-08T14:00:00")
    }

    func testQuotedYAMLStaysText() throws {
        let fields = try FrontMatter.split("---\nattendees: \"40\"\nplain: 40\n---\n", path: "x").get().fields(path: "x").get()
        guard case .string = fields["attendees"]?.value else { return XCTFail("quoted 40 is text") }
        guard case .integer(40) = fields["plain"]?.value else { return XCTFail("plain 40 is a number") }
    }

    func testUnterminatedFrontMatterPointsAtTheOpeningLine() {
        let result = FrontMatter.split("---\ntitle: x\n\nTekst zonder einde\n", path: "content/advice/a.md")
        guard case .failure(let diagnostic) = result else { return XCTFail("should fail") }
        XCTAssertEqual(diagnostic.location.line, 1)
        XCTAssertTrue(diagnostic.message.contains("never closed"), diagnostic.message)
    }

    func testInvalidYAMLIsLocatedInTheFile() {
        let result = FrontMatter.split("---\ntitle: x\ndate: [2019\n---\n", path: "a.md").flatMap { $0.fields(path: "a.md") }
        guard case .failure(let diagnostic) = result else { return XCTFail("should fail") }
        XCTAssertGreaterThanOrEqual(diagnostic.location.line, 3)
        XCTAssertTrue(diagnostic.message.contains("not valid YAML"), diagnostic.message)
    }

    func testMissingFrontMatterAndEmptyFile() {
        guard case .failure(let none) = FrontMatter.split("# Titel\n", path: "a.md") else { return XCTFail() }
        XCTAssertEqual(none.hint, "did you forget to add `---` on the first line?")
        guard case .failure(let empty) = FrontMatter.split("\n\n", path: "a.md") else { return XCTFail() }
        XCTAssertTrue(empty.message.contains("empty"))
    }

    func testBOMAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\ndate: 2020-01-01\r\n---\r\nTekst\r\n".utf8)
        let text = try SourceText.decode(bytes).get()
        XCTAssertFalse(text.contains("\r"))
        let fields = try FrontMatter.split(text, path: "a.md").get().fields(path: "a.md").get()
        XCTAssertEqual(fields.entry("date")?.keyLocation.line, 3)
    }

    func testInvalidUTF8IsReportedWithItsLine() {
        let bytes = Array("---\ntitle: x\n".utf8) + [0x66, 0xC3, 0x28] + Array("\n---\n".utf8)
        guard case .failure(.invalidUTF8(let line, let column)) = SourceText.decode(bytes) else { return XCTFail("should fail") }
        XCTAssertEqual(line, 3)
        XCTAssertEqual(column, 2)
    }

    func testDuplicateYAMLKey() {
        let result = FrontMatter.split("---\ntitle: a\ntitle: b\n---\n", path: "a.md").flatMap { $0.fields(path: "a.md") }
        guard case .failure(let diagnostic) = result else { return XCTFail("should fail") }
        XCTAssertTrue((2...3).contains(diagnostic.location.line), diagnostic.description)
        XCTAssertTrue(diagnostic.message.contains("twice") || diagnostic.message.contains("duplicate"), diagnostic.message)
    }
}
