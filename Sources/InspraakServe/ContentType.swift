import Foundation

/// The Content-Type of an output file, by its name and, for XML and JSON, its first bytes:
/// feed.xml is RSS and sitemap.xml is not, though both end in .xml.
enum ContentType {
    static func of(path: String, head: Data) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch ext {
        case "xml": return xml(head)
        case "json": return json(head)
        default: return byExtension[ext] ?? "application/octet-stream"
        }
    }

    static let html = "text/html; charset=utf-8"

    private static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "jsonld": "application/ld+json; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "ttl": "text/turtle; charset=utf-8",
        "svg": "image/svg+xml",
        "pdf": "application/pdf",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2",
        "webmanifest": "application/manifest+json",
        "odt": "application/vnd.oasis.opendocument.text",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip": "application/zip",
    ]

    /// RSS and Atom feeds by their root element; any other XML (sitemaps) as XML.
    private static func xml(_ head: Data) -> String {
        let text = String(decoding: head.prefix(512), as: UTF8.self)
        if text.contains("<rss ") || text.contains("<rss>") { return "application/rss+xml; charset=utf-8" }
        if text.contains("<feed ") || text.contains("<feed>") { return "application/atom+xml; charset=utf-8" }
        return "application/xml; charset=utf-8"
    }

    /// A JSON Feed by its version URL; any other JSON (open data) as JSON.
    private static func json(_ head: Data) -> String {
        let text = String(decoding: head.prefix(512), as: UTF8.self)
        return text.contains("https://jsonfeed.org/version/") ? "application/feed+json; charset=utf-8" : "application/json; charset=utf-8"
    }
}
