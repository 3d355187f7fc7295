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
        let graph = builder.graph
        let newest = graph.newestFirst(records).prefix(graph.config.feedsLimit)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        out += "  <title>\(XMLText.escape(title))</title>\n"
        out += "  <link>\(XMLText.escape(paths.absolute(pagePath)))</link>\n"
        out += "  <description>\(XMLText.escape(description))</description>\n"
        out += "  <language>\(graph.config.language)</language>\n"
        out += "  <atom:link href=\"\(XMLText.escape(paths.absolute(path)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let first = newest.first {
            out += "  <lastBuildDate>\(RFC822.format(first.date))</lastBuildDate>\n"
        }
        for record in newest {
            let url = paths.absolute(SitePaths.record(record))
            out += "  <item>\n"
            out += "    <title>\(XMLText.escape(record.title))</title>\n"
            out += "    <link>\(XMLText.escape(url))</link>\n"
            out += "    <guid isPermaLink=\"true\">\(XMLText.escape(url))</guid>\n"
            out += "    <pubDate>\(RFC822.format(record.date))</pubDate>\n"
            out += "    <description>\(XMLText.escape(description(of: record, builder: builder)))</description>\n"
            out += "    <category>\(XMLText.escape(builder.strings["kind_one.\(record.kind.rawValue)"]))</category>\n"
            for slug in graph.themesOf[record.id, default: []] {
                out += "    <category>\(XMLText.escape(builder.themeTitle(slug)))</category>\n"
            }
            out += "  </item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    /// The summary; for advice, its status first, so a subscriber sees what is overdue.
    private func description(of record: Record, builder: PageBuilder) -> String {
        var parts: [String] = []
        if let badge = builder.recordBadge(record) {
            parts.append("\(builder.strings["status_label"]): \(badge.label)" + (badge.detail.map { " (\($0))" } ?? "") + ".")
        }
        if let summary = builder.texts.records[record.id]?.summaryText { parts.append(summary) }
        return parts.joined(separator: " ")
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
