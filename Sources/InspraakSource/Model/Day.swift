import Foundation

/// A calendar day, counted from 1970-01-01: what "overdue since" and "due on" are measured in.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int

    public init(number: Int) { self.number = number }

    /// Nil for an impossible date (31 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.length(ofMonth: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146097 + doe - 719468
    }

    /// The day it is at `instant` on a clock in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        let local = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))).rounded(.down))
        self.init(number: Int((Double(local) / 86_400).rounded(.down)))
    }

    /// `YYYY-MM-DD`, nothing else.
    public init?(iso text: some StringProtocol) {
        // Ten ASCII bytes, read as they come: every record's date and many fields are parsed
        // here (splitting into substrings and asking each Character whether it is a number
        // cost ~3% of `inspraak check` at 10,000 records). A combining mark after a digit is
        // not ASCII, so it fails as a Character that is no digit did.
        var year = 0, month = 0, day = 0, count = 0
        for byte in text.utf8 {
            if count == 4 || count == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard count < 10, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if count < 4 { year = year * 10 + digit } else if count < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            count += 1
        }
        guard count == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((number % 7) + 11) % 7 }

    /// The first and last day a date may be, so that counting days can never overflow or leave
    /// four-digit years (0001-01-01 and 9999-12-31).
    public static let earliest = Day(number: -719_162)
    public static let latest = Day(number: 2_932_896)

    /// The years a record's date may lie in: anything else is a typo (`20245`, `1024`).
    public static let plausibleYears = 1900...2200

    /// Saturates at `earliest` and `latest` instead of overflowing.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = number.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latest : .earliest }
        return Day(number: min(max(sum, Day.earliest.number), Day.latest.number))
    }

    public func days(until other: Day) -> Int { other.number - number }

    public var iso: String {
        let (year, month, day) = components
        // Every `{{date.iso}}` of every page asks: ten bytes written straight into a small
        // string (no allocation), not three padded strings joined (~900 instructions each).
        guard (0...9999).contains(year) else { return Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2) }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            Day.writeISO(year, month, day, into: bytes, at: 0)
            return 10
        }
    }

    /// `YYYY-MM-DD` (ten bytes) at `start`, for a year of four digits.
    package static func writeISO(_ year: Int, _ month: Int, _ day: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        writeDigits(year, count: 4, into: bytes, at: start)
        bytes[start + 4] = UInt8(ascii: "-")
        writeDigits(month, count: 2, into: bytes, at: start + 5)
        bytes[start + 7] = UInt8(ascii: "-")
        writeDigits(day, count: 2, into: bytes, at: start + 8)
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func pad(_ number: Int, _ width: Int) -> String {
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let count = max(width, digits)
        // Dates and times in feeds and calendars print tens of thousands of these.
        guard number >= 0, count <= 15 else {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return String(unsafeUninitializedCapacity: count) { bytes in
            writeDigits(number, count: count, into: bytes, at: 0)
            return count
        }
    }

    /// The last `count` decimal digits of a non-negative `number`, zeros in front.
    package static func writeDigits(_ number: Int, count: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var value = number
        for index in stride(from: start + count - 1, through: start, by: -1) {
            bytes[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
            value /= 10
        }
    }
}
