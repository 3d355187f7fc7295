/// Atom 1.0 (RFC 4287) beside every RSS feed, with the same items: the page's URL as the feed's
/// stable id, each record's URL as the entry's.
extension RSSFeed {
    func atom(builder: PageBuilder) -> String {
        let paths = builder.paths
        let config = builder.config
        let items = items(builder: builder)
        // An empty feed is as new as the build's today, so the output stays the same for one `--now`.
        let updated = items.first.map { RFC3339.format($0.date) } ?? builder.graph.today.iso + "T00:00:00Z"
        let page = XMLText.escape(paths.absolute(pagePath))
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(config.language))\">\n"
        out += "  <title>\(XMLText.escape(title))</title>\n"
        out += "  <subtitle>\(XMLText.escape(description))</subtitle>\n"
        out += "  <id>\(page)</id>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(page)\"/>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(paths.absolute(atomPath)))\"/>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <author><name>\(XMLText.escape(config.title))</name><uri>\(XMLText.escape(paths.absolute(SitePaths.home)))</uri></author>\n"
        out += "  <generator>inspraak</generator>\n"
        for item in items {
            let url = XMLText.escape(item.url)
            let date = RFC3339.format(item.date)
            out += "  <entry>\n"
            out += "    <title>\(XMLText.escape(item.title))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            out += "    <id>\(url)</id>\n"
            out += "    <published>\(date)</published>\n"
            out += "    <updated>\(date)</updated>\n"
            out += "    <summary>\(XMLText.escape(item.summary))</summary>\n"
            for category in item.categories {
                out += "    <category term=\"\(XMLText.escape(category))\"/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
