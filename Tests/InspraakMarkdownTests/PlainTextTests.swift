@testable import InspraakMarkdown
import XCTest

/// The parser-free paths for plain one-line texts (inline HTML and plain text) must give exactly
/// what cmark gives.
final class PlainTextTests: XCTestCase {
    static let samples = [
        "Verhoog de mantelzorgwaardering en maak de aanvraag eenvoudiger.",
        "Houd het jongerencentrum ook op vrijdagavond open.", "it's 50% (ongeveer) € 5,- per jaar", "a/b en c:d",
        "Let op: dit", "Zeg \"ja\" tegen de buurt", "ümlaut en ĳs", "2024 was een goed jaar", "1. eerste", "12) twaalf",
        "1.5 miljoen", "- item", "+1 voor dit", "= gelijk", "#hashtag", "> quote", "zie www.lindeveen.nl voor meer",
        "WWW.LINDEVEEN.NL", "a.www.b", "http://example.nl", "https://x.nl/a", "ftp://x", "x: //y", "mailto:a@b.nl",
        "mail a@b.nl", ":)", "a|b", "~x~", "ab_cd", "[x]", "![x](y)", "a *b*", "<b>", "&amp;", "a  b", " leading",
        "trailing ", "tab\there", "a\nb", "a\r\nb", "x\u{7F}y", "ends with backslash\\", "`code`", "a -- b", "—",
        "Wachtlijst < 3 maanden", "100 m2.", "a\u{00A0}b", "\u{00A0}lead", "Q&A", "www.", "awww.nl", "www",
    ]

    func testPlainTextRendersAsCmarkDoes() {
        var fast = 0
        for sample in Self.samples {
            XCTAssertEqual(PlainText.plain(sample) != nil, PlainText.inlineHTML(sample) != nil, "for \(sample.debugDescription)")
            if let plain = PlainText.plain(sample) { XCTAssertEqual(plain, Markdown.parsedPlainText(sample), "for \(sample.debugDescription)") }
            guard let html = PlainText.inlineHTML(sample) else { continue }
            fast += 1
            XCTAssertEqual(html, Markdown.parsedInline(sample), "for \(sample.debugDescription)")
        }
        XCTAssertGreaterThan(fast, 10, "the plain path should apply to plain sentences")
    }

    func testRandomTextsRenderAsCmarkDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab  .,:;/()'\"%€é1290-+#=wW\\*_[]<>!&~|@\t\n")
        var fast = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let plain = PlainText.plain(text) { XCTAssertEqual(plain, Markdown.parsedPlainText(text), "for \(text.debugDescription)") }
            guard let html = PlainText.inlineHTML(text) else { continue }
            fast += 1
            XCTAssertEqual(html, Markdown.parsedInline(text), "for \(text.debugDescription)")
        }
        XCTAssertGreaterThan(fast, 100)
    }
}
