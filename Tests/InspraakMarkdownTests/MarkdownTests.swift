import InspraakMarkdown
import XCTest

final class MarkdownTests: XCTestCase {
    /// Without its first paragraph (a record with a written summary) a body renders to the same
    /// HTML and leaves the paragraph out; with it, the paragraph as inline HTML and plain text.
    func testFirstParagraphOnlyWhenAsked() {
        let text = "# Kop\n\nEerste *alinea* met [een link](https://example.org).\n\nTweede alinea.\n"
        let whole = Markdown.render(text)
        let without = Markdown.render(text, firstParagraph: false)
        XCTAssertEqual(without.html, whole.html)
        XCTAssertNil(without.firstParagraphHTML)
        XCTAssertNil(without.firstParagraphText)
        XCTAssertEqual(whole.firstParagraphHTML, "Eerste <em>alinea</em> met <a href=\"https://example.org\">een link</a>.")
        XCTAssertEqual(whole.firstParagraphText, "Eerste alinea met een link.")
    }

    func testRawHTMLIsOmittedByDefault() {
        let rendered = Markdown.render("Hallo <span onclick=\"x()\">daar</span>\n\n<script>alert(1)</script>\n")
        XCTAssertFalse(rendered.html.contains("<script"))
        XCTAssertFalse(rendered.html.contains("onclick"))
        XCTAssertTrue(rendered.html.contains("raw HTML omitted"))
    }

    func testUnsafeHTMLKeepsMarkupButTagfilterDisarmsScripts() {
        let rendered = Markdown.render("<b>vet</b>\n\n<script>alert(1)</script>\n", unsafeHTML: true)
        XCTAssertTrue(rendered.html.contains("<b>vet</b>"))
        XCTAssertTrue(rendered.html.contains("&lt;script>"))
    }

    func testGFMExtensions() {
        let text = """
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~weg~~ en https://www.example.nl

        - [x] klaar
        - [ ] nog niet
        """
        let html = Markdown.render(text).html
        XCTAssertTrue(html.contains("<table>"))
        XCTAssertTrue(html.contains("<th>a</th>"))
        XCTAssertTrue(html.contains("<del>weg</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://www.example.nl\">https://www.example.nl</a>"))
        XCTAssertTrue(html.contains("type=\"checkbox\""))
    }

    func testFirstParagraphSkipsHeadings() {
        let rendered = Markdown.render("## Verslag\n\nEerste *alinea* hier.\n\nTweede.\n")
        XCTAssertEqual(rendered.firstParagraphHTML, "Eerste <em>alinea</em> hier.")
        XCTAssertEqual(rendered.firstParagraphText, "Eerste alinea hier.")
    }

    func testInlineRendering() {
        XCTAssertEqual(Markdown.renderInline("Een *klein* [punt](https://x.nl)"),
                       "Een <em>klein</em> <a href=\"https://x.nl\">punt</a>")
        XCTAssertEqual(Markdown.renderInline("a & <b>"), "a &amp; <!-- raw HTML omitted -->")
        XCTAssertEqual(Markdown.plainText("Een **vet** woord"), "Een vet woord")
    }
}

final class MarkdownTableTests: XCTestCase {
    func testAlignedColumnsUseStyleNotTheObsoleteAlignAttribute() {
        let html = Markdown.render("| a | b |\n|---|--:|\n| 1 | 2 |\n").html
        XCTAssertFalse(html.contains("align=\""), html)
        XCTAssertTrue(html.contains("style=\"text-align: right\""), html)
    }
}
