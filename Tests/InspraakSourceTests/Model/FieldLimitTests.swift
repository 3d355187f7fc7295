import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// Required fields that are empty, numbers out of range, implausible years, links in theme fields,
/// and day arithmetic that cannot overflow.
final class FieldLimitTests: XCTestCase {
    static let theme = ["content/themes/wonen.md": "---\ntitle: Wonen\n---\n"]

    func check(_ files: [String: String], config: String = InMemorySite.defaultConfig) -> [String] {
        var site = InMemorySite(Self.theme.merging(files) { _, new in new })
        site.config = config
        return lines(site.graph(today: "2024-06-01").1)
    }

    func testEmptyOrNullRequiredFieldsAreErrorsAtTheirLine() {
        for value in ["", " ~", " null", " \"\"", " \"   \"", " Null"] {
            XCTAssertEqual(check(["content/meetings/2024-01-01-a.md": "---\ntitle:\(value)\ndate: 2024-01-01\nthemes: [wonen]\n---\n"]),
                           ["content/meetings/2024-01-01-a.md:2: error: `title` is empty, but every meeting needs one; fill it in after `title:`"],
                           "title:\(value)")
        }
        XCTAssertEqual(check(["content/meetings/2024-01-01-a.md": "+++\ntitle = \"\"\ndate = \"2024-01-01\"\nthemes = [\"wonen\"]\n+++\n"]),
                       ["content/meetings/2024-01-01-a.md:2: error: `title` is empty, but every meeting needs one; fill it in after `title:`"])
        XCTAssertEqual(check(["content/meetings/2024-01-01-a.md": "---\ntitle: A\ndate: \"\"\nthemes: [wonen]\n---\n"]),
                       ["content/meetings/2024-01-01-a.md:3: error: `date` is empty, but every meeting needs one; fill it in after `date:`"])
        XCTAssertEqual(check(["content/advice/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\ncouncil: \" \"\nthemes: [wonen]\n---\n"]),
                       ["content/advice/2024-01-01-a.md:4: error: `council` is empty, but every advice needs one; fill it in after `council:`"])
        XCTAssertEqual(check(["content/meetings/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\nthemes: [wonen]\ndocuments:\n  - {title: \"\", url: \"https://a.nl/\"}\n---\n"]),
                       ["content/meetings/2024-01-01-a.md:6: error: each document needs a `title` and either a `file` (in the page bundle) or a `url`"])
    }

    /// A record with an empty field still exists for the graph: a ref to it is not reported as dangling.
    func testARefToARecordWithAnEmptyTitleIsNotDangling() {
        let diagnostics = check([
            "content/meetings/2024-01-01-a.md": "---\ntitle: ~\ndate: 2024-01-01\nthemes: [wonen]\ninput:\n  - {id: i1, text: X}\n---\n",
            "content/feedback/2024-02-01-b.md": "---\ntitle: B\ndate: 2024-02-01\noutcome: noted\nresponds_to: [2024-01-01-a#i1, 2024-01-01-a#i2]\n---\n",
        ])
        XCTAssertEqual(diagnostics, [
            "content/feedback/2024-02-01-b.md:5: error: `2024-02-01-b` refers to `2024-01-01-a#i2`, but `2024-01-01-a` has no item `i2` (it has i1)",
            "content/meetings/2024-01-01-a.md:2: error: `title` is empty, but every meeting needs one; fill it in after `title:`",
        ])
    }

    /// What a broken field hides is not reported again by the graph: no "dated before" for an
    /// unreadable date, no "no themes" when the themes (or the refs they come from) are unreadable.
    func testTheGraphDoesNotEchoAnUnreadableField() {
        XCTAssertEqual(check([
            "content/meetings/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-13-01\nthemes: [wonen]\n---\n",
            "content/feedback/2024-01-02-b.md": "---\ntitle: B\ndate: 2024-01-02\noutcome: noted\nthemes: [wonen]\nresponds_to: [2024-01-01-a]\n---\n",
        ]), ["content/meetings/2024-01-01-a.md:3: error: `date` is not a valid date: \"2024-13-01\" (write 2019-05-14, or 2019-05-14T19:30 with a time)"])
        XCTAssertEqual(check([
            "content/advice/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\ncouncil: R\nthemes: {wonen: ja}\n---\n",
            "content/feedback/2024-01-02-b.md": "---\ntitle: B\ndate: 2024-01-02\noutcome: noted\nresponds_to: [2024-01-01-a]\n---\n",
            "content/advice/2024-01-03-c.md": "---\ntitle: C\ndate: 2024-01-03\ncouncil: R\nbased_on: [{x: 1}]\n---\n",
        ]), [
            "content/advice/2024-01-01-a.md:5: error: `themes` should be a list of texts, not a set of fields",
            "content/advice/2024-01-03-c.md:5: error: `based_on` should be a reference like 2019-05-14-stamtafel#i2, not a set of fields",
        ])
    }

