import InspraakTemplates
import InspraakSource
/// What every page, feed and calendar is made with: the graph, the site's settings, where pages
/// live, the UI strings, the rendered Markdown and the assets; plus the few things each record
/// shows wherever it appears (its date and status badge, its trail), made once per build.
/// It makes words and links, never template values: views do that (`Render/Views`). A class,
/// so the many small views that hold it share one.
final class RenderContext: Sendable {
    let graph: SiteGraph
    let settings: RenderSettings
    let strings: Strings
    let texts: RenderedTexts
    let paths: SitePaths
    let assets: Assets
    /// `t` in every template.
    let stringTree: TemplateValue
    /// What each record's page shows of its trail, in the order of `graph.records`.
    let trails: [TrailWindow]
    /// A record's date and status badge as template values, made once: a record is on its own
    /// page, a list page, one or more theme pages and other records' trails.
    private let recordFacts: [String: RecordFacts]
    /// Each theme's link as seen from a page `depth` folders deep (`themeLinksByDepth[depth][slug]`).
    private let themeLinksByDepth: [[String: TemplateValue]]
    /// "Bijeenkomst" and "Bijeenkomsten" per kind, looked up once.
    private let kindLabels: [RecordKind: (one: String, many: String)]
    /// The record feeds pages announce (`PageFrame.feeds`), made once: the site's, each
    /// kind's, each theme's.
    let siteFeed: FeedLink
    private let kindFeeds: [RecordKind: FeedLink]
    private let themeFeeds: [String: FeedLink]
    /// The frame's links from a page `depth` folders deep, and root-relative ones (404 page).
    private let frameLinksByDepth: [FrameLinks]
    private let rootedFrameLinks: FrameLinks
    /// The status changes, logged and worded when a change feed first asks.
    let changes: ChangeWording
    /// The open-data tables, made when the first data file (or the map) asks.
    let openDataTables: Once<[DataTable]>

    private struct RecordFacts: Sendable {
        let date: TemplateValue
        let status: TemplateValue
    }

