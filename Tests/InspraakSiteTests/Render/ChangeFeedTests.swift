import Foundation
import InspraakTestSupport
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// Status-change feeds: one item per outcome or implementation step, worded, dated and ordered.
final class ChangeFeedTests: XCTestCase {
    static let files = [
        "content/themes/wonen.md": "---\ntitle: Wonen\n---\n",
        "content/themes/zorg.md": "---\ntitle: Zorg\n---\n",
        "content/meetings/2024-01-10-stamtafel.md": """
        ---
        title: Stamtafel wonen
        date: 2024-01-10T19:30
        format: stamtafel
        themes: [wonen]
        input:
          - id: i1
            text: "Bouw *meer* kleine woningen voor jongeren die in het dorp willen blijven wonen en nu nergens terecht kunnen."
          - id: i2
            text: "Kledingbank. Met vrijwilligers."
        ---
        Verslag.
        """,
        "content/meetings/2024-01-20-overleg.md": "---\ntitle: Overleg zorg\ndate: 2024-01-20\nthemes: [zorg]\n---\nVerslag.\n",
        "content/meetings/2024-05-01-later.md": "---\ntitle: Later overleg\ndate: 2024-05-01\nthemes: [zorg]\ninput:\n  - id: i1\n    text: Nog niets.\n---\nVerslag.\n",
        "content/feedback/2024-02-01-eerste.md": """
        ---
        title: Eerste reactie
        date: 2024-02-01
        responds_to:
          - ref: "2024-01-10-stamtafel#i1"
            outcome: adopted
            note: "Een *goed* idee"
          - ref: "2024-01-10-stamtafel#i2"
            outcome: referred
        ---
        Tekst.
        """,
        "content/feedback/2024-03-01-b-voortgang.md": """
        ---
        title: Voortgang
        date: 2024-03-01
        responds_to:
          - ref: "2024-01-10-stamtafel#i1"
            implementation: underway
            expected: 2024-09-01
        ---
        Tekst.
        """,
        "content/feedback/2024-03-01-a-zorg.md": """
        ---
        title: Reactie zorg
        date: 2024-03-01
        responds_to:
          - ref: "2024-01-20-overleg"
            outcome: noted
        ---
        Tekst.
        """,
    ]

    func plan(limit: Int = 10) throws -> OutputPlan {
        var site = InMemorySite(Self.files)
        site.config += "\n[feeds]\nlimit = \(limit)\n"
        let (graph, problems) = site.graph(today: "2024-06-01")
        XCTAssertEqual(lines(problems.filter { $0.severity == .error }), [])
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let (plan, renderProblems) = SiteRenderer.render(try XCTUnwrap(graph), settings: RenderSettings(try XCTUnwrap(site.siteConfig)), theme: try XCTUnwrap(theme))
        XCTAssertEqual(renderProblems, [])
        return try XCTUnwrap(plan)
    }

    func text(_ plan: OutputPlan, _ path: String) throws -> String {
        let file = try XCTUnwrap(plan.files.first { $0.path == path }, "no \(path)")
        return String(decoding: try XCTUnwrap(file.bytes()), as: UTF8.self)
    }

    private func values(_ text: String, _ open: String, _ close: String) -> [String] {
        text.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
    }

    func testOneItemPerStepNewestFirstTiesByFeedbackThenRef() throws {
        let rss = try text(try plan(), "changes.xml")
        XCTAssertEqual(values(rss, "<guid isPermaLink=\"false\">", "</guid>"), [
            "2024-03-01-a-zorg#2024-01-20-overleg",
            "2024-03-01-b-voortgang#2024-01-10-stamtafel#i1",
            "2024-02-01-eerste#2024-01-10-stamtafel#i1",
            "2024-02-01-eerste#2024-01-10-stamtafel#i2",
        ])
        XCTAssertEqual(values(rss, "<pubDate>", "</pubDate>")[0], "Fri, 01 Mar 2024 00:00:00 +0100")
        XCTAssertTrue(rss.contains("<atom:link href=\"https://example.nl/participatie/changes.xml\" rel=\"self\" type=\"application/rss+xml\"/>"))
    }

