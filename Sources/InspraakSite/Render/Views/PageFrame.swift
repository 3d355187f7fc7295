import InspraakTemplates
import InspraakSource
/// What every page has: head, header, navigation, footer (`base` template). Links are relative
/// to the page, except on the 404 page, which is served at any address (root-relative there).
struct PageFrame: TemplateView {
    let context: RenderContext
    /// The page's output path.
    let path: String
    /// The page's own title; nil on the home page (the site's title then).
    let title: String?
    /// The `<h1>`, when it is not the title (a list page after the first).
    let heading: String?
    let description: String?
    let feeds: [FeedLink]
    /// The navigation entry the page belongs to (`meetings`, `themes`, …).
    let section: String?

    init(_ context: RenderContext, at path: String, title: String?, heading: String? = nil, description: String?, feeds: [FeedLink], section: String?) {
        self.context = context
        self.path = path
        self.title = title
        self.heading = heading
        self.description = description
        self.feeds = feeds
        self.section = section
    }

    /// Feeds a record-related page announces: the site's, the kind's, and each of the themes'
    /// (their links made once per build, in `RenderContext`).
    static func feeds(_ context: RenderContext, kind: RecordKind? = nil, themes: [String] = []) -> [FeedLink] {
        var feeds = [context.siteFeed]
        if let kind { feeds.append(context.feed(of: kind)) }
        for slug in themes { feeds.append(context.feed(ofTheme: slug)) }
        return feeds
    }

    private var isNotFound: Bool { path == SitePaths.notFound }

    private func link(_ target: String) -> String {
        isNotFound ? context.paths.rooted(target) : SitePaths.relative(from: path, to: target)
    }

    static let keyIndex = KeyIndex<Key>()

    enum Key: String, CaseIterable {
        case lang, siteTitle, siteDescription, title, heading, description, canonical, isIndexable, homeHref
        case stylesheets, feeds, footerFeedHref, sitemapHref, openDataHref, accessibilityHref, nav, t
    }

    func value(_ key: Key) -> TemplateValue? {
        let settings = context.settings
        switch key {
        case .lang: return .text(settings.language)
        case .siteTitle: return .text(settings.title)
        case .siteDescription: return settings.description.isEmpty ? nil : .text(settings.description)
        case .title: return .text(title.map { "\($0) – \(settings.title)" } ?? settings.title)
        case .heading: return .text(heading ?? title ?? settings.title)
        case .description: return .text(description ?? settings.description)
        case .canonical: return .text(isNotFound ? "" : context.paths.absolute(path))
        case .isIndexable: return .bool(!isNotFound)
        case .homeHref: return .text(link(SitePaths.home))
        case .stylesheets:
            return .views(context.assets.stylesheetNames.map { StylesheetLink(href: link(context.assets.published[$0]!), name: $0) })
        case .feeds: return .views(feeds)
        case .footerFeedHref: return .text(link("feed.xml"))
        case .sitemapHref: return .text(link("sitemap.xml"))
        case .openDataHref: return .text(link(OpenDataFiles.pagePath))
        case .accessibilityHref: return .text(link(SitePaths.accessibility))
        case .nav:
            let entries = [
                ("meetings", SitePaths.list(.meetings, page: 1)),
                ("advice", SitePaths.list(.advice, page: 1)),
                ("feedback", SitePaths.list(.feedback, page: 1)),
                ("themes", SitePaths.themes),
                ("councils", SitePaths.councils),
                ("places", SitePaths.places),
                ("open", SitePaths.open),
            ]
            return .views(entries.map { key, target in
                NavEntry(label: context.strings["kind.\(key)"], href: link(target), section: section == key, current: path == target)
            })
        case .t: return context.stringTree
        }
    }
}

/// A page as its template sees it: the page kind's own view, then the frame for the names the
/// page kind does not have (the two never share a name; `ThemeContractTests` checks it).
struct FramedPage<Content: TemplateView>: TemplateObject {
    let frame: PageFrame
    let content: Content

    func value(for name: String) -> TemplateValue? {
        let index = Content.keyIndex
        if let position = index.position(of: name) { return content.value(index.keys[position]) }
        return frame.value(for: name)
    }

    var templateKeys: [String] { Content.keys + PageFrame.keys }
}
