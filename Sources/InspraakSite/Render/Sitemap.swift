import InspraakSource

/// `sitemap.xml` (every indexable page) and `robots.txt` pointing at it.
enum Sitemap {
    struct Entry {
        let path: String
        let lastModified: Day?
    }

    static func xml(_ entries: [Entry], paths: SitePaths) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            out += "  <url><loc>\(XMLText.escape(paths.absolute(entry.path)))</loc>"
            if let day = entry.lastModified { out += "<lastmod>\(day.iso)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// `also`: further sitemaps (the Woo index's), by output path.
    static func robots(paths: SitePaths, also: [String] = []) -> String {
        "User-agent: *\nAllow: /\n\n" + (["sitemap.xml"] + also).map { "Sitemap: \(paths.absolute($0))\n" }.joined()
    }
}
