import Foundation

/// A record's date as written: a day, or a day and a time, placed in time by the site's zone.
public struct Moment: Sendable, Hashable, Comparable {
    public let day: Day
    /// Minutes after midnight, local time; nil for a date without a time.
    public let minutes: Int?
    /// Offset from UTC in seconds at that moment (summer or winter time in the site's zone).
    public let offsetSeconds: Int

    public init(day: Day, minutes: Int? = nil, offsetSeconds: Int = 0) {
        self.day = day
        self.minutes = minutes
        self.offsetSeconds = offsetSeconds
    }

    /// Seconds since 1970 in UTC: the order of events across zones.
    public var epochSeconds: Int {
        day.number * 86_400 + (minutes ?? 0) * 60 - offsetSeconds
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool {
        lhs.epochSeconds < rhs.epochSeconds
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (or a space for `T`), with an optional
    /// `Z` or `±HH:MM`. A time without a zone is local time in `zone`.
    public static func parse(_ text: String, zone: TimeZone) -> Moment? {
        let trimmed = text.trimmingSpaces()
        if let day = Day(iso: trimmed) {
            return Moment(day: day, minutes: nil, offsetSeconds: offset(of: day, minutes: 0, in: zone))
        }
        guard trimmed.count >= 16 else { return nil }
        let dayPart = trimmed.prefix(10)
        let separator = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " ", let day = Day(iso: dayPart) else { return nil }
        var rest = trimmed.dropFirst(11)
        guard let hour = take2(&rest), rest.first == ":" else { return nil }
        rest.removeFirst()
        guard let minute = take2(&rest), hour < 24, minute < 60 else { return nil }
        if rest.first == ":" {
            rest.removeFirst()
            guard let second = take2(&rest), second < 61 else { return nil }
            if rest.first == "." {
                rest.removeFirst()
                while let c = rest.first, c.isASCII, c.isNumber { rest.removeFirst() }
            }
        }
        let minutes = hour * 60 + minute
        if rest.isEmpty {
            return Moment(day: day, minutes: minutes, offsetSeconds: offset(of: day, minutes: minutes, in: zone))
        }
        if rest == "Z" || rest == "z" {
            return Moment(day: day, minutes: minutes, offsetSeconds: 0).inZone(zone)
        }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest.removeFirst()
        guard let offsetHours = take2(&rest) else { return nil }
        if rest.first == ":" { rest.removeFirst() }
        guard let offsetMinutes = take2(&rest), rest.isEmpty, offsetHours < 15, offsetMinutes < 60 else { return nil }
        let seconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == "-" ? -1 : 1)
        return Moment(day: day, minutes: minutes, offsetSeconds: seconds).inZone(zone)
    }

    /// The same instant on the site's clock: a time written with another offset (`Z`,
    /// `-05:00`) is shown, dated and compared as residents of the site's zone read it.
    func inZone(_ zone: TimeZone) -> Moment {
        let instant = epochSeconds
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let local = instant + offset
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        return Moment(day: Day(number: dayNumber), minutes: (local - dayNumber * 86_400) / 60, offsetSeconds: offset)
    }

    private static func take2(_ text: inout Substring) -> Int? {
        let digits = text.prefix(2)
        guard digits.count == 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        text.removeFirst(2)
        return Int(digits)
    }

    /// The zone's offset for a local wall-clock time (handles summer time).
    static func offset(of day: Day, minutes: Int, in zone: TimeZone) -> Int {
        let local = TimeInterval(day.number * 86_400 + minutes * 60)
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - TimeInterval(guess)))
    }
}
