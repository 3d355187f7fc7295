import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// The text rules of the calendar (RFC 5545) and of JSON-LD inside a `<script>` element.
final class MachineReadableTests: XCTestCase {
    func testICSEscapesTextValues() {
        XCTAssertEqual(ICSText.escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf")
        XCTAssertEqual(ICSText.escape("bel\u{07}\ttab"), "bel\ttab")
    }

    /// The escape walks UTF-8; it must do what a walk over the scalars does, on any text.
    func testICSEscapeAgreesWithAScalarByScalarEscape() {
        func scalarEscape(_ text: String) -> String {
            var out = ""
            var previousWasCR = false
            for scalar in text.unicodeScalars {
                defer { previousWasCR = scalar == "\r" }
                switch scalar {
                case "\\": out += "\\\\"
                case ";": out += "\\;"
                case ",": out += "\\,"
                case "\r": out += "\\n"
                case "\n": if !previousWasCR { out += "\\n" }
                case "\t": out.unicodeScalars.append(scalar)
                default: if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        let pieces = ["a", "é", "😀", "\\", ";", ",", "\r", "\n", "\r\n", "\t", "\u{07}", "\u{7F}", "\u{85}", "\u{2028}", "e\u{301}", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(ICSText.escape(text), scalarEscape(text), text.debugDescription)
        }
        XCTAssertEqual(ICSText.escape("Buurthuis De Brink, Noorderwijk"), "Buurthuis De Brink\\, Noorderwijk")
    }

    func testICSFoldsAt75OctetsWithoutSplittingUTF8() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60) + String(repeating: "x", count: 40) + "😀"
        let folded = ICSText.fold(line)
        XCTAssertTrue(folded.hasSuffix("\r\n"))
        let physical = String(decoding: Array(folded.utf8.dropLast(2)), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 2)
        for (index, part) in physical.enumerated() {
            XCTAssertLessThanOrEqual(part.utf8.count, 75, "line \(index): \(part)")
            if index > 0 { XCTAssertTrue(part.hasPrefix(" ")) }
        }
        // Every physical line is whole UTF-8 on its own: no sequence was cut.
        var octets: [UInt8] = []
        for byte in Array(folded.utf8) {
            if byte == 10 {
                XCTAssertNotNil(String(bytes: octets.dropLast(), encoding: .utf8), "\(octets)")
                octets = []
            } else { octets.append(byte) }
        }
        XCTAssertEqual(physical.first!.utf8.count, 74, "8 octets of name, 33 é of 2 octets: the next é does not fit")
        let unfolded = physical.enumerated().map { $0.offset == 0 ? String($0.element) : String($0.element.dropFirst()) }.joined()
        XCTAssertEqual(unfolded, line)
        XCTAssertEqual(ICSText.fold("VERSION:2.0"), "VERSION:2.0\r\n")
    }

    func testJSONInScriptCannotCloseTheElement() throws {
        let title = "</script><script>alert(1)</script> & \u{2028}\u{2029} \"q\" \\ \n\u{01}"
        let json = JSONText.object([("@type", "Event"), ("name", .string(title)), ("n", .number(3)), ("b", .bool(true))]).encoded
        XCTAssertEqual(json, #"{"@type":"Event","name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u2028\u2029 \"q\" \\ \n\u0001","n":3,"b":true}"#)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] { XCTAssertFalse(json.contains(forbidden), forbidden) }
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["name"] as? String, title)
    }

    func testXMLEscapeWritesEntitiesAndDropsControlCharacters() {
        XCTAssertEqual(XMLText.escape("Café & <b>\"ja\"</b> 'n\u{01}\u{1F}\t\n\r\u{7F}ë"),
                       "Café &amp; &lt;b&gt;&quot;ja&quot;&lt;/b&gt; &#39;n\t\n\r\u{7F}ë")
        XCTAssertEqual(XMLText.escape("niets te doen – één"), "niets te doen – één")
        XCTAssertEqual(XMLText.escape(""), "")
    }

    func testPrettyJSONIndentsTwoSpacesAndKeepsItsMeaning() throws {
        let value = JSONText.object([
            ("a", .array([.number(1), .object([("b", .null), ("c", .array([]))]), .string("<x>")])),
            ("d", .object([])), ("e", .bool(false)),
        ])
        XCTAssertEqual(value.pretty(), """
            {
              "a": [
                1,
                {
                  "b": null,
                  "c": []
                },
                "\\u003cx\\u003e"
              ],
              "d": {},
              "e": false
            }
            """)
        let compact = try JSONSerialization.jsonObject(with: Data(value.encoded.utf8)) as? NSDictionary
        let pretty = try JSONSerialization.jsonObject(with: Data(value.pretty().utf8)) as? NSDictionary
        XCTAssertEqual(compact, pretty)
    }

    func testAmsterdamZoneListsItsTransitions() {
        let zone = CalendarZone(identifier: "Europe/Amsterdam", years: 2019...2019)
        XCTAssertEqual(zone.lines, [
            "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
            "BEGIN:STANDARD", "DTSTART:20190101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20190331T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20191027T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
            "END:VTIMEZONE",
        ])
        XCTAssertEqual(zone.local(Int(Moment.parse("2019-05-14T17:30Z", zone: TimeZone(identifier: "UTC")!)!.epochSeconds)), "20190514T193000")
        XCTAssertEqual(CalendarZone(identifier: "UTC", years: 2020...2021).lines.count, 8, "no transitions: one observance")
    }
}

extension RenderTests {
    func testCalendarsOfTheSiteAndEveryTheme() throws {
        let plan = try plan(records: 2, config: "")
        let site = try text(plan, "agenda.ics")
        XCTAssertTrue(site.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertFalse(site.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        XCTAssertTrue(site.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"))
        XCTAssertTrue(site.contains("\r\nUID:2024-01-02-m1@example.nl\r\nDTSTAMP:20240601T000000Z\r\nSEQUENCE:0\r\n"
            + "DTSTART;TZID=Europe/Amsterdam:20240102T193000\r\nDTEND;TZID=Europe/Amsterdam:20240102T213000\r\n"
            + "SUMMARY:Bijeenkomst 1 & zo\r\nDESCRIPTION:Verslag 1.\r\nURL:https://example.nl/participatie/meetings/2024-01-02-m1/\r\n"
            + "STATUS:CONFIRMED\r\nEND:VEVENT\r\n"), site)
        XCTAssertEqual(try text(plan, "themes/wonen/agenda.ics").components(separatedBy: "BEGIN:VEVENT").count, 3)
        let page = try text(plan, "meetings/2024-01-02-m1/index.html")
        XCTAssertTrue(page.contains(#"<a href="webcal://example.nl/participatie/agenda.ics">"#), page)
        XCTAssertTrue(page.contains(#"<a href="../../agenda.ics" type="text/calendar" download>"#))
        XCTAssertTrue(page.contains(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event""#))
    }

    func testAtomAndJSONFeedHoldTheRSSItems() throws {
        let plan = try plan(records: 7)
        let rss = try text(plan, "themes/wonen/feed.xml")
        let atom = try text(plan, "themes/wonen/atom.xml")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try text(plan, "themes/wonen/feed.json").utf8)) as? [String: Any])
        let links = { (text: String, open: String, close: String) in
            text.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
        }
        let rssIDs = links(rss, "<guid isPermaLink=\"true\">", "</guid>")
        XCTAssertEqual(rssIDs.count, 4, "the feed limit")
        XCTAssertEqual(Array(links(atom, "<entry>\n    <title>", "</entry>").map { links($0, "<id>", "</id>")[0] }), rssIDs)
        XCTAssertEqual((json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, rssIDs)
        XCTAssertEqual(json["version"] as? String, "https://jsonfeed.org/version/1.1")
        XCTAssertEqual(json["feed_url"] as? String, "https://example.nl/participatie/themes/wonen/feed.json")
        XCTAssertTrue(atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.nl/participatie/themes/wonen/atom.xml\"/>"))
        XCTAssertTrue(atom.contains("<published>2024-01-08T19:30:00+01:00</published>"), atom)
        let page = try text(plan, "themes/wonen/index.html")
        XCTAssertTrue(page.contains(#"<link rel="alternate" type="application/feed+json" title="Wonen – Participatie in Teststad" href="https://example.nl/participatie/themes/wonen/feed.json">"#))
    }
}
