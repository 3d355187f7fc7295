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
    /// What it was made of, for a context made from this one (`serve`).
    private let groundwork: Groundwork
    /// The status changes, logged and worded when a change feed first asks.
    let changes: ChangeWording
    /// Each record's share of the figures and the open lists (`figures(for:)`, `openItems(for:)`).
    let figureShares: Once<FigureShares>
    /// The open-data tables, made when the first data file (or the map) asks.
    let openDataTables: Once<[DataTable]>

    fileprivate struct RecordFacts: Sendable {
        let date: TemplateValue
        let status: TemplateValue
    }

    /// What a context is made of besides the rendered Markdown, which it only holds: a build
    /// makes it while the Markdown is rendered (`SiteBuild`), on the core that work leaves.
    struct Groundwork: Sendable {
        fileprivate(set) var graph: SiteGraph
        let settings: RenderSettings
        let strings: Strings
        let assets: Assets
        fileprivate let stringTree: TemplateValue
        fileprivate let kindLabels: [RecordKind: (one: String, many: String)]
        fileprivate let themeLinksByDepth: [[String: TemplateValue]]
        fileprivate var trails: [TrailWindow]
        fileprivate var recordFacts: [String: RecordFacts]
        fileprivate let siteFeed: FeedLink
        fileprivate let kindFeeds: [RecordKind: FeedLink]
        fileprivate let themeFeeds: [String: FeedLink]
        fileprivate let frameLinksByDepth: [FrameLinks]
        fileprivate let rootedFrameLinks: FrameLinks
        /// Made here for a build; nil in a context made from an earlier one (`serve`), which
        /// makes them when a page first asks.
        fileprivate var figureShares: FigureShares?

        init(graph: SiteGraph, settings: RenderSettings, strings: Strings, assets: Assets) {
            self.graph = graph
            self.settings = settings
            self.strings = strings
            self.assets = assets
            // Indexed: every page looks up `t.…` names dozens of times.
            stringTree = strings.templateTree().indexed()
            kindLabels = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map {
                ($0, (strings["kind_one.\($0.rawValue)"], strings["kind.\($0.rawValue)"]))
            })
            themeLinksByDepth = (0...SitePaths.deepestPage).map { depth in
                let page = String(repeating: "x/", count: depth)
                return Dictionary(graph.themes.map { theme in
                    (theme.slug, .view(ThemeLink(title: theme.title, href: SitePaths.relative(from: page, to: SitePaths.theme(theme.slug)))))
                }) { first, _ in first }
            }
            trails = graph.trailWindows()
            let facts = graph.records.parallelMap { record in
                RecordFacts(date: .view(TimeView(record.date, strings: strings)), status: .optional(RenderContext.recordBadge(record, graph: graph, strings: strings)))
            }
            recordFacts = Dictionary(zip(graph.records.map(\.id), facts)) { first, _ in first }
            let paths = SitePaths(settings)
            let site = settings.title
            siteFeed = FeedLink(title: site, path: "feed.xml", paths: paths)
            kindFeeds = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map {
                ($0, FeedLink(title: "\(strings["kind.\($0.rawValue)"]) – \(site)", path: "\($0.rawValue)/feed.xml", paths: paths))
            })
            themeFeeds = Dictionary(graph.themes.map {
                ($0.slug, RenderContext.themeFeed($0.slug, graph: graph, site: site, paths: paths))
            }) { first, _ in first }
            frameLinksByDepth = (0...SitePaths.deepestPage).map { depth in
                let page = String(repeating: "x/", count: depth)
                return FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled, identity: String(depth)) { SitePaths.relative(from: page, to: $0) }
            }
            rootedFrameLinks = FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled, identity: "rooted") { paths.rooted($0) }
            figureShares = FigureShares(graph)
        }

        /// For a site and its theme: nil when the theme has no strings in the site's language
        /// (rendering then says so).
        init?(graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles) {
            guard let table = theme.strings[settings.language] else { return nil }
            self.init(graph: graph, settings: settings, strings: Strings(table, language: settings.language), assets: Assets(theme, logo: settings.logo))
        }
    }

    /// `changes`: the wording of a build before to take over (`serve`), else a new one.
    convenience init(graph: SiteGraph, settings: RenderSettings, strings: Strings, texts: RenderedTexts, assets: Assets, changes: ChangeWording = ChangeWording()) {
        self.init(Groundwork(graph: graph, settings: settings, strings: strings, assets: assets), texts: texts, changes: changes)
    }

    /// `tables`: the open-data tables of a build before, to keep (else made when first asked).
    init(_ groundwork: Groundwork, texts: RenderedTexts, changes: ChangeWording = ChangeWording(), tables: Once<[DataTable]>? = nil) {
        self.groundwork = groundwork
        let graph = groundwork.graph
        self.graph = graph
        self.changes = changes
        settings = groundwork.settings
        strings = groundwork.strings
        self.texts = texts
        let paths = SitePaths(groundwork.settings)
        self.paths = paths
        assets = groundwork.assets
        stringTree = groundwork.stringTree
        kindLabels = groundwork.kindLabels
        themeLinksByDepth = groundwork.themeLinksByDepth
        trails = groundwork.trails
        recordFacts = groundwork.recordFacts
        siteFeed = groundwork.siteFeed
        kindFeeds = groundwork.kindFeeds
        themeFeeds = groundwork.themeFeeds
        frameLinksByDepth = groundwork.frameLinksByDepth
        rootedFrameLinks = groundwork.rootedFrameLinks
        openDataTables = tables ?? Once { OpenDataTables.all(graph, paths: paths) }
        let shares = groundwork.figureShares
        figureShares = Once { shares ?? FigureShares(graph) }
    }

    /// `earlier` over a graph updated from its graph (`SiteGraph.updating`: same records, links
    /// and trails; other answers, statuses, titles or texts for `update.restated`): trails are
    /// taken over with the changed records swapped in, dates and badges made again for the
    /// records restated, and the open-data tables made anew when asked (`tables`: those to keep).
    convenience init(updating earlier: RenderContext, graph: SiteGraph, texts: RenderedTexts, update: GraphUpdate, changes: ChangeWording,
                     tables: Once<[DataTable]>? = nil) {
        var groundwork = earlier.groundwork
        groundwork.graph = graph
        groundwork.figureShares = nil
        if !update.replaced.isEmpty { groundwork.trails = earlier.trails.map { $0.replacing(update.replaced) } }
        let strings = earlier.strings
        for id in update.restated {
            guard let record = graph.record(id) else { continue }
            groundwork.recordFacts[id] = RecordFacts(date: .view(TimeView(record.date, strings: strings)),
                                                     status: .optional(Self.recordBadge(record, graph: graph, strings: strings)))
        }
        self.init(groundwork, texts: texts, changes: changes, tables: tables)
    }

    /// `earlier` over a graph that differs from its graph only in record bodies, with those
    /// texts rendered anew (`serve` after an edit to a record's text): nothing else here reads
    /// a body, so the rest is taken over, the open-data tables too (they hold written
    /// summaries, never a body).
    convenience init(reusing earlier: RenderContext, graph: SiteGraph, texts: RenderedTexts) {
        self.init(updating: earlier, graph: graph, texts: texts, update: .none, changes: earlier.changes, tables: earlier.openDataTables)
    }

    /// `graph.record(id)` for views. A method called on `graph`, a struct held by this class,
    /// is given a copy of the whole graph (twenty-odd references counted up and down, about
    /// 250,000 times at 10,000 records); the graph's own position table and records are read
    /// here in place.
    func record(_ id: String) -> Record? {
        guard let index = graph.position[id] else { return nil }
        return graph.records[index]
    }

    /// The frame's links for the page at `path` (root-relative when it is served at any address).
    func frameLinks(at path: String, rooted: Bool) -> FrameLinks {
        if rooted { return rootedFrameLinks }
        let depth = SitePaths.depth(of: path)
        if depth < frameLinksByDepth.count { return frameLinksByDepth[depth] }
        return FrameLinks(assets: assets, strings: strings, search: settings.searchEnabled, identity: "at " + path) { SitePaths.relative(from: path, to: $0) }
    }

    /// The kind's record feed as pages announce it.
    func feed(of kind: RecordKind) -> FeedLink { kindFeeds[kind]! }

    /// The theme's record feed as pages announce it.
    func feed(ofTheme slug: String) -> FeedLink {
        themeFeeds[slug] ?? Self.themeFeed(slug, graph: graph, site: settings.title, paths: paths)
    }

    fileprivate static func themeFeed(_ slug: String, graph: SiteGraph, site: String, paths: SitePaths) -> FeedLink {
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
