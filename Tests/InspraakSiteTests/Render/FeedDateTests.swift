import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// Feed dates written byte by byte agree with Foundation's formatter for days from 1900 to 2200,
/// every kind of time and offsets east and west of Greenwich (half hours too).
final class FeedDateTests: XCTestCase {
    func formatter(_ format: String, offset: Int) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(secondsFromGMT: offset)
        formatter.dateFormat = format
        return formatter
    }

    func testRFC822AndRFC3339AgreeWithFoundation() throws {
        let first = try XCTUnwrap(Day(iso: "1900-01-01")), last = try XCTUnwrap(Day(iso: "2200-12-31"))
        var checked = 0
        for offset in [0, 3600, 7200, -5 * 3600, 5 * 3600 + 1800, -(3 * 3600 + 1800), 14 * 3600, -12 * 3600] {
            let rss = formatter("EEE, dd MMM yyyy HH:mm:ss Z", offset: offset), atom = formatter("yyyy-MM-dd'T'HH:mm:ssxxx", offset: offset)
            for number in stride(from: first.number, through: last.number, by: 997) {
                for minutes in [nil, 0, 1, 59, 60, 719, 1439] as [Int?] {
                    let moment = Moment(day: Day(number: number), minutes: minutes, offsetSeconds: offset)
                    let date = Date(timeIntervalSince1970: TimeInterval(moment.epochSeconds))
                    XCTAssertEqual(RFC822.format(moment), rss.string(from: date))
                    XCTAssertEqual(RFC3339.format(moment), atom.string(from: date))
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
    }

    /// "14 mei 2019" written in place is the day, the month's name and the year with spaces,
    /// for every day of a leap year and a year at each end, in both languages of the theme.
    func testLongDatesAreDayMonthAndYear() throws {
        for language in ["nl", "en"] {
            let (theme, problems) = ThemeLoader.load(name: "default", root: URL(fileURLWithPath: "/nonexistent"))
            XCTAssertEqual(problems, [])
            let strings = Strings(try XCTUnwrap(theme?.strings[language]), language: language)
            let names = strings.months
            XCTAssertEqual(names.count, 12)
            for start in ["2020-01-01", "1000-01-01", "9999-01-01"] {
                let first = try XCTUnwrap(Day(iso: start))
                for number in first.number..<(first.number + 366) {
                    let day = Day(number: number)
                    let (year, month, date) = day.components
                    XCTAssertEqual(strings.longDate(day), "\(date) \(names[month - 1]) \(year)")
                }
            }
            XCTAssertEqual(strings.longDate(try XCTUnwrap(Day(iso: "2019-05-04"))), language == "nl" ? "4 mei 2019" : "4 May 2019")
        }
    }
}