    /// `changes`: the wording of a build before to take over (`serve`), else a new one.
    init(graph: SiteGraph, settings: RenderSettings, strings: Strings, texts: RenderedTexts, assets: Assets, changes: ChangeWording = ChangeWording()) {
        self.graph = graph
        self.changes = changes
        self.settings = settings
        self.strings = strings
        self.texts = texts
        self.paths = SitePaths(settings)
        self.assets = assets
        // Indexed: every page looks up `t.…` names dozens of times.
        self.stringTree = strings.templateTree().indexed()
        self.kindLabels = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map {
            ($0, (strings["kind_one.\($0.rawValue)"], strings["kind.\($0.rawValue)"]))
        })
        self.themeLinksByDepth = (0...SitePaths.deepestPage).map { depth in
            let page = String(repeating: "x/", count: depth)
            return Dictionary(graph.themes.map { theme in
                (theme.slug, .view(ThemeLink(title: theme.title, href: SitePaths.relative(from: page, to: SitePaths.theme(theme.slug)))))
            }) { first, _ in first }
        }
        self.trails = graph.trailWindows()
        let facts = graph.records.parallelMap { record in
            RecordFacts(date: .view(TimeView(record.date, strings: strings)), status: .optional(Self.recordBadge(record, graph: graph, strings: strings)))
        }
        self.recordFacts = Dictionary(zip(graph.records.map(\.id), facts)) { first, _ in first }
        let paths = SitePaths(settings)
        let site = settings.title
        self.siteFeed = FeedLink(title: site, path: "feed.xml", paths: paths)
        self.kindFeeds = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map {
            ($0, FeedLink(title: "\(strings["kind.\($0.rawValue)"]) – \(site)", path: "\($0.rawValue)/feed.xml", paths: paths))
        })
        self.themeFeeds = Dictionary(graph.themes.map {
            ($0.slug, Self.themeFeed($0.slug, graph: graph, site: site, paths: paths))
        }) { first, _ in first }
        self.frameLinksByDepth = (0...SitePaths.deepestPage).map { depth in
            let page = String(repeating: "x/", count: depth)
            return FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled) { SitePaths.relative(from: page, to: $0) }
        }
        self.rootedFrameLinks = FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled) { paths.rooted($0) }
        self.openDataTables = Once { OpenDataTables.all(graph, paths: paths) }
    }

    /// `earlier` over a graph updated from its graph (`SiteGraph.updating`: same records, links
    /// and trails; other answers, statuses, titles or texts for `update.restated`): trails are
    /// taken over with the changed records swapped in, dates and badges made again for the
    /// records restated, and the open-data tables made anew when asked (`tables`: those to keep).
    init(updating earlier: RenderContext, graph: SiteGraph, texts: RenderedTexts, update: GraphUpdate, changes: ChangeWording,
         tables: Once<[DataTable]>? = nil) {
        self.graph = graph
        self.texts = texts
        self.changes = changes
        settings = earlier.settings
        strings = earlier.strings
        paths = earlier.paths
        assets = earlier.assets
        stringTree = earlier.stringTree
        trails = update.replaced.isEmpty ? earlier.trails : earlier.trails.map { $0.replacing(update.replaced) }
        var facts = earlier.recordFacts
        for id in update.restated {
            guard let record = graph.record(id) else { continue }
            facts[id] = RecordFacts(date: .view(TimeView(record.date, strings: strings)),
                                    status: .optional(Self.recordBadge(record, graph: graph, strings: strings)))
        }
        recordFacts = facts
        themeLinksByDepth = earlier.themeLinksByDepth
        kindLabels = earlier.kindLabels
        siteFeed = earlier.siteFeed
        kindFeeds = earlier.kindFeeds
        themeFeeds = earlier.themeFeeds
        frameLinksByDepth = earlier.frameLinksByDepth
        rootedFrameLinks = earlier.rootedFrameLinks
        let paths = paths
        openDataTables = tables ?? Once { OpenDataTables.all(graph, paths: paths) }
    }

    /// `earlier` over a graph that differs from its graph only in record bodies, with those
    /// texts rendered anew (`serve` after an edit to a record's text): nothing else here reads
    /// a body, so the rest is taken over, the open-data tables too (they hold written
    /// summaries, never a body).
    convenience init(reusing earlier: RenderContext, graph: SiteGraph, texts: RenderedTexts) {
        self.init(updating: earlier, graph: graph, texts: texts, update: .none, changes: earlier.changes, tables: earlier.openDataTables)
    }

    /// The frame's links for the page at `path` (root-relative when it is served at any address).
    func frameLinks(at path: String, rooted: Bool) -> FrameLinks {
        if rooted { return rootedFrameLinks }
        let depth = SitePaths.depth(of: path)
        if depth < frameLinksByDepth.count { return frameLinksByDepth[depth] }
        return FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled) { SitePaths.relative(from: path, to: $0) }
    }

    /// The kind's record feed as pages announce it.
    func feed(of kind: RecordKind) -> FeedLink { kindFeeds[kind]! }

    /// The theme's record feed as pages announce it.
    func feed(ofTheme slug: String) -> FeedLink {
        themeFeeds[slug] ?? Self.themeFeed(slug, graph: graph, site: settings.title, paths: paths)
    }

    private static func themeFeed(_ slug: String, graph: SiteGraph, site: String, paths: SitePaths) -> FeedLink {
        FeedLink(title: "\(graph.theme(slug)?.title ?? slug) – \(site)", path: "themes/\(slug)/feed.xml", paths: paths)
    }

    /// "Bijeenkomst" (one) or "Bijeenkomsten" (the list).
    func kindLabel(_ kind: RecordKind, plural: Bool = false) -> String {
        plural ? kindLabels[kind]!.many : kindLabels[kind]!.one
    }

    /// What residents read for an item instead of its id: "punt 2" in a meeting's input,
    /// "aanbeveling 3" in an advice, by its place in the record (the id stays the anchor).
    func itemLabel(_ item: String, in record: Record) -> String? {
        guard let index = record.items.firstIndex(where: { $0.id == item }) else { return nil }
        return strings.format(record.kind == .advice ? "item.recommendation" : "item.input", ["n": String(index + 1)])
    }

    /// The record's date (a `TimeView`), looked up.
    func date(of record: Record) -> TemplateValue {
        recordFacts[record.id]?.date ?? .view(TimeView(record.date, strings: strings))
    }

    /// The record's status badge (`recordBadge(record)`), looked up; false when it has none.
    func status(of record: Record) -> TemplateValue {
        recordFacts[record.id]?.status ?? .optional(recordBadge(record))
    }

    /// The links to a record's themes (`ThemeLink`s) from the page at `path`.
    func themeLinks(_ record: Record, from path: String) -> TemplateValue {
        let depth = SitePaths.depth(of: path)
        let links = depth < themeLinksByDepth.count ? themeLinksByDepth[depth] : [:]
        return .list(graph.themesOf[record.id, default: []].compactMap { slug in
            if let link = links[slug] { return link }
            guard let theme = graph.theme(slug) else { return nil }
            return .view(ThemeLink(title: theme.title, href: SitePaths.relative(from: path, to: SitePaths.theme(slug))))
        })
    }

    func themeTitle(_ slug: String) -> String {
        graph.theme(slug)?.title ?? slug
    }

    /// A meeting format's label: the site's own (`[formats]`), else the theme's, else its key.
    func formatLabel(_ format: String) -> String {
        settings.formats[format] ?? strings.table["formats.\(format)"] ?? format
    }

    /// "beloofd voor 1 juni 2026 · 181 dagen over tijd" (or "· nog 12 dagen").
    func promise(_ day: Day, key: String) -> String {
        let promised = strings.format(key, ["date": strings.longDate(day)])
        if graph.today > day { return promised + " · " + strings.count("status.days_overdue", day.days(until: graph.today)) }
        return promised + " · " + strings.count("status.days_left", graph.today.days(until: day))
    }
}

extension String {
    /// Nil for "", so a template section `{{#x}}` is left out instead of rendering empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
