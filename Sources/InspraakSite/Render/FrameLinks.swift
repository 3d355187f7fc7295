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
    /// Which links these are ("2": from two folders deep, "rooted"), the same for the same
    /// links: what the frame's fragment keys are made of.
    let identity: String

    /// A navigation entry before it knows the page: its section, label and link, and the page
    /// it leads to (to mark the entry current on that page).
    struct NavTarget: Sendable {
        let section: String
        let label: String
        let href: String
        let target: String
    }

    /// The navigation, in order: section key, its label's string and page.
    static let sections: [(key: String, label: String, target: String)] = [
        ("meetings", "kind.meetings", SitePaths.list(.meetings, page: 1)),
        ("advice", "kind.advice", SitePaths.list(.advice, page: 1)),
        ("feedback", "kind.feedback", SitePaths.list(.feedback, page: 1)),
        ("themes", "kind.themes", SitePaths.themes),
        ("councils", "kind.councils", SitePaths.councils),
        ("places", "kind.places", SitePaths.places),
        ("open", "kind.open", SitePaths.open),
    ]
    /// Search is a real link with words, last, so the other entries keep their places.
    static let search = (key: "search", label: "search.link", target: SitePaths.search)

    /// `link` turns a path under the output folder into an address from the page.
    init(assets: Assets, strings: Strings, search: Bool, identity: String, link: (String) -> String) {
        self.identity = identity
        home = link(SitePaths.home)
        stylesheets = .views(assets.stylesheetNames.map { StylesheetLink(href: link(assets.published[$0]!), name: $0) })
        footerFeed = link("feed.xml")
        sitemap = link("sitemap.xml")
        openData = link(OpenDataFiles.pagePath)
        accessibility = link(SitePaths.accessibility)
        logo = assets.logoPath.map(link)
        nav = (Self.sections + (search ? [Self.search] : [])).map {
            NavTarget(section: $0.key, label: strings[$0.label], href: link($0.target), target: $0.target)
        }
    }
}