    func testWording() throws {
        let rss = try text(try plan(), "changes.xml")
        XCTAssertEqual(values(rss, "<item>\n    <title>", "</title>"), [
            "Overleg zorg (bijeenkomst 20 januari 2024): voor kennisgeving aangenomen",
            "Bouw meer kleine woningen voor jongeren die in het dorp willen blijven wonen en… (stamtafel 10 januari 2024): wordt uitgevoerd",
            "Bouw meer kleine woningen voor jongeren die in het dorp willen blijven wonen en… (stamtafel 10 januari 2024): overgenomen",
            "Kledingbank (stamtafel 10 januari 2024): doorverwezen",
        ])
        XCTAssertEqual(values(rss, "<description>", "</description>").dropFirst(), [
            "Uit: Reactie zorg, 1 maart 2024.",
            "Klaar beloofd voor 1 september 2024. Uit: Voortgang, 1 maart 2024.",
            "Een goed idee. Uit: Eerste reactie, 1 februari 2024.",
            "Uit: Eerste reactie, 1 februari 2024.",
        ])
        XCTAssertEqual(values(rss, "<link>", "</link>").dropFirst(), [
            "https://example.nl/participatie/meetings/2024-01-20-overleg/#reactie-heading",
            "https://example.nl/participatie/meetings/2024-01-10-stamtafel/#i1",
            "https://example.nl/participatie/meetings/2024-01-10-stamtafel/#i1",
            "https://example.nl/participatie/meetings/2024-01-10-stamtafel/#i2",
        ])
    }

    func testAFeedbackAnsweringARecordAndOneOfItsItemsGivesOneChange() throws {
        var files = Self.files
        files["content/feedback/2024-04-01-dubbel.md"] = """
        ---
        title: Dubbel
        date: 2024-04-01
        responds_to:
          - ref: "2024-05-01-later"
            outcome: noted
          - ref: "2024-05-01-later#i1"
            outcome: in-progress
            expected: 2024-12-01
        ---
        Tekst.
        """
        var site = InMemorySite(files)
        site.config += "\n[feeds]\nlimit = 10\n"
        let (graph, _) = site.graph(today: "2024-06-01")
        let (theme, _) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
        let plan = try XCTUnwrap(SiteRenderer.render(try XCTUnwrap(graph), settings: RenderSettings(try XCTUnwrap(site.siteConfig)), theme: try XCTUnwrap(theme)).0)
        let rss = try text(plan, "meetings/2024-05-01-later/changes.xml")
        XCTAssertEqual(values(rss, "<guid isPermaLink=\"false\">", "</guid>"), ["2024-04-01-dubbel#2024-05-01-later#i1"])
        XCTAssertEqual(values(rss, "<item>\n    <title>", "</title>"), ["Nog niets (bijeenkomst 1 mei 2024): in behandeling"])
    }

