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
        let zone = (offset < 0 ? "-" : "+") + Day.pad(abs(offset) / 3600, 2) + Day.pad(abs(offset) % 3600 / 60, 2)
        return "\(weekdays[moment.day.weekday]), \(Day.pad(day, 2)) \(months[month - 1]) \(Day.pad(year, 4)) "
            + "\(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2)):00 \(zone)"
    }
}
