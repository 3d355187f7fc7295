import Foundation
import InspraakSite
import XCTest

/// What residents read: no raw item ids ("i1", "r3") as text on any page of the example site,
/// in Dutch and in English; items by their place ("punt 2", "aanbeveling 3"), the id kept as
/// the anchor; durations in words a resident uses.
final class PlainLanguageTests: XCTestCase {
    /// The example site's pages, built in `language`.
    func pages(_ language: String) throws -> [(String, String)] {
        let folder = try temporaryFolder("plain-\(language)")
        var options = exampleOptions(output: folder.appendingPathComponent("public"))
        if language != "nl" {
            let source = folder.appendingPathComponent("site")
            try copyExampleSite(to: source)
            let config = source.appendingPathComponent("site.toml")
            let text = try String(contentsOf: config, encoding: .utf8)
            XCTAssertTrue(text.contains("language = \"nl\"\n"))
            try text.replacingOccurrences(of: "language = \"nl\"\n", with: "language = \"\(language)\"\n").write(to: config, atomically: true, encoding: .utf8)
            options.source = source
        }
        let report = SiteBuild.build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        return try snapshot(folder.appendingPathComponent("public"))
            .filter { $0.0.hasSuffix(".html") }
            .map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    }

    func testNoPageShowsARawItemIDAsText() throws {
        for language in ["nl", "en"] {
            let pages = try pages(language)
            // Every item's id, from the anchors of the record pages.
            let ids = Set(pages.flatMap { matches(#"<li id="([^"]+)" class="item">"#, in: $0.1) })
            XCTAssertTrue(ids.isSuperset(of: ["i1", "i2", "r1", "r3"]), "\(language): items found: \(ids.sorted())")
            var shown: [String] = []
            for (path, html) in pages {
                let words = Set(matches(#"([\p{L}\p{N}]+)"#, in: visibleText(html)))
                for id in ids.intersection(words).sorted() { shown.append("\(path): \(id)") }
            }
            XCTAssertEqual(shown, [], "\(language): raw item ids in a page's visible text")
        }
    }

    func testItemsAreNamedByTheirPlaceAndKeepTheirAnchor() throws {
        for (language, point, recommendation, open) in [("nl", "punt", "aanbeveling", #"al \d+ dagen open"#), ("en", "point", "recommendation", #"open for \d+ days"#)] {
            let pages = Dictionary(uniqueKeysWithValues: try pages(language))
            let meeting = try XCTUnwrap(pages.first { $0.key.hasPrefix("meetings/2") && $0.value.contains("<li id=\"i2\" class=\"item\">") }, language)
            XCTAssertTrue(meeting.value.contains("<li id=\"i2\" class=\"item\">\n<p class=\"item-text\"><span class=\"item-id\">\(point) 2</span>"), "\(language): \(meeting.key)")
            let advice = try XCTUnwrap(pages.first { $0.key.hasPrefix("advice/2") && $0.value.contains("<li id=\"r3\" class=\"item\">") }, language)
            XCTAssertTrue(advice.value.contains("<li id=\"r3\" class=\"item\">\n<p class=\"item-text\"><span class=\"item-id\">\(recommendation) 3</span>"), "\(language): \(advice.key)")
            // A feedback's answer names the item it answers the same way, and links to its anchor.
            let answers = pages.filter { $0.key.hasPrefix("feedback/2") }.flatMap { matches(##"<p class="response-target"><a href="[^"#]*#(r\d+|i\d+)">[^<]*\(([^)<]*)\)</a>"##, in: $0.value, groups: 2) }
            XCTAssertFalse(answers.isEmpty, language)
            for answer in answers {
                let number = answer[0].dropFirst()
                XCTAssertEqual(answer[1], "\(answer[0].hasPrefix("r") ? recommendation : point) \(number)", "\(language): the answer to \(answer[0]) reads \(answer[1])")
            }
            let openPage = try XCTUnwrap(pages["open/index.html"])
            XCTAssertFalse(matches("(\(open))", in: openPage).isEmpty, "\(language): the open items say how long with \(open)")
        }
    }

    // MARK: - Helpers

    /// The text a reader sees: no scripts, styles, comments, tags or attribute values; a few
    /// entities decoded.
    func visibleText(_ html: String) -> String {
        var text = html
        for pattern in [#"<script\b[\s\S]*?</script>"#, #"<style\b[\s\S]*?</style>"#, #"<!--[\s\S]*?-->"#, #"<[^>]*>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        matches(pattern, in: text, groups: 1).map { $0[0] }
    }

    func matches(_ pattern: String, in text: String, groups: Int) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1...groups).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }
}
