/// RSS 2.0 feeds: absolute links, RFC 822 dates, the record's URL as its permanent guid,
/// and `atom:link rel="self"`. Built as text here, not through a theme: feed readers need
/// exactly this, whatever the site looks like.
struct RSSFeed: Sendable {
    let title: String
    let description: String
    /// Output path of the feed, e.g. `themes/mantelzorg/feed.xml`.
    let path: String
    /// Output path of the page the feed belongs to.
    let pagePath: String
    let records: [Record]

    func xml(builder: PageBuilder) -> String {
        let paths = builder.paths
        let items = items(builder: builder)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        out += "  <title>\(XMLText.escape(title))</title>\n"
        out += "  <link>\(XMLText.escape(paths.absolute(pagePath)))</link>\n"
        out += "  <description>\(XMLText.escape(description))</description>\n"
        out += "  <language>\(builder.config.language)</language>\n"
        out += "  <atom:link href=\"\(XMLText.escape(paths.absolute(path)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let first = items.first {
            out += "  <lastBuildDate>\(RFC822.format(first.date))</lastBuildDate>\n"
        }
        for item in items {
            out += "  <item>\n"
            out += "    <title>\(XMLText.escape(item.title))</title>\n"
            out += "    <link>\(XMLText.escape(item.url))</link>\n"
            out += "    <guid isPermaLink=\"true\">\(XMLText.escape(item.url))</guid>\n"
            out += "    <pubDate>\(RFC822.format(item.date))</pubDate>\n"
            out += "    <description>\(XMLText.escape(item.summary))</description>\n"
            for category in item.categories {
                out += "    <category>\(XMLText.escape(category))</category>\n"
            }
            out += "  </item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
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
