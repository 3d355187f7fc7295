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
        case open
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
            case .open: return "open"
            case .accessibility: return "accessibility"
            case .openData: return "data"
            case .notFound: return "404"
            }
        }

        /// Roughly how much a page holds: the open items and each theme list many records.
        var weight: Int {
            switch self {
            case .open: return 3
            case .theme: return 2
            case .home, .themes: return 1
            default: return 0
            }
        }
    }

    let builder: PageBuilder
    /// Records of each kind, newest first.
    let byKind: [RecordKind: [Record]]
    /// Every page, in a fixed order (the sitemap's).
    let all: [Page]

    /// The pages of `graph` drawn with `theme`; nil when the theme has no UI strings for the
    /// site's language.
    init?(_ graph: SiteGraph, config: SiteConfig, theme: ThemeFiles, texts: RenderedTexts) {
        guard let table = theme.strings[config.language] else { return nil }
        self.init(builder: PageBuilder(graph: graph, config: config, strings: Strings(table, language: config.language),
                                       texts: texts, assets: Assets(theme)))
    }

    init(builder: PageBuilder) {
        let graph = builder.graph
        self.builder = builder
        byKind = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, graph.newestFirst(graph.records.filter { $0.kind == kind }))
        })
        var pages: [Page] = [.home, .themes, .open, .accessibility, .notFound]
        for kind in RecordKind.allCases {
            let count = PageContents.pageCount(byKind[kind]!.count, size: builder.config.paginationSize)
            pages += (1...count).map { Page.list(kind, page: $0) }
        }
        pages += graph.records.indices.map(Page.record)
        pages += graph.themes.indices.map(Page.theme)
        pages.append(.openData)
        all = pages
    }

    func path(of page: Page) -> String {
        switch page {
        case .home: return SitePaths.home
        case .list(let kind, let number): return SitePaths.list(kind, page: number)
        case .record(let index): return SitePaths.record(builder.graph.records[index])
        case .themes: return SitePaths.themes
        case .theme(let index): return SitePaths.theme(builder.graph.themes[index].slug)
        case .open: return SitePaths.open
        case .accessibility: return SitePaths.accessibility
        case .openData: return OpenDataFiles.pagePath
        case .notFound: return SitePaths.notFound
        }
    }

    func view(of page: Page) -> View {
        switch page {
        case .home:
            var view = builder.homePage()
            view["jsonLD"] = .text(JSONLD.website(builder: builder).encoded)
            view["changeFeeds"] = builder.changeFeedLinks([.site])
            return view
        case .list(let kind, let number):
            var view = builder.listPage(kind, page: number, of: byKind[kind] ?? [])
            if kind == .meetings { view["calendar"] = builder.calendarLinks(from: path(of: page), file: MeetingCalendar.siteFile) }
            return view
        case .record(let index):
            let record = builder.graph.records[index]
            let description = builder.texts.records[record.id]?.summaryText
            // The date in the page title: recurring meetings share names ("Stamtafel wonen").
            var view = builder.frame(at: path(of: page), title: "\(record.title), \(builder.strings.longDate(record.date.day))",
                                     description: description,
                                     feeds: builder.feeds(kind: record.kind, themes: builder.graph.themesOf[record.id] ?? []),
                                     section: record.kind.rawValue)
            view["record"] = builder.recordPage(record)
            view["jsonLD"] = .text(JSONLD.record(record, builder: builder).encoded)
            if record.kind == .meetings { view["calendar"] = builder.calendarLinks(from: path(of: page), file: MeetingCalendar.siteFile) }
            if record.kind != .feedback {
                view["follow"] = builder.followLink()
                view["changeFeeds"] = builder.changeFeedLinks([.record(record.id)])
            }
            return view
        case .themes: return builder.themesPage()
        case .theme(let index):
            let slug = builder.graph.themes[index].slug
            var view = builder.themePage(builder.graph.themes[index])
            view["calendar"] = builder.calendarLinks(from: path(of: page), file: MeetingCalendar.themeFile(slug))
            view["changeFeeds"] = builder.changeFeedLinks([.theme(slug)])
            return view
        case .open: return builder.openPage()
        case .accessibility:
            return builder.frame(at: SitePaths.accessibility, title: builder.strings["statement.title"],
                                 description: builder.strings["statement.intro"], feeds: builder.feeds(), section: nil)
        case .openData: return builder.openDataPage()
        case .notFound: return builder.notFoundPage()
        }
    }
}
