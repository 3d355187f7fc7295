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
    private let links: FrameLinks

    init(_ context: RenderContext, at path: String, title: String?, heading: String? = nil, description: String?, feeds: [FeedLink], section: String?) {
        self.context = context
        self.path = path
        self.title = title
        self.heading = heading
        self.description = description
        self.feeds = feeds
        self.section = section
        links = context.frameLinks(at: path, rooted: path == SitePaths.notFound)
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

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case lang, siteTitle, siteDescription, title, heading, description, canonical, isIndexable, homeHref
        case stylesheets, feeds, footerFeedHref, sitemapHref, openDataHref, accessibilityHref, nav, t
        case organisation, logo
    }

    /// The navigation, the stylesheets and the feed links draw the same on every page that has
    /// the same links (one folder depth), section and feeds: drawn once for all such pages.
    func fragmentKey(for name: TemplateKey) -> String? {
        guard let position = Self.keyIndex.table.position(of: name) else { return nil }
        switch Self.keyIndex.keys[position] {
        case .nav:
            let current = links.nav.first { $0.target == path }?.target ?? ""
            return "nav \(links.identity) \(section ?? "") \(current)"
        case .stylesheets:
            return "stylesheets \(links.identity)"
        case .feeds:
            // Absolute addresses (the same from every folder), each feed's title made from its own.
            return feeds.map(\.href).joined(separator: " ")
        default:
            return nil
        }
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
        case .homeHref: return .text(links.home)
        case .stylesheets: return links.stylesheets
        case .feeds: return .views(feeds)
        case .footerFeedHref: return .text(links.footerFeed)
        case .sitemapHref: return .text(links.sitemap)
        case .openDataHref: return .text(links.openData)
        case .accessibilityHref: return .text(links.accessibility)
        case .nav:
            return .views(links.nav.map { entry in
                NavEntry(label: entry.label, href: entry.href, section: section == entry.section, current: path == entry.target)
            })
        case .t: return context.stringTree
        case .organisation: return .optional(OrganisationView(settings.organisation))
        case .logo:
            return .optional(links.logo.map { LogoView(href: $0, alt: settings.organisation.name ?? settings.title) })
        }
    }
}

/// A page as its template sees it: the page kind's own view, then the frame for the names the
/// page kind does not have (the two never share a name; `ThemeContractTests` checks it).
struct FramedPage<Content: TemplateView>: TemplateObject {
    let frame: PageFrame
    let content: Content

    /// The content's own value, else the frame's. They share no name, so the frame is asked
    /// only for names the content does not have (or has no value for, which the frame lacks too).
    func value(for name: TemplateKey) -> TemplateValue? {
        content.value(for: name) ?? frame.value(for: name)
    }

    var templateKeys: [String] { Content.keys + PageFrame.keys }

    /// The frame's keys: the content gives none, and the two share no name.
    func fragmentKey(for name: TemplateKey) -> String? { frame.fragmentKey(for: name) }
}
