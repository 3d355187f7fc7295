import InspraakSource

/// One entry of a feed, the same in RSS, Atom and JSON Feed: chosen and worded once, here.
struct FeedItem: Sendable {
    let record: Record
    let title: String
    /// The record's page: its link and its permanent id.
    let url: String
    let date: Moment
    /// The summary; for advice, its status first, so a subscriber sees what is overdue.
    let summary: String
    /// The record's kind, then its themes.
    let categories: [String]
}

/// `atom.xml` and `feed.json` live beside each `feed.xml`.
enum FeedFormats {
    static func atom(besides rss: String) -> String { sibling(of: rss, named: "atom.xml") }
    static func json(besides rss: String) -> String { sibling(of: rss, named: "feed.json") }

    private static func sibling(of path: String, named name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}

extension RSSFeed {
    var atomPath: String { FeedFormats.atom(besides: path) }
    var jsonPath: String { FeedFormats.json(besides: path) }

    /// The newest records, up to the site's feed limit.
    func items(_ context: RenderContext) -> [FeedItem] {
        let graph = context.graph
        return PageContents.feedRecords(records, graph: graph, limit: context.settings.feedsLimit).map { record in
            var parts: [String] = []
            if let badge = context.recordBadge(record) {
                parts.append("\(context.strings["status_label"]): \(badge.label)" + (badge.detail.map { " (\($0))" } ?? "") + ".")
            }
            if let summary = context.texts.records[record.id]?.summaryText { parts.append(summary) }
            return FeedItem(record: record, title: record.title, url: context.paths.absolute(SitePaths.record(record)),
                            date: record.date, summary: parts.joined(separator: " "),
                            categories: [context.strings["kind_one.\(record.kind.rawValue)"]]
                                + graph.themesOf[record.id, default: []].map(context.themeTitle))
        }
    }
}

/// Dates as Atom and JSON Feed want them (RFC 3339): `2019-05-14T19:30:00+02:00`; a date
/// without a time is its midnight in the site's zone, as in RSS.
enum RFC3339 {
    static func format(_ moment: Moment) -> String {
        let minutes = moment.minutes ?? 0
        let offset = moment.offsetSeconds
        let (year, month, day) = moment.day.components
        // "2016-04-08T19:30:00+02:00" written in place (every Atom and JSON Feed item has one).
        guard (0...9999).contains(year), (0..<1440).contains(minutes), abs(offset) < 24 * 3600 else {
            let zone = (offset < 0 ? "-" : "+") + Day.pad(abs(offset) / 3600, 2) + ":" + Day.pad(abs(offset) % 3600 / 60, 2)
            return moment.day.iso + "T" + Day.pad(minutes / 60, 2) + ":" + Day.pad(minutes % 60, 2) + ":00" + zone
        }
        return String(unsafeUninitializedCapacity: 25) { bytes in
            Day.writeISO(year, month, day, into: bytes, at: 0)
            bytes[10] = UInt8(ascii: "T")
            FeedTime.writeClock(minutes, into: bytes, at: 11)
            FeedTime.writeOffset(offset, colon: true, into: bytes, at: 19)
            return 25
        }
    }
}

/// The time of day and offset of the feed dates, written in place (`RFC822`, `RFC3339`).
enum FeedTime {
    /// `HH:MM:00` (eight bytes) for minutes of the day below 1440.
    static func writeClock(_ minutes: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        Day.writeDigits(minutes / 60, count: 2, into: bytes, at: start)
        bytes[start + 2] = UInt8(ascii: ":")
        Day.writeDigits(minutes % 60, count: 2, into: bytes, at: start + 3)
        bytes[start + 5] = UInt8(ascii: ":")
        bytes[start + 6] = UInt8(ascii: "0")
        bytes[start + 7] = UInt8(ascii: "0")
    }

    /// `+HHMM`, or `+HH:MM` with `colon` (five or six bytes), for an offset below a day.
    static func writeOffset(_ offset: Int, colon: Bool, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        bytes[start] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        Day.writeDigits(abs(offset) / 3600, count: 2, into: bytes, at: start + 1)
        if colon { bytes[start + 3] = UInt8(ascii: ":") }
        Day.writeDigits(abs(offset) % 3600 / 60, count: 2, into: bytes, at: start + (colon ? 4 : 3))
    }
}
