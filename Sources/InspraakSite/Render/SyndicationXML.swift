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
        /// How the Atom `id` is made: worked out when a feed is written, not kept per entry (a
        /// status change's tag id held for the whole build was 2% of its peak memory).
        let atomIDRule: AtomIDRule
        let date: Moment
        let summary: String
        let categories: [String]

        enum AtomIDRule: Sendable {
            /// The page's URL, as the record feeds have it.
            case url
            /// A `tag:` id from `guid` (`ChangeEntry.atomID`), as status changes have it.
            case tag(host: String)
        }

        /// Atom `id`.
        var atomID: String {
            switch atomIDRule {
            case .url: return url
            case .tag(let host): return ChangeEntry.atomID(guid, host: host)
            }
        }
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

    /// Written as bytes into the file's buffer (emptied first, its capacity kept): feeds were
    /// built as strings, appended to piece by piece, then copied into bytes (~8% of a build's
    /// instructions went to string appends).
    static func rss(_ channel: Channel, _ entries: [Entry], into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(1_024 + entries.count * 640)
        put(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put(&out, "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
        put(&out, "  <title>", channel.title, "</title>\n")
        put(&out, "  <link>", channel.pageURL, "</link>\n")
        put(&out, "  <description>", channel.description, "</description>\n")
        put(&out, "  <language>", channel.language, "</language>\n")
        put(&out, "  <atom:link href=\"", channel.selfURL, "\" rel=\"self\" type=\"application/rss+xml\"/>\n")
        if let first = entries.first {
            put(&out, "  <lastBuildDate>", raw: RFC822.format(first.date), "</lastBuildDate>\n")
        }
        for entry in entries {
            put(&out, "  <item>\n")
            put(&out, "    <title>", entry.title, "</title>\n")
            put(&out, "    <link>", entry.url, "</link>\n")
            put(&out, entry.guidIsPermaLink ? "    <guid isPermaLink=\"true\">" : "    <guid isPermaLink=\"false\">", entry.guid, "</guid>\n")
            put(&out, "    <pubDate>", raw: RFC822.format(entry.date), "</pubDate>\n")
            put(&out, "    <description>", entry.summary, "</description>\n")
            for category in entry.categories {
                put(&out, "    <category>", category, "</category>\n")
            }
            put(&out, "  </item>\n")
        }
        put(&out, "</channel>\n</rss>\n")
    }

    /// The same for Atom.
    static func atom(_ channel: Channel, _ entries: [Entry], into out: inout [UInt8]) {
        let updated = entries.first.map { RFC3339.format($0.date) } ?? channel.today.iso + "T00:00:00Z"
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(1_024 + entries.count * 640)
        put(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put(&out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"", channel.language, "\">\n")
        put(&out, "  <title>", channel.title, "</title>\n")
        put(&out, "  <subtitle>", channel.description, "</subtitle>\n")
        put(&out, "  <id>", channel.atomID, "</id>\n")
        put(&out, "  <link rel=\"alternate\" type=\"text/html\" href=\"", channel.pageURL, "\"/>\n")
        put(&out, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"", channel.selfURL, "\"/>\n")
        put(&out, "  <updated>", raw: updated, "</updated>\n")
        put(&out, "  <author><name>", channel.siteTitle, "</name>")
        put(&out, "<uri>", channel.homeURL, "</uri></author>\n")
        put(&out, "  <generator>inspraak</generator>\n")
        for entry in entries {
            let date = RFC3339.format(entry.date)
            put(&out, "  <entry>\n")
            put(&out, "    <title>", entry.title, "</title>\n")
            put(&out, "    <link rel=\"alternate\" type=\"text/html\" href=\"", entry.url, "\"/>\n")
            put(&out, "    <id>", entry.atomID, "</id>\n")
            put(&out, "    <published>", raw: date, "</published>\n")
            put(&out, "    <updated>", raw: date, "</updated>\n")
            put(&out, "    <summary>", entry.summary, "</summary>\n")
            for category in entry.categories {
                put(&out, "    <category term=\"", category, "\"/>\n")
            }
            put(&out, "  </entry>\n")
        }
        put(&out, "</feed>\n")
    }

    /// Markup as it is.
    private static func put(_ out: inout [UInt8], _ markup: StaticString) {
        XMLText.append(markup, to: &out)
    }

    /// `open`, `text` escaped, `close`.
    private static func put(_ out: inout [UInt8], _ open: StaticString, _ text: String, _ close: StaticString) {
        put(&out, open)
        XMLText.escape(text, into: &out)
        put(&out, close)
    }

    /// `open`, `text` as it is (a date, which has nothing to escape), `close`.
    private static func put(_ out: inout [UInt8], _ open: StaticString, raw text: String, _ close: StaticString) {
        put(&out, open)
        out.append(contentsOf: text.utf8)
        put(&out, close)
    }
}
