import InspraakTestSupport
import XCTest
@testable import InspraakSource

final class RecordIDTests: XCTestCase {
    func testValidIDs() {
        XCTAssertTrue(RecordID.isValid("2019-05-14-stamtafel-betaalbaarheid"))
        for bad in ["Stamtafel", "cliëntondersteuning", "a--b", "-a", "a-", "", "../x", "a/b", "a_b", "a b"] {
            XCTAssertFalse(RecordID.isValid(bad), bad)
        }
    }

    /// `isValid` reads bytes once; it must agree with the rule as written by Character: not
    /// empty, no hyphen first or last, no two hyphens in a row, only a–z, 0–9 and `-`.
    func testValidityAgreesWithTheRuleByCharacter() {
        func rule(_ id: String) -> Bool {
            guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
            return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        XCTAssertFalse(RecordID.isValid("-\u{301}a"), "a hyphen with a combining mark first")
        XCTAssertFalse(RecordID.isValid("a-\u{301}"))
        XCTAssertTrue(RecordID.isValid("a-b-0"))
        var random = SeededRandom(seed: 7)
        let pieces = ["a", "z", "0", "9", "-", "--", "A", "ë", "\u{301}", "_", " ", "/", ".", "\u{0}"]
        for _ in 0..<20_000 {
            let id = (0..<Int.random(in: 0..<7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(RecordID.isValid(id), rule(id), id.debugDescription)
        }
    }

    func testFolding() {
        XCTAssertEqual(RecordID.folded("cliëntondersteuning"), "clientondersteuning")
        XCTAssertEqual(RecordID.folded("Stamtafel 14 mei: Één tafel!"), "stamtafel-14-mei-een-tafel")
        XCTAssertEqual(RecordID.folded("../../etc/passwd"), "etc-passwd")
    }

    /// `Day(iso:)` reads bytes; it must accept exactly what the rule by Character accepts:
    /// three parts split at `-`, of 4, 2 and 2 ASCII digits, making a real day.
    func testDayParsingAgreesWithTheRuleByCharacter() {
        func byCharacter(_ text: String) -> Day? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        let pieces = ["2019", "2020", "0000", "9999", "-", "--", "05", "13", "00", "29", "31", "1", "5", "٣", "１", "e\u{301}", "0\u{301}", " ", "\r\n", "+", "a"]
        var random = SeededRandom(seed: 30)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            XCTAssertEqual(Day(iso: text), byCharacter(text), text.debugDescription)
            XCTAssertEqual(Day(iso: Substring(text)), byCharacter(text), text.debugDescription)
        }
        for text in ["2019-05-14", "2020-02-29", "2019-02-29", "9999-12-31", "0001-01-01", "0000-01-01", "2019-05-1٣", "2019-05-14 "] {
            XCTAssertEqual(Day(iso: text), byCharacter(text), text)
        }
    }

    /// `Day.iso` and `Day.pad` write digits as bytes; they must give what the padded
    /// `String(number)` gave, for every day a site can have and for any number.
    func testISODaysAndPaddingAgreeWithTheStringRule() {
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var random = SeededRandom(seed: 31)
        var days = [Day.earliest, Day.latest, Day(number: 0), Day(number: -1)]
        for _ in 0..<20_000 {
            days.append(Day(number: Day.earliest.number + Int(random.next() % UInt64(Day.latest.number - Day.earliest.number + 1))))
        }
        for day in days {
            let (year, month, date) = day.components
            XCTAssertEqual(day.iso, padded(year, 4) + "-" + padded(month, 2) + "-" + padded(date, 2), "\(day.number)")
            XCTAssertEqual(Day(iso: day.iso), day)
        }
        let numbers = [0, 1, 9, 10, 59, 99, 100, 999, 1_000, 9_999, 10_000, 123_456_789, Int.max, -1, -59, -1_000, Int.min]
        for number in numbers + (0..<2_000).map({ _ in Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64) }) {
            for width in [0, 1, 2, 4, 15, 16, 20] {
                XCTAssertEqual(Day.pad(number, width), padded(number, width), "\(number), \(width)")
            }
        }
    }

    func testDaysAndMoments() throws {
        let day = try XCTUnwrap(Day(iso: "2019-05-14"))
        XCTAssertEqual(day.weekday, 2)
        XCTAssertEqual(day.iso, "2019-05-14")
        XCTAssertNil(Day(iso: "2019-02-29"))
        XCTAssertNotNil(Day(iso: "2020-02-29"))
        XCTAssertNil(Day(iso: "2019-13-01"))
        XCTAssertNil(Day(iso: "14-05-2019"))
        let zone = try XCTUnwrap(TimeZone(identifier: "Europe/Amsterdam"))
        let summer = try XCTUnwrap(Moment.parse("2019-05-14T19:30", zone: zone))
        XCTAssertEqual(summer.offsetSeconds, 7200)
        XCTAssertEqual(summer.minutes, 19 * 60 + 30)
        let winter = try XCTUnwrap(Moment.parse("2019-12-03 10:00:00", zone: zone))
        XCTAssertEqual(winter.offsetSeconds, 3600)
        // A time written in another offset is the same instant on the site's clock.
        let utc = try XCTUnwrap(Moment.parse("2019-12-03T10:00:00Z", zone: zone))
        XCTAssertEqual(utc.offsetSeconds, 3600)
        XCTAssertEqual(utc.minutes, 11 * 60)
        XCTAssertLessThan(winter, utc)
        let newYork = try XCTUnwrap(Moment.parse("2021-06-08T21:00:00-05:00", zone: zone))
        XCTAssertEqual(newYork.day.iso, "2021-06-09")
        XCTAssertEqual(newYork.minutes, 4 * 60)
        XCTAssertEqual(newYork.offsetSeconds, 7200)
        XCTAssertEqual(newYork.epochSeconds, try XCTUnwrap(Moment.parse("2021-06-09T02:00Z", zone: zone)).epochSeconds)
        XCTAssertNil(Moment.parse("2019-12-03T25:00", zone: zone))
        XCTAssertNil(Moment.parse("morgen", zone: zone))
    }
}
