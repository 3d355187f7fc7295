import InspraakSource

/// Where each page lives in the output, and how one page links to another.
///
/// Pages link with relative URLs (`../../themes/`), so the site works from any sub-path of
/// `base_url` and even straight from disk; feeds and the sitemap use absolute URLs.
public struct SitePaths: Sendable {
    public let baseURL: String
    public let basePath: String

    init(_ settings: RenderSettings) {
        baseURL = settings.baseURL
        basePath = settings.basePath
    }

    /// Output folder (or file) of a page, relative to the output root, "" for the home page.
    static func record(_ record: Record) -> String { record.address }
    static func list(_ kind: RecordKind, page: Int) -> String {
        page <= 1 ? "\(kind.rawValue)/" : "\(kind.rawValue)/page/\(page)/"
    }
    static func theme(_ slug: String) -> String { "themes/\(slug)/" }
    static let themes = "themes/"
    static func council(_ slug: String) -> String { "councils/\(slug)/" }
    static let councils = "councils/"
    static func place(_ slug: String) -> String { "places/\(slug)/" }
    static let places = "places/"
    static let open = "open/"
    static let search = "search/"
    /// Pagefind's index and scripts, written after the site (`SearchIndex`).
    static let searchIndex = "pagefind/"
    /// The theme's script that adds the search form to the search page (a name under assets/).
    static let searchScript = "search.js"
    static let accessibility = "accessibility/"
    static let home = ""
    static let notFound = "404.html"

    /// The HTML file that serves a page path.
    static func file(for page: String) -> String {
        page.hasSuffix(".html") ? page : page + "index.html"
    }

    /// A link from the page at `from` to `to` (both output paths).
    static func relative(from: String, to: String) -> String {
        let depth = depth(of: from)
        if depth == 0 { return to.isEmpty ? "./" : to }
        // Written in place: every link of every page is one (`+` cost ~800 instructions).
        var target = to
        return target.withUTF8 { target in
            String(unsafeUninitializedCapacity: 3 * depth + target.count) { bytes in
                for index in 0..<depth {
                    bytes[3 * index] = UInt8(ascii: ".")
                    bytes[3 * index + 1] = UInt8(ascii: ".")
                    bytes[3 * index + 2] = UInt8(ascii: "/")
                }
                _ = UnsafeMutableBufferPointer(rebasing: bytes[(3 * depth)...]).initialize(from: target)
                return 3 * depth + target.count
            }
        }
    }

    /// How many folders deep a page is: output paths have no empty parts, so the number of
    /// slashes (`meetings/page/2/` is 3).
    static func depth(of path: String) -> Int {
        func slashes(_ bytes: some Sequence<UInt8>) -> Int {
            var depth = 0
            for byte in bytes where byte == UInt8(ascii: "/") { depth += 1 }
            return depth
        }
        // Over the stored bytes: asked for every link of every page.
        return path.utf8.withContiguousStorageIfAvailable(slashes) ?? slashes(path.utf8)
    }

    /// The deepest page a site has: a list page after the first (`meetings/page/2/`).
    static let deepestPage = 3

    /// `https://example.nl/participatie/meetings/x/`.
    func absolute(_ path: String) -> String { baseURL + path }

    /// `/participatie/meetings/x/`, for pages served at any address (404.html).
    func rooted(_ path: String) -> String { basePath + path }
}
