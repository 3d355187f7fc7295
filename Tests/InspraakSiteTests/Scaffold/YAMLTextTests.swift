import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// What `inspraak new` writes into YAML reads back, through inspraak's own reader, as the text it was.
final class YAMLTextTests: XCTestCase {
    func read(_ value: String) -> Field.Value? {
        let text = "---\nvalue: \(value)\n---\n"
        guard case .success(let frontMatter) = FrontMatter.split(text, path: "x.md"),
              case .success(let fields) = frontMatter.fields(path: "x.md") else { return nil }
        return fields["value"]?.value
    }

    func testDoubleQuotedTextReadsBackTheSame() {
        let texts = [
            "", "~", "null", "yes", "no", "true", "2024", "-1", "1e5", ".5", "---", "...", "- a", "[a, b]", "{a: b}", "a: b", "a #b",
            "#", "*x", "&x", "!x", "%x", "@x", "`x`", "'", "\"", "\\", "\\n", "a\nb", "a\r\nb", "\t", "\u{0}", "\u{7}\u{8}\u{B}\u{C}\u{1B}",
            "\u{1F}", "\u{7F}", "\u{80}\u{85}\u{9F}", "\u{A0}", "a\u{2028}b\u{2029}c", "\u{FEFF}", "\u{FFFE}\u{FFFF}", "😀", " lead", "trail ",
            "  ", "ë", "\u{200B}",
        ]
        for text in texts {
            let written = YAMLText.doubleQuoted(text)
            XCTAssertFalse(written.contains("\n") || written.contains("\r"), written)
            // Control characters other than tab and line breaks are written as escapes, and the
            // reader then refuses them on purpose (they never reach a page; `new` refuses them first).
            let control = text.unicodeScalars.contains { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || (0x7F...0x9F).contains($0.value) }
            if control {
                XCTAssertNil(read(written), "\(written) holds a control character and must be refused")
                continue
            }
            guard case .string(let read)? = read(written) else { XCTFail("\(written) reads as \(String(describing: read(written)))"); continue }
            XCTAssertEqual(Array(read.unicodeScalars), Array(text.unicodeScalars), written)
        }
    }

    func testIdsAndSlugsStayPlainOnlyWhenThatReadsBackTheSame() {
        XCTAssertEqual(YAMLText.scalar("wonen"), "wonen")
        XCTAssertEqual(YAMLText.scalar("2025-09-09-advies-armoede#r1"), "2025-09-09-advies-armoede#r1")
        for text in ["null", "true", "no", "2024", "1e5", "0x1F", "-x", "#x", "a b", "Wonen", "", "a:b"] {
            XCTAssertEqual(YAMLText.scalar(text), YAMLText.doubleQuoted(text), text)
        }
        for text in ["wonen", "2025-09-09-advies-armoede#r1", "null", "no", "2024", "1e5", "a b", "Wonen", "~"] {
            guard case .string(let read)? = read(YAMLText.scalar(text)) else { XCTFail(text); continue }
            XCTAssertEqual(read, text)
        }
    }
}
