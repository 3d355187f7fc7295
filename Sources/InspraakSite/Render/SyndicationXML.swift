import InspraakSource

/// The RSS 2.0 and Atom 1.0 text of every feed (records, change feeds): one writer per format,
/// so each feed differs only in what it holds. Built as text, not through a theme: feed readers
/// need exactly this, whatever the site looks like.
enum SyndicationXML {
    struct Entry: Sendable {
        let title: String
        let url: String
        /// RSS `guid`: the page URL (`isPermaLink`), or a stable id that is not one.
        let guid: String
        let guidIsPermaLink: Bool
        /// Atom `id`.
        let atomID: String
        let date: Moment
        let summary: String
        let categories: [String]
    }

    /// The feed as a whole: absolute URLs.
    struct Channel {
        let title: String
        let description: String
        let language: String
        let pageURL: String
        let selfURL: String
        /// Atom's feed id.
        let atomID: String
        let siteTitle: String
        let homeURL: String
        /// "Updated" of an empty Atom feed: the build's today, so one `--now` gives one output.
        let today: Day
    }

    static func rss(_ channel: Channel, _ entries: [Entry]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        out += "  <title>\(XMLText.escape(channel.title))</title>\n"
        out += "  <link>\(XMLText.escape(channel.pageURL))</link>\n"
        out += "  <description>\(XMLText.escape(channel.description))</description>\n"
        out += "  <language>\(XMLText.escape(channel.language))</language>\n"
        out += "  <atom:link href=\"\(XMLText.escape(channel.selfURL))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let first = entries.first {
            out += "  <lastBuildDate>\(RFC822.format(first.date))</lastBuildDate>\n"
        }
        for entry in entries {
            out += "  <item>\n"
            out += "    <title>\(XMLText.escape(entry.title))</title>\n"
            out += "    <link>\(XMLText.escape(entry.url))</link>\n"
            out += "    <guid isPermaLink=\"\(entry.guidIsPermaLink)\">\(XMLText.escape(entry.guid))</guid>\n"
            out += "    <pubDate>\(RFC822.format(entry.date))</pubDate>\n"
            out += "    <description>\(XMLText.escape(entry.summary))</description>\n"
            for category in entry.categories {
                out += "    <category>\(XMLText.escape(category))</category>\n"
            }
            out += "  </item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    static func atom(_ channel: Channel, _ entries: [Entry]) -> String {
        let updated = entries.first.map { RFC3339.format($0.date) } ?? channel.today.iso + "T00:00:00Z"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(channel.language))\">\n"
        out += "  <title>\(XMLText.escape(channel.title))</title>\n"
        out += "  <subtitle>\(XMLText.escape(channel.description))</subtitle>\n"
        out += "  <id>\(XMLText.escape(channel.atomID))</id>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(channel.pageURL))\"/>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(channel.selfURL))\"/>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <author><name>\(XMLText.escape(channel.siteTitle))</name><uri>\(XMLText.escape(channel.homeURL))</uri></author>\n"
        out += "  <generator>inspraak</generator>\n"
        for entry in entries {
            let date = RFC3339.format(entry.date)
            out += "  <entry>\n"
            out += "    <title>\(XMLText.escape(entry.title))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url))\"/>\n"
            out += "    <id>\(XMLText.escape(entry.atomID))</id>\n"
            out += "    <published>\(date)</published>\n"
            out += "    <updated>\(date)</updated>\n"
            out += "    <summary>\(XMLText.escape(entry.summary))</summary>\n"
            for category in entry.categories {
                out += "    <category term=\"\(XMLText.escape(category))\"/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