    func testNumbersOutsideTheirRangeAreErrors() {
        func meeting(_ attendees: String) -> [String] {
            check(["content/meetings/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\nthemes: [wonen]\nattendees: \(attendees)\n---\n"])
        }
        XCTAssertEqual(meeting("0"), [])
        XCTAssertEqual(meeting("1000000"), [])
        XCTAssertEqual(meeting("1000001"), ["content/meetings/2024-01-01-a.md:5: error: `attendees` must be a whole number from 0 to 1,000,000, not 1,000,001"])
        XCTAssertEqual(meeting("-1"), ["content/meetings/2024-01-01-a.md:5: error: `attendees` must be a whole number from 0 to 1,000,000, not -1"])
        XCTAssertEqual(meeting("-9223372036854775808"),
                       ["content/meetings/2024-01-01-a.md:5: error: `attendees` must be a whole number from 0 to 1,000,000, not -9,223,372,036,854,775,808"])
        XCTAssertEqual(check(["content/themes/wonen.md": "---\ntitle: Wonen\norder: 9223372036854775807\n---\n"]),
                       ["content/themes/wonen.md:3: error: `order` must be a whole number from -1,000,000 to 1,000,000, not 9,223,372,036,854,775,807"])
    }

    func testSettingsOutsideTheirRangeAreErrors() {
        let base = "title = \"T\"\nbase_url = \"https://example.nl/\"\n"
        for (table, key, range) in [("advice", "response_days", 1...3_650), ("feedback", "expected_days", 1...3_650),
                                    ("feeds", "limit", 1...10_000), ("pagination", "size", 1...1_000)] {
            for good in [range.lowerBound, range.upperBound] {
                XCTAssertEqual(SiteConfig.parse(base + "[\(table)]\n\(key) = \(good)\n").1, [], "\(key) = \(good)")
            }
            for bad in [range.lowerBound - 1, range.upperBound + 1, Int.max, Int.min] {
                let (config, problems) = SiteConfig.parse(base + "[\(table)]\n\(key) = \(bad)\n")
                XCTAssertNil(config)
                XCTAssertEqual(problems.map(\.description), [
                    "site.toml:4:1: error: the setting `\(table).\(key)` must be a whole number from \(Message.number(range.lowerBound)) to \(Message.number(range.upperBound)), not \(Message.number(bad))",
                ])
            }
        }
    }

    func testYearsOutsideTheCommonRangeAreErrors() {
        func advice(_ line: String) -> [String] {
            check(["content/advice/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\ncouncil: R\nthemes: [wonen]\n\(line)\n---\n"])
        }
        XCTAssertEqual(advice("response_due: 2200-12-31"), [])
        XCTAssertEqual(advice("requested_on: 1900-01-01"), [])
        XCTAssertEqual(advice("response_due: 9999-12-31"),
                       ["content/advice/2024-01-01-a.md:6: error: `response_due` \"9999-12-31\" lies outside the years 1900–2200; check the year"])
        XCTAssertEqual(advice("requested_on: 0001-01-01T10:00Z"),
                       ["content/advice/2024-01-01-a.md:6: error: `requested_on` \"0001-01-01T10:00Z\" lies outside the years 1900–2200; check the year"])
    }

    func testLinksInThemeFieldsPassTheSameTest() {
        let diagnostics = check(["content/meetings/2024-01-01-a.md": """
            ---
            title: A
            date: 2024-01-01
            themes: [wonen]
            video_url: "javascript:alert(1)"
            links:
              - {title: Verslag, url: "data:text/html,x"}
              - {title: Site, href: "https://example.nl/"}
            remark: "javascript: is only text here"
            ---
            """])
        XCTAssertEqual(diagnostics, [
            "content/meetings/2024-01-01-a.md:5: error: the link \"javascript:alert(1)\" is not allowed: a link starts with https://, http:// or mailto:, or is a path within this site",
            "content/meetings/2024-01-01-a.md:7: error: the link \"data:text/html,x\" is not allowed: a link starts with https://, http:// or mailto:, or is a path within this site",
        ])
    }

    func testDayArithmeticSaturatesInsteadOfOverflowing() throws {
        XCTAssertEqual(Day.earliest, Day(year: 1, month: 1, day: 1))
        XCTAssertEqual(Day.latest, Day(year: 9999, month: 12, day: 31))
        let day = try XCTUnwrap(Day(iso: "2024-06-01"))
        XCTAssertEqual(day.adding(days: 42).iso, "2024-07-13")
        XCTAssertEqual(day.adding(days: Int.max), .latest)
        XCTAssertEqual(day.adding(days: Int.min), .earliest)
        XCTAssertEqual(day.adding(days: 100_000_000).iso, "9999-12-31")
        XCTAssertEqual(Day.latest.adding(days: 1), .latest)
        XCTAssertEqual(Day(number: Int.max).adding(days: 1), .latest)
    }

    func testNumbersAreGroupedTheSameEverywhere() {
        XCTAssertEqual(Message.number(0), "0")
        XCTAssertEqual(Message.number(999), "999")
        XCTAssertEqual(Message.number(1_000), "1,000")
        XCTAssertEqual(Message.number(-1_000_000), "-1,000,000")
        XCTAssertEqual(Message.number(Int.min), "-9,223,372,036,854,775,808")
    }
}