    func testShortLabel() {
        XCTAssertEqual(ChangeEntry.shortLabel("Kledingbank. Met vrijwilligers."), "Kledingbank")
        XCTAssertEqual(ChangeEntry.shortLabel("Waarom\nniet? Echt."), "Waarom niet?")
        XCTAssertEqual(ChangeEntry.shortLabel("Versie 2.0 voor iedereen"), "Versie 2.0 voor iedereen")
        let long = String(repeating: "woord ", count: 30)
        XCTAssertEqual(ChangeEntry.shortLabel(long), String(repeating: "woord ", count: 13).dropLast() + "…")
        // Texts with other than ASCII take the character-by-character way, with the same rules.
        XCTAssertEqual(ChangeEntry.shortLabel("Café\u{2028}open! Echt."), "Café open!")
        XCTAssertEqual(ChangeEntry.shortLabel("Ideeën. Meer."), "Ideeën")
        let longAccented = String(repeating: "één ", count: 30)
        XCTAssertEqual(ChangeEntry.shortLabel(longAccented), String(repeating: "één ", count: 20).dropLast() + "…")
        XCTAssertEqual(ChangeEntry.shortLabel("  \t"), "")
        // A cut label loses the punctuation left at its end (also an en dash and a hyphen).
        let cut = String(repeating: "woord, ", count: 20)
        XCTAssertEqual(ChangeEntry.shortLabel(cut), String(repeating: "woord, ", count: 11).dropLast(2) + "…")
        let dashes = String(repeating: "a – b - ", count: 20)
        XCTAssertEqual(ChangeEntry.shortLabel(dashes), String(repeating: "a – b - ", count: 9) + "a – b…")
        // An ASCII label is read off the text's first bytes; what follows must not change it.
        XCTAssertEqual(ChangeEntry.shortLabel(String(repeating: "x", count: 80) + ". Meer"), String(repeating: "x", count: 80))
        XCTAssertEqual(ChangeEntry.shortLabel(String(repeating: "x", count: 80) + ".\n\nMeer"), String(repeating: "x", count: 80))
        XCTAssertEqual(ChangeEntry.shortLabel(String(repeating: "x", count: 79) + "!  Meer"), String(repeating: "x", count: 79) + "!")
        XCTAssertEqual(ChangeEntry.shortLabel("ab " + String(repeating: "x", count: 78) + "e\u{301} meer"), "ab…")
    }

    /// `shortLabel` against the rules applied to the whole text, character by character, on
    /// random texts: ASCII words, sentence ends, white space runs, accents, combining marks,
    /// flags and no-break and other spaces, around the 80-character cut. (`shortLabel` reads
    /// only the head of a long text.)
    func testShortLabelAgreesWithTheRulesOnWholeTexts() {
        var generator = SeededRandom(seed: 19)
        let pieces = ["woord", "a", "x", ".", "!", "?", ",", ";", "-", "–", " ", "  ", "\n", "\t", "é", "e\u{301}", "\u{00A0}", "2.0", "Ja.",
                      "\u{2028}", "\u{3000}", "“één”", "🇳🇱", ". ", "! "]
        for _ in 0..<4_000 {
            var text = ""
            let length = Int(generator.next() % 90)
            for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            XCTAssertEqual(ChangeEntry.shortLabel(text), Self.wholeTextLabel(text), "text: \(text.debugDescription)")
        }
    }

