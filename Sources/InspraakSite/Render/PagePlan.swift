import InspraakSource
import InspraakTemplates

/// The HTML pages a site has, where each one lives, which template draws it and the view it
/// gets. Paths are known without building views, so the sitemap and the output plan can be
/// made before any page is rendered.
struct PagePlan: Sendable {
    enum Page: Sendable {
        case home
        case list(RecordKind, page: Int)
        case record(Int)
        case themes
        case theme(Int)
        case councils
        case council(Int)
        case places
        case place(Int)
        case open
        case search
        case accessibility
        case openData
        case notFound

        var template: String {
            switch self {
            case .home: return "home"
            case .list: return "list"
            case .record: return "record"
            case .themes: return "themes"
            case .theme: return "theme"
            case .councils: return "councils"
            case .council: return "council"
            case .places: return "places"
            case .place: return "place"
            case .open: return "open"
            case .search: return "search"
            case .accessibility: return "accessibility"
            case .openData: return "data"
            case .notFound: return "404"
            }
        }

        /// The open items: which records it shows depends on statuses it does not count, so a
        /// record that becomes open is not among its inputs before.
        var choosesByStatus: Bool {
            if case .open = self { return true }
            return false
        }

        /// Roughly how much a page holds: the open items and each theme list many records.
        var weight: Int {
            switch self {
            case .open: return 3
            case .theme, .council, .place: return 2
            case .home, .themes, .councils, .places: return 1
            default: return 0
            }
        }
    }

    let context: RenderContext
    /// Records of each kind, newest first.
    let byKind: [RecordKind: [Record]]
    /// Every page, in a fixed order (the sitemap's).
    let all: [Page]

    /// The pages of `graph` drawn with `theme`; nil when the theme has no UI strings for the
    /// site's language.
    init?(_ graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles, texts: RenderedTexts, changes: ChangeWording = ChangeWording()) {
        guard let groundwork = RenderContext.Groundwork(graph: graph, settings: settings, theme: theme) else { return nil }
        self.init(context: RenderContext(groundwork, texts: texts, changes: changes))
    }

    init(context: RenderContext) {
        let graph = context.graph
        self.context = context
        byKind = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, graph.newestFirst(graph.records.filter { $0.kind == kind }))
        })
        var pages: [Page] = [.home, .themes, .councils, .places, .open]
        if context.settings.searchEnabled { pages.append(.search) }
        pages += [.accessibility, .notFound]
        for kind in RecordKind.allCases {
            let count = PageContents.pageCount(byKind[kind]!.count, size: context.settings.paginationSize)
            pages += (1...count).map { Page.list(kind, page: $0) }
        }
        pages += graph.records.indices.map(Page.record)
        pages += graph.themes.indices.map(Page.theme)
        pages += graph.councils.indices.map(Page.council)
        pages += graph.places.indices.map(Page.place)
        pages.append(.openData)
        all = pages
    }

    func path(of page: Page) -> String {
        switch page {
        case .home: return SitePaths.home
        case .list(let kind, let number): return SitePaths.list(kind, page: number)
        case .record(let index): return SitePaths.record(context.graph.records[index])
        case .themes: return SitePaths.themes
        case .theme(let index): return SitePaths.theme(context.graph.themes[index].slug)
        case .councils: return SitePaths.councils
        case .council(let index): return SitePaths.council(context.graph.councils[index].slug)
        case .places: return SitePaths.places
        case .place(let index): return SitePaths.place(context.graph.places[index].slug)
        case .open: return SitePaths.open
        case .search: return SitePaths.search
        case .accessibility: return SitePaths.accessibility
        case .openData: return OpenDataFiles.pagePath
        case .notFound: return SitePaths.notFound
        }
    }

    /// The page's view: its kind's own, in the site's frame.
    func view(of page: Page) -> TemplateValue {
        let context = context
        let feeds = PageFrame.feeds(context)
        let strings = context.strings
        switch page {
        case .home:
            return framed(HomePage(context: context), PageFrame(context, at: SitePaths.home, title: nil, description: nil, feeds: feeds, section: nil))
        case .list(let kind, let number):
            let list = ListPage(context: context, kind: kind, page: number, records: byKind[kind] ?? [])
            return framed(list, list.frame)
        case .record(let index):
            return Self.recordView(context, index: index)
        case .themes:
            return framed(ThemesPage(context: context), PageFrame(context, at: SitePaths.themes, title: strings["kind.themes"],
                                                                  description: strings["themes_intro"], feeds: feeds, section: "themes"))
        case .theme(let index):
            let theme = ThemePage(context, theme: context.graph.themes[index])
            return framed(theme, theme.frame)
        case .councils:
            return framed(CouncilsPage(context: context), PageFrame(context, at: SitePaths.councils, title: strings["kind.councils"],
                                                                    description: strings["councils_intro"], feeds: feeds, section: "councils"))
        case .council(let index):
            let council = CouncilPage(context, council: context.graph.councils[index])
            return framed(council, council.frame)
        case .places:
            return framed(PlacesPage(context: context), PageFrame(context, at: SitePaths.places, title: strings["kind.places"],
                                                                  description: strings["places_intro"], feeds: feeds, section: "places"))
        case .place(let index):
            let place = PlacePage(context, place: context.graph.places[index])
            return framed(place, place.frame)
        case .open:
            return framed(OpenPage(context: context), PageFrame(context, at: SitePaths.open, title: strings["kind.open"],
                                                                description: strings["open.intro"], feeds: feeds, section: "open"))
        case .search:
            return framed(SearchPage(context: context), PageFrame(context, at: SitePaths.search, title: strings["search.title"],
                                                                  description: strings["search.intro"], feeds: feeds, section: "search"))
        case .accessibility:
            return framed(AccessibilityPage(), PageFrame(context, at: SitePaths.accessibility, title: strings["statement.title"],
                                                         description: strings["statement.intro"], feeds: feeds, section: nil))
        case .openData:
            return framed(DataPage(context: context), PageFrame(context, at: OpenDataFiles.pagePath, title: strings["data.title"],
                                                                description: strings["data.intro"], feeds: feeds, section: nil))
        case .notFound:
            return framed(NotFoundPage(context: context), PageFrame(context, at: SitePaths.notFound, title: strings["not_found_title"],
                                                                    description: nil, feeds: feeds, section: nil))
        }
    }

    /// A record's page (by its position in the graph), as `view(of: .record(index))` gives it:
    /// without the rest of the plan (`serve` after an edit to a text).
    static func recordView(_ context: RenderContext, index: Int) -> TemplateValue {
        let record = RecordPage(context: context, record: context.graph.records[index])
        return .view(FramedPage(frame: record.frame, content: record))
    }

    private func framed(_ content: some TemplateView, _ frame: PageFrame) -> TemplateValue {
        .view(FramedPage(frame: frame, content: content))
    }
}
