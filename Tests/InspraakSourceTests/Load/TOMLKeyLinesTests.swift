import XCTest
@testable import InspraakSource

/// Every key and every array entry of TOML front matter has its own line, as in YAML.
final class TOMLKeyLinesTests: XCTestCase {
    func position(_ lines: TOMLKeyLines, _ path: String) -> String? {
        let parts = path.split(separator: ".").map(String.init)
        let found = lines.location(of: parts, in: "x", fallback: 0)
        return "\(found.line):\(found.column)"
    }

    func testArrayEntriesAndInlineTablesHaveTheirOwnLines() {
        let text = """
        title = "Reactie"
        responds_to = [
          { ref = "a#r1", outcome = "adopted" },

          # a comment with a [ and a {
          { ref = "a#r2", outcome = "adoptd", note = "x, ] }" },
        ]
        based_on = ["m1",
                    "m2"]
        decision = { title = "Besluit", url = "https://x.nl/" }
        """
        let lines = TOMLKeyLines(text, firstLine: 2)
        XCTAssertNil(lines.tooDeep)
        XCTAssertEqual(position(lines, "title"), "2:1")
        XCTAssertEqual(position(lines, "responds_to"), "3:1")
        XCTAssertEqual(position(lines, "responds_to.0"), "4:3")
        XCTAssertEqual(position(lines, "responds_to.0.outcome"), "4:19")
        XCTAssertEqual(position(lines, "responds_to.1"), "7:3")
        XCTAssertEqual(position(lines, "responds_to.1.outcome"), "7:19")
        XCTAssertEqual(position(lines, "responds_to.1.note"), "7:39")
        XCTAssertEqual(position(lines, "based_on.1"), "10:13")
        XCTAssertEqual(position(lines, "decision.url"), "11:33")
    }

    func testTablesArraysOfTablesAndDottedKeys() {
        let text = """
        advice.response_days = 42
        [[responds_to]]
        ref = "a#r1"
        [[responds_to]]
        ref = "a#r2"
        outcome = "noted"
        [responds_to.decision]
        title = "B"
        ["quoted key"]
        'x.y' = 1
        """
        let lines = TOMLKeyLines(text, firstLine: 1)
        XCTAssertEqual(position(lines, "advice"), "1:1")
        XCTAssertEqual(position(lines, "advice.response_days"), "1:1")
        XCTAssertEqual(position(lines, "responds_to.0"), "2:1")
        XCTAssertEqual(position(lines, "responds_to.0.ref"), "3:1")
        XCTAssertEqual(position(lines, "responds_to.1"), "4:1")
        XCTAssertEqual(position(lines, "responds_to.1.outcome"), "6:1")
        XCTAssertEqual(position(lines, "responds_to.1.decision.title"), "8:1")
        XCTAssertEqual(lines.location(of: ["quoted key", "x.y"], in: "x", fallback: 0).line, 10)
    }

    func testMultiLineStringsKeepTheCount() {
        let text = "a = \"\"\"\none\n[not a table]\n\"\"\"\nb = '''\ntwo'''\nc = [ 'x', \"y\\\"]\" ]\nd = 1\n"
        let lines = TOMLKeyLines(text, firstLine: 1)
        XCTAssertEqual(position(lines, "b"), "5:1")
        XCTAssertEqual(position(lines, "c.1"), "7:12")
        XCTAssertEqual(position(lines, "d"), "8:1")
        XCTAssertEqual(lines.location(of: ["not a table"], in: "x", fallback: 0).line, 0, "a table header inside text")
    }

    func testDeepNestingIsMeasuredWithoutRecursion() {
        for depth in [6_000, 100_000] {
            let arrays = "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let tables = "x = " + String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth)
            let dotted = Array(repeating: "a", count: depth).joined(separator: ".") + " = 1"
            let header = "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]\nb = 1"
            for text in [arrays, tables, dotted, header] {
                let lines = TOMLKeyLines("title = \"x\"\n" + text, firstLine: 2)
                XCTAssertEqual(lines.tooDeep?.line, 3, String(text.prefix(20)))
            }
        }
        let shallow = TOMLKeyLines("x = " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10), firstLine: 1)
        XCTAssertNil(shallow.tooDeep)
    }

    func testInvalidTextEndsTheScan() {
        for text in ["[", "[[", "a = [", "a = {", "a = { b", "= 1", "a = \"", "a = '''", "a.b. = 1", "{ = ]", "a = [,,}]", "a = { b = 1, }"] {
            _ = TOMLKeyLines(text, firstLine: 1)
        }
    }
}
