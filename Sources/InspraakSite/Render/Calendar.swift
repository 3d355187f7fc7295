import Foundation
import InspraakSource

/// An iCalendar file (RFC 5545) of meetings: `agenda.ics` for the site and for each theme.
/// Times are never floating: every one is local time in the site's zone with its TZID, and the
/// calendar carries that zone's VTIMEZONE. The same meeting has the same UID in every calendar,
/// and DTSTAMP is the build's today, so `--now` keeps the file byte-identical.
struct MeetingCalendar: Sendable {
    let name: String
    /// Output path, e.g. `themes/mantelzorg/agenda.ics`.
    let path: String
    let meetings: [Record]

    /// Hours a timed meeting without an end is taken to last.
    static let defaultHours = 2

    static let siteFile = "agenda.ics"
    static func themeFile(_ slug: String) -> String { "themes/\(slug)/agenda.ics" }

    func text(_ context: RenderContext, zone: CalendarZone) -> String {
        String(decoding: bytes(context, zone: zone), as: UTF8.self)
    }

    /// The calendar as UTF-8, each line folded straight into one buffer.
    func bytes(_ context: RenderContext, zone: CalendarZone) -> [UInt8] {
        let settings = context.settings
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//inspraak//inspraak//\(settings.language.uppercased())",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(ICSText.escape(name))",
            "X-WR-TIMEZONE:\(zone.identifier)",
        ]
        lines += zone.lines
        let stamp = Self.utcStamp(context.graph.today)
        // The host of base_url, read once: parsing a URL per event was most of a calendar's time.
        let host = Self.host(baseURL: context.settings.baseURL)
        var out: [UInt8] = []
        out.reserveCapacity(meetings.count * 400)
        for line in lines { ICSText.fold(line, into: &out) }
        for meeting in meetings.sorted(by: { ($0.date.epochSeconds, $0.id) < ($1.date.epochSeconds, $1.id) }) {
            for line in event(meeting, context, zone: zone, stamp: stamp, host: host) { ICSText.fold(line, into: &out) }
        }
        ICSText.fold("END:VCALENDAR", into: &out)
        return out
    }

    private func event(_ record: Record, _ context: RenderContext, zone: CalendarZone, stamp: String, host: String) -> [String] {
        let meeting = record.meeting ?? Meeting()
        var lines = ["BEGIN:VEVENT", "UID:\(record.id)@\(host)", "DTSTAMP:\(stamp)", "SEQUENCE:0"]
        let start = record.date
        if start.minutes == nil {
            // A date without a time: an all-day event, to the day after its last day.
            var last = start.day
            if let end = meeting.end, end.minutes == nil, end.day > start.day { last = end.day }
            lines.append("DTSTART;VALUE=DATE:\(Self.basic(start.day))")
            lines.append("DTEND;VALUE=DATE:\(Self.basic(last.adding(days: 1)))")
        } else {
            var endSeconds = start.epochSeconds + Self.defaultHours * 3600
            if let end = meeting.end, end.minutes != nil, end.epochSeconds > start.epochSeconds { endSeconds = end.epochSeconds }
            lines.append("DTSTART;TZID=\(zone.identifier):\(zone.local(start.epochSeconds))")
            lines.append("DTEND;TZID=\(zone.identifier):\(zone.local(endSeconds))")
        }
        lines.append("SUMMARY:\(ICSText.escape(record.title))")
        if let summary = context.texts.records[record.id]?.summaryText, !summary.isEmpty {
            lines.append("DESCRIPTION:\(ICSText.escape(summary))")
        }
        if let place = meeting.place, !place.isEmpty { lines.append("LOCATION:\(ICSText.escape(place))") }
        lines.append("URL:\(context.paths.absolute(SitePaths.record(record)))")
        lines.append("STATUS:\(meeting.cancelled ? "CANCELLED" : "CONFIRMED")")
        lines.append("END:VEVENT")
        return lines
    }

    /// The host in each event's UID, `<id>@<host of base_url>`: the same in every calendar, so a
    /// subscriber's app updates the event instead of adding it twice.
    static func host(baseURL: String) -> String { URL(string: baseURL)?.host ?? "inspraak" }

    /// Midnight UTC of `day`, as DTSTAMP wants it.
    static func utcStamp(_ day: Day) -> String { basic(day) + "T000000Z" }

    /// `20190319`.
    static func basic(_ day: Day) -> String {
        let (year, month, date) = day.components
        return Day.pad(year, 4) + Day.pad(month, 2) + Day.pad(date, 2)
    }

    /// `20190319T193000` for a number of seconds counted from 1970 in local time.
    static func basic(localSeconds: Int) -> String {
        let days = Int((Double(localSeconds) / 86_400).rounded(.down))
        let seconds = localSeconds - days * 86_400
        return basic(Day(number: days)) + "T" + Day.pad(seconds / 3600, 2) + Day.pad(seconds % 3600 / 60, 2) + Day.pad(seconds % 60, 2)
    }

    /// The site's calendar and one per theme (also for a theme without meetings, so a
    /// subscription made today keeps working).
    static func all(_ graph: SiteGraph, siteTitle: String, strings: Strings) -> [MeetingCalendar] {
        let meetings = graph.records.filter { $0.kind == .meetings }
        let label = strings["kind.meetings"]
        var calendars = [MeetingCalendar(name: "\(label) – \(siteTitle)", path: siteFile, meetings: meetings)]
        for theme in graph.themes {
            calendars.append(MeetingCalendar(name: "\(theme.title) – \(siteTitle)", path: themeFile(theme.slug),
                                             meetings: graph.records(inTheme: theme.slug).filter { $0.kind == .meetings }))
        }
        return calendars
    }
}

