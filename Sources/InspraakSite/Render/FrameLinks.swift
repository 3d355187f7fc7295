import InspraakTemplates
import InspraakSource
/// The links in every page's frame (home, stylesheets, navigation, footer), as seen from one
/// folder depth, or root-relative for the 404 page. They depend on nothing else of a page, so
/// `RenderContext` makes them once per depth and a build does not make them again per page.
struct FrameLinks: Sendable {
    let home: String
    let stylesheets: TemplateValue
    let footerFeed: String
    let sitemap: String
    let openData: String
    let accessibility: String
    /// The organisation's logo (`[organisation] logo`, else the theme's), when there is one.
    let logo: String?
    let nav: [NavTarget]

    /// A navigation entry before it knows the page: its section, label and link, and the page
    /// it leads to (to mark the entry current on that page).
    struct NavTarget: Sendable {
        let section: String
        let label: String
        let href: String
        let target: String
    }

    /// The navigation, in order: section key (also its label's `kind.<key>`) and page.
    static let sections: [(key: String, target: String)] = [
        ("meetings", SitePaths.list(.meetings, page: 1)),
        ("advice", SitePaths.list(.advice, page: 1)),
        ("feedback", SitePaths.list(.feedback, page: 1)),
        ("themes", SitePaths.themes),
        ("open", SitePaths.open),
    ]

    /// `link` turns a path under the output folder into an address from the page.
    init(assets: Assets, strings: Strings, link: (String) -> String) {
        home = link(SitePaths.home)
        stylesheets = .views(assets.stylesheetNames.map { StylesheetLink(href: link(assets.published[$0]!), name: $0) })
        footerFeed = link("feed.xml")
        sitemap = link("sitemap.xml")
        openData = link(OpenDataFiles.pagePath)
        accessibility = link(SitePaths.accessibility)
        logo = assets.logoPath.map(link)
        nav = Self.sections.map { NavTarget(section: $0.key, label: strings["kind.\($0.key)"], href: link($0.target), target: $0.target) }
    }
}