    /// The label's rules, on the whole text by Character (as `shortLabel` was before it read
    /// ASCII texts' first bytes only).
    private static func wholeTextLabel(_ text: String) -> String {
        let text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var sentence = text
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " {
                sentence = String(text[..<index]) + (text[index] == "." ? "" : String(text[index]))
                break
            }
            index = next
        }
        if sentence.count <= ChangeEntry.labelLength { return sentence }
        let cut = sentence.prefix(ChangeEntry.labelLength)
        var words = Substring(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut).unicodeScalars
        let punctuation: Set<Unicode.Scalar> = [" ", ",", ";", ":", "–", "-"]
        while let first = words.first, punctuation.contains(first) { words.removeFirst() }
        while let last = words.last, punctuation.contains(last) { words.removeLast() }
        return String(words) + "…"
    }

    /// A status change's Atom id: a tag URI with every `#` after the first written `%23`.
    func testAtomIDKeepsTheFirstHashAndEncodesTheOthers() {
        XCTAssertEqual(ChangeEntry.atomID("2019-11-19-terugkoppeling#2019-05-14-stamtafel#i1", host: "example.nl"),
                       "tag:example.nl,2026:2019-11-19-terugkoppeling#2019-05-14-stamtafel%23i1")
        XCTAssertEqual(ChangeEntry.atomID("a#b#c#d", host: "h"), "tag:h,2026:a#b%23c%23d")
        XCTAssertEqual(ChangeEntry.atomID("zonder-hekje", host: "h"), "tag:h,2026:zonder-hekje")
        XCTAssertEqual(ChangeEntry.atomID("ëén#", host: "h"), "tag:h,2026:ëén#")
    }

    /// The byte-wise way for ASCII text splits exactly where `Character.isWhitespace` does.
    func testOneLineOnASCIIMatchesCharacterWhitespace() {
        // Every text of up to four characters from these (\r\n is one character, 1C and 1F are not white space).
        let alphabet: [String] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a"]
        var texts = [""]
        for _ in 1...4 { texts += texts.filter { $0.unicodeScalars.count == texts.last!.unicodeScalars.count }.flatMap { text in alphabet.map { text + $0 } } }
        XCTAssertGreaterThan(texts.count, 7_000)
        for text in texts {
            XCTAssertEqual(ChangeEntry.oneLine(text), text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), text.debugDescription)
        }
    }

    func testAtomIDsAreTagURIsOfTheGuid() throws {
        let atom = try text(try plan(), "changes.atom")
        XCTAssertEqual(values(atom, "<entry>", "</entry>").map { values($0, "<id>", "</id>")[0] }, [
            "tag:example.nl,2026:2024-03-01-a-zorg#2024-01-20-overleg",
            "tag:example.nl,2026:2024-03-01-b-voortgang#2024-01-10-stamtafel%23i1",
            "tag:example.nl,2026:2024-02-01-eerste#2024-01-10-stamtafel%23i1",
            "tag:example.nl,2026:2024-02-01-eerste#2024-01-10-stamtafel%23i2",
        ])
        XCTAssertTrue(atom.contains("<updated>2024-03-01T00:00:00+01:00</updated>\n  <author>"), atom)
    }

    func testThemeAndRecordFeedsAndTheLimit() throws {
        let plan = try plan(limit: 2)
        XCTAssertEqual(values(try text(plan, "changes.xml"), "<guid isPermaLink=\"false\">", "</guid>").count, 2, "the feed limit")
        XCTAssertEqual(values(try text(plan, "themes/zorg/changes.xml"), "<guid isPermaLink=\"false\">", "</guid>"),
                       ["2024-03-01-a-zorg#2024-01-20-overleg"])
        XCTAssertEqual(values(try text(plan, "themes/wonen/changes.atom"), "<entry>", "</entry>").count, 2, "the feed limit")
        // A record's own feed holds all its changes, and exists (empty) before the first one.
        XCTAssertEqual(values(try text(plan, "meetings/2024-01-10-stamtafel/changes.xml"), "<guid isPermaLink=\"false\">", "</guid>").count, 3)
        let empty = try text(plan, "meetings/2024-05-01-later/changes.xml")
        XCTAssertFalse(empty.contains("<item>"))
        XCTAssertTrue(empty.contains("<link>https://example.nl/participatie/meetings/2024-05-01-later/</link>"))
        XCTAssertNil(plan.files.first { $0.path == "meetings/2024-05-01-later/changes.atom" })
        XCTAssertNil(plan.files.first { $0.path.hasPrefix("feedback/") && $0.path.hasSuffix("changes.xml") })
    }

    func testFollowLinkAndHeadLinks() throws {
        let plan = try plan()
        let page = try text(plan, "meetings/2024-05-01-later/index.html")
        XCTAssertTrue(page.contains(#"<a href="changes.xml" type="application/rss+xml">Volg wat er met deze punten gebeurt (RSS)</a>"#), page)
        XCTAssertTrue(page.contains(#"<link rel="alternate" type="application/rss+xml" title="Wat er gebeurt met: Later overleg – Participatie in Teststad" href="https://example.nl/participatie/meetings/2024-05-01-later/changes.xml">"#))
        XCTAssertFalse(try text(plan, "feedback/2024-02-01-eerste/index.html").contains("changes.xml"))
        XCTAssertTrue(try text(plan, "themes/wonen/index.html").contains(#"type="application/atom+xml" title="Wat er met de inbreng gebeurt: Wonen – Participatie in Teststad" href="https://example.nl/participatie/themes/wonen/changes.atom">"#))
        XCTAssertTrue(try text(plan, "index.html").contains(#"href="https://example.nl/participatie/changes.xml">"#))
    }
}
