import InspraakSource

/// A feed of records (site, per type, per theme): RSS 2.0 with absolute links, RFC 822 dates,
/// the record's URL as its permanent guid and `atom:link rel="self"`; Atom and JSON Feed beside it.
struct RSSFeed: Sendable {
    let title: String
    let description: String
    /// Output path of the feed, e.g. `themes/mantelzorg/feed.xml`.
    let path: String
    /// Output path of the page the feed belongs to.
    let pagePath: String
    let records: [Record]

    func xml(_ context: RenderContext, into out: inout [UInt8]) {
        SyndicationXML.rss(channel(context), entries(context), into: &out)
    }

    func channel(_ context: RenderContext) -> SyndicationXML.Channel {
        let paths = context.paths
        return .init(title: title, description: description, language: context.settings.language,
                     pageURL: paths.absolute(pagePath), selfURL: paths.absolute(path), atomID: paths.absolute(pagePath),
                     siteTitle: context.settings.title, homeURL: paths.absolute(SitePaths.home), today: context.graph.today)
    }

    func entries(_ context: RenderContext) -> [SyndicationXML.Entry] {
        items(context).map {
            .init(title: $0.title, url: $0.url, guid: $0.url, guidIsPermaLink: true, atomIDRule: .url,
                  date: $0.date, summary: $0.summary, categories: $0.categories)
        }
    }
}

/// Dates as RSS 2.0 wants them: `Tue, 14 May 2019 19:30:00 +0200`, whatever the site's language.
enum RFC822 {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ moment: Moment) -> String {
        let (year, month, day) = moment.day.components
        let minutes = moment.minutes ?? 0
        let offset = moment.offsetSeconds
        // "Sun, 08 Apr 2016 19:30:00 +0200" written in place: every item of every feed has one
        // (68,000 at 1,000 records), and joining padded pieces cost ~370 instructions each.
        guard (0...9999).contains(year), (0..<1440).contains(minutes), abs(offset) < 24 * 3600 else {
            let zone = (offset < 0 ? "-" : "+") + Day.pad(abs(offset) / 3600, 2) + Day.pad(abs(offset) % 3600 / 60, 2)
            return "\(weekdays[moment.day.weekday]), \(Day.pad(day, 2)) \(months[month - 1]) \(Day.pad(year, 4)) "
                + "\(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2)):00 \(zone)"
        }
        return String(unsafeUninitializedCapacity: 31) { bytes in
            func put(_ text: String, at start: Int) {
                for (index, byte) in text.utf8.enumerated() { bytes[start + index] = byte }
            }
            put(weekdays[moment.day.weekday], at: 0)
            put(", ", at: 3)
            Day.writeDigits(day, count: 2, into: bytes, at: 5)
            bytes[7] = UInt8(ascii: " ")
            put(months[month - 1], at: 8)
            bytes[11] = UInt8(ascii: " ")
            Day.writeDigits(year, count: 4, into: bytes, at: 12)
            bytes[16] = UInt8(ascii: " ")
            FeedTime.writeClock(minutes, into: bytes, at: 17)
            bytes[25] = UInt8(ascii: " ")
            FeedTime.writeOffset(offset, colon: false, into: bytes, at: 26)
            return 31
        }
    }
}
