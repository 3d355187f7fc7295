import Foundation
import InspraakSource

/// "Today" for open and overdue items, as a build is asked for it: a given day (`--now`), or an
/// instant on the clock, whose day is taken in the site's `timezone` once site.toml is read.
/// The clock itself is read by the caller (the command line, once) and passed in, so the
/// library never reads it and a test can choose the instant.
public enum Today: Sendable, Hashable {
    case day(Day)
    case instant(Date)

    /// The day this is in `timezone` (an IANA name such as "Europe/Amsterdam"; an unknown name
    /// counts as UTC, though the loader has refused it by then).
    public func day(in timezone: String) -> Day {
        switch self {
        case .day(let day): return day
        case .instant(let instant): return Day(instant, in: TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!)
        }
    }
}
