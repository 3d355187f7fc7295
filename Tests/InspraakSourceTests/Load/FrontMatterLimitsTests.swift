import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// Hostile front matter gives one located error, never a crash: deep nesting, control
/// characters, an unclosed quote.
final class FrontMatterLimitsTests: XCTestCase {
    /// The eight-bytes-at-a-time scan for control characters says what a byte-by-byte scan
    /// says, for every position of a suspect byte, at every length, beside harmless bytes
    /// that are close to the suspect ones (space, `~`, 0x80, 0xC3, line feed).
    func testControlCharacterScanAgreesWithTheByteRule() {
        func byByte(_ bytes: [UInt8]) -> Bool { bytes.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 } }
        let harmless: [UInt8] = [0x20, 0x41, 0x7E, 0x80, 0xC3, 0x0A, 0xFF, 0x21, 0x1F + 1]
        let suspect: [UInt8] = [0x00, 0x01, 0x09, 0x0D, 0x1F, 0x7F, 0xC2]
        var random = SeededRandom(seed: 32)
        for length in 0..<40 {
            for _ in 0..<40 {
                var bytes = (0..<length).map { _ in harmless[Int(random.next() % UInt64(harmless.count))] }
                if length > 0, random.next() % 2 == 0 {
                    bytes[Int(random.next() % UInt64(length))] = suspect[Int(random.next() % UInt64(suspect.count))]
                }
                let found = bytes.withUnsafeBufferPointer { ControlCharacters.mayHold($0) }
                XCTAssertEqual(found, byByte(bytes), "\(bytes)")
            }
        }
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { ControlCharacters.mayHold($0) }, byByte(bytes), "\(bytes)")
        }
        XCTAssertTrue(ControlCharacters.mayHold("titel: a\u{1}b"))
        XCTAssertFalse(ControlCharacters.mayHold("titel: één\nregel"))
        XCTAssertTrue(ControlCharacters.mayHold("\u{85}"))
    }

    func failure(_ text: String) -> Diagnostic? {
        guard let split = try? FrontMatter.split(text, path: "x.md").get() else { return nil }
        guard case .failure(let diagnostic) = split.fields(path: "x.md") else { return nil }
        return diagnostic
    }

    let tooDeep = LoadMessage.tooDeep(limit: 64)

    func testDeepYAMLIsRefusedAtItsLine() {
        for depth in [6_000, 100_000] {
            let forms = [
                "extra: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
                "extra: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth),
                "extra:\n" + String(repeating: "- ", count: depth) + "x",
            ]
            for form in forms {
                let diagnostic = failure("---\ntitle: x\n" + form + "\n---\n")
                XCTAssertEqual(diagnostic?.message, tooDeep, "\(depth): \(form.prefix(12))")
                XCTAssertTrue([3, 4].contains(diagnostic?.location.line ?? 0), "\(depth): \(diagnostic?.description ?? "none")")
            }
        }
        // Indented mappings, one space a level (kept to 1,500 levels: 6,000 is 18 MB of spaces).
        let mappings = (0..<1_500).map { String(repeating: " ", count: $0) + "a:\n" }.joined() + String(repeating: " ", count: 1_500) + "b: 1\n"
        XCTAssertEqual(failure("---\n" + mappings + "---\n")?.message, tooDeep)
    }

    func testNestingUpToTheLimitIsRead() throws {
        let list = String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 63)
        let fields = try FrontMatter.split("---\nextra: \(list)\n---\n", path: "x").get().fields(path: "x").get()
        XCTAssertNotNil(fields["extra"])
        let deeper = String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)
        XCTAssertEqual(failure("---\nextra: \(deeper)\n---\n")?.location.description, "x.md:2:71")
        // Brackets in text and comments do not count.
        let text = "---\ntitle: \"" + String(repeating: "[", count: 100) + "\"\n# " + String(repeating: "{", count: 100) + "\n---\n"
        XCTAssertNoThrow(try FrontMatter.split(text, path: "x").get().fields(path: "x").get())
    }

    func testDeepTOMLIsRefusedAtItsLine() {
        for depth in [6_000, 100_000] {
            let forms = [
                "extra = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
                "extra = " + String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth),
                Array(repeating: "a", count: depth).joined(separator: ".") + " = 1",
                "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]\nb = 1",
            ]
            for form in forms {
                let diagnostic = failure("+++\ntitle = \"x\"\n" + form + "\n+++\n")
                XCTAssertEqual(diagnostic?.message, tooDeep, "\(depth): \(form.prefix(12))")
                XCTAssertEqual(diagnostic?.location.line, 3, "\(depth): \(form.prefix(12))")
            }
        }
    }

    func testControlCharactersAreErrorsAtTheirLine() {
        let cases: [(String, String, String)] = [
            ("---\ntitle: x\nlocation: \"Dorps\u{01}huis\"\n---\n", "x.md:3:17", "U+0001"),   // written in YAML
            ("---\ntitle: x\nlocation: \"Dorps\\u0007huis\"\n---\n", "x.md:3:11", "U+0007"), // escaped in YAML
            ("---\ntitle: x\nlocation: Dorps\u{85}huis\n---\n", "x.md:3:16", "U+0085"),       // NEL, which YAML reads as a line break
            ("---\ntitle: x\n\"a\\x1Bb\": 1\n---\n", "x.md:3:1", "U+001B"),                  // in a key
            ("---\ntitle: x\n# a\u{7F}\n---\n", "x.md:3:4", "U+007F"),                      // in a comment
            ("+++\ntitle = \"x\"\nnote = \"a\\u0001b\"\n+++\n", "x.md:3:1", "U+0001"),        // escaped in TOML
            ("+++\ntitle = \"x\"\nnote = \"a\u{9B}b\"\n+++\n", "x.md:3:10", "U+009B"),        // C1, which TOML allows
            ("+++\ntitle = \"x\"\nlist = [\n  \"a\",\n  \"b\u{0B}\",\n]\n+++\n", "x.md:5:5", "U+000B"),
        ]
        for (text, location, code) in cases {
            let diagnostic = failure(text)
            XCTAssertEqual(diagnostic?.location.description, location, text)
            XCTAssertEqual(diagnostic?.message, LoadMessage.controlCharacter(code), text)
        }
        // Tabs and line breaks are text.
        XCTAssertNoThrow(try FrontMatter.split("---\ntitle: \"a\\tb\"\nsummary: |\n  een\n  twee\t3\n---\n", path: "x").get().fields(path: "x").get())
        XCTAssertNoThrow(try FrontMatter.split("+++\ntitle = \"a\\tb\\nc\"\n+++\n", path: "x").get().fields(path: "x").get())
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() {
        let meeting = "---\ntitle: Stamtafel\nlocation: %@Dorpshuis\nthemes: [wonen]\ninput:\n  - id: i1\n    text: \"Bouw meer woningen.\"\n---\n"
        for quote in ["\"", "'"] {
            let diagnostic = failure(meeting.replacingOccurrences(of: "%@", with: quote))
            XCTAssertEqual(diagnostic?.location.description, "x.md:3:11", quote)
            XCTAssertEqual(diagnostic?.message, LoadMessage.unclosedQuote(quote))
        }
        let flow = failure("---\ntitle: x\nthemes: [wonen, \"zorg]\nsummary: \"Kort\"\n---\n")
        XCTAssertEqual(flow?.location.description, "x.md:3:17")
        // Quoted text may run over lines when it is closed.
        XCTAssertNoThrow(try FrontMatter.split("---\ntitle: \"een\n  twee\"\ndate: 2024-01-01\n---\n", path: "x").get().fields(path: "x").get())
    }

    func testTOMLArrayEntriesCarryTheirOwnLines() throws {
        let text = """
        +++
        title = "Reactie"
        responds_to = [
          { ref = "a#r1", outcome = "adopted" },
          { ref = "a#r2", outcome = "noted" },
        ]
        based_on = [
          "m1",
          "m2",
        ]
        +++

        """
        let fields = try FrontMatter.split(text, path: "x").get().fields(path: "x").get()
        guard case .list(let entries) = fields["responds_to"]?.value, case .table(let second) = entries[1].value,
              case .list(let basedOn) = fields["based_on"]?.value else {
            return XCTFail("responds_to should be a list of tables")
        }
        XCTAssertEqual(entries[1].location.line, 5)
        XCTAssertEqual(second.entry("outcome")?.keyLocation.description, "x:5:19")
        XCTAssertEqual(second["outcome"]?.location.line, 5)
        XCTAssertEqual(basedOn.map(\.location.line), [8, 9])
    }
}
