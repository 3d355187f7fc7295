import InspraakTemplates
import InspraakSource
/// The home page (`home` template): the latest and planned records, the open items, the themes,
/// the figures and a link per kind.
struct HomePage: TemplateView {
    let context: RenderContext
    let path = SitePaths.home
    /// Made once: `{{#jsonLD}}{{{jsonLD}}}{{/jsonLD}}` asks for it twice.
    let jsonLD: String

    init(context: RenderContext) {
        self.context = context
        jsonLD = JSONLD.website(context.settings, paths: context.paths).encoded
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case cardLevel, latest, planned, open, themes, themesHref, figures, kinds, jsonLD, changeFeeds }

    func value(_ key: Key) -> TemplateValue? {
        let graph = context.graph
        switch key {
        case .cardLevel: return .number(3)
        case .latest:
            return RecordCard.cards(PageContents.homeLatest(graph), from: path, context)
        case .planned:
            return RecordCard.cards(PageContents.homePlanned(graph), from: path, context)
        case .open: return .view(HomeOpen(context: context, path: path))
        case .themes: return .views(ThemeSummary.all(context, from: path))
        case .themesHref: return .text(SitePaths.relative(from: path, to: SitePaths.themes))
        case .figures: return .view(FiguresView(figures: context.figureShares.value.figures(for: graph.records), id: "cijfers-site", strings: context.strings))
        case .kinds:
            return .views(RecordKind.allCases.map { kind in
                KindLink(label: context.strings["kind.\(kind.rawValue)"], href: SitePaths.relative(from: path, to: SitePaths.list(kind, page: 1)),
                         count: graph.records.filter { $0.kind == kind }.count)
            })
        case .jsonLD: return .text(jsonLD)
        case .changeFeeds: return .views([ChangeFeedLink(ChangeFeed.feed(.site, context), paths: context.paths)])
        }
    }
}

/// The open items on the home page: how many, the oldest few, a link to all.
struct HomeOpen: TemplateView {
    let context: RenderContext
    let path: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case overdueCount, awaitingCount, oldest, href }

    func value(_ key: Key) -> TemplateValue? {
        let open = context.graph.statuses.open
        switch key {
        case .overdueCount: return .number(open.filter(\.isOverdue).count)
        case .awaitingCount: return .number(open.count - open.filter(\.isOverdue).count)
        case .oldest: return .views(PageContents.homeOldestOpen(context.graph).compactMap { OpenItemView(context, item: $0, from: path) })
        case .href: return .text(SitePaths.relative(from: path, to: SitePaths.open))
        }
    }
}

/// A link with how many things it leads to: a kind's list page, a group of open items.
struct KindLink: TemplateView {
    let label: String
    let href: String
    let count: Int

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case label, href, count }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .label: return .text(label)
        case .href: return .text(href)
        case .count: return .number(count)
        }
    }
}