/// The site's time zone as a VTIMEZONE: its actual transitions from Foundation's zone data over
/// the years the meetings are in, each a STANDARD or DAYLIGHT observance, so calendar apps need
/// no zone database of their own and every calendar of the site carries the same block.
struct CalendarZone: Sendable {
    let identifier: String
    let zone: TimeZone
    let lines: [String]

    init(identifier: String, years: ClosedRange<Int>) {
        self.identifier = identifier
        let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        self.zone = zone
        let start = Day(year: years.lowerBound, month: 1, day: 1) ?? Day(number: 0)
        let end = Day(year: years.upperBound + 1, month: 1, day: 1) ?? start.adding(days: 366)
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(identifier)"]
        // What holds at the start of the first year, so every time in range has an observance.
        let first = Date(timeIntervalSince1970: TimeInterval(start.number * 86_400))
        let firstOffset = zone.secondsFromGMT(for: first)
        lines += Self.observance(daylight: zone.isDaylightSavingTime(for: first), localStart: start.number * 86_400,
                                 from: firstOffset, to: firstOffset)
        var moment = first
        while let next = zone.nextDaylightSavingTimeTransition(after: moment),
              next.timeIntervalSince1970 < TimeInterval(end.number * 86_400) {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            let utc = Int(next.timeIntervalSince1970)
            // DTSTART of an observance is the wall-clock time it begins, read in the offset before.
            lines += Self.observance(daylight: zone.isDaylightSavingTime(for: next), localStart: utc + before, from: before, to: after)
            moment = next
        }
        lines.append("END:VTIMEZONE")
        self.lines = lines
    }

    /// The zone for `graph`'s meetings: the years they are in (or today's year when there are none).
    init(_ graph: SiteGraph, timezone: String) {
        let years = graph.records.filter { $0.kind == .meetings }.flatMap { record -> [Int] in
            [record.date.day.components.year] + (record.meeting?.end.map { [$0.day.components.year] } ?? [])
        }
        let today = graph.today.components.year
        self.init(identifier: timezone, years: (years.min() ?? today)...(years.max() ?? today))
    }

    /// `20190319T193000`: the wall-clock time in this zone of a moment given in UTC seconds.
    func local(_ utcSeconds: Int) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
        return MeetingCalendar.basic(localSeconds: utcSeconds + offset)
    }

    private static func observance(daylight: Bool, localStart: Int, from: Int, to: Int) -> [String] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        return ["BEGIN:\(kind)", "DTSTART:\(MeetingCalendar.basic(localSeconds: localStart))",
                "TZOFFSETFROM:\(offset(from))", "TZOFFSETTO:\(offset(to))", "END:\(kind)"]
    }

    /// `+0100`, `-0330`.
    static func offset(_ seconds: Int) -> String {
        (seconds < 0 ? "-" : "+") + Day.pad(abs(seconds) / 3600, 2) + Day.pad(abs(seconds) % 3600 / 60, 2)
    }
}
