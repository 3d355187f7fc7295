import InspraakSource

/// A site as its outputs were last made, kept to tell which inputs the next edit changed.
struct LiveSnapshot: Sendable {
    let config: SiteConfig
    let theme: ThemeFiles
    /// The site as loaded, the model the graph was made from, and what making the graph, all
    /// three, and rendering said (warnings only).
    let site: LoadedSite
    let model: SiteModel
    let graphProblems: [Diagnostic]
    let analysisProblems: [Diagnostic]
    /// What loading and making the model said, among `analysisProblems`.
    let loadProblems: [Diagnostic]
    let modelProblems: [Diagnostic]
    var renderProblems: [Diagnostic] = []
    /// The graph, texts and all made from them that pages share.
    let context: RenderContext
    var graph: SiteGraph { context.graph }
    var texts: RenderedTexts { context.texts }
    let unsafeHTML: Bool
    /// The site's logo (`[organisation] logo`): its bytes name the file it is published as.
    let logo: OrganisationLogo?
    /// What the graph says about each record, by id (see `RecordFacet`).
    let facets: [String: RecordFacet]
    var map: DependencyMap
    /// Whether `map` was taken over from the snapshot before (see `sameShape`).
    var keptMap: Bool

    /// `problems`: what the stages up to the graph said (`SiteBuild.Analysed`).
    init(site: LoadedSite, model: SiteModel, problems: SiteBuild.Analysed, context: RenderContext,
         facets: [String: RecordFacet], map: DependencyMap, keptMap: Bool) {
        self.site = site
        config = site.config
        theme = site.theme
        self.model = model
        graphProblems = problems.graphProblems
        analysisProblems = problems.diagnostics
        loadProblems = problems.loadProblems
        modelProblems = problems.modelProblems
        self.context = context
        unsafeHTML = context.settings.unsafeHTML
        logo = context.settings.logo
        self.facets = facets
        self.map = map
        self.keptMap = keptMap
    }

    /// Whether the theme's templates, assets and strings and the logo are the same.
    func sameLook(theme: ThemeFiles, logo: OrganisationLogo?) -> Bool {
        self.logo == logo && LiveChanges.themeFiles(self.theme.templates, theme.templates).isEmpty
            && LiveChanges.themeFiles(self.theme.assets, theme.assets).isEmpty && self.theme.strings == theme.strings
    }

    /// Whether a site made of `graph` has the same map of outputs and inputs as this one: the
    /// same records, files, themes, settings, theme files and day, and every record the same
    /// facets (an edit to a body or a title). The map is then not made again.
    func sameShape(_ graph: SiteGraph, facets: [String: RecordFacet], config: SiteConfig, theme: ThemeFiles, logo: OrganisationLogo?) -> Bool {
        self.facets == facets && samePages(graph, config: config, theme: theme, logo: logo)
    }

    /// Whether a site made of `graph` has the same outputs, and every theme, council and place
    /// page lists the same records: a page none of whose inputs changed is then made from the
    /// same inputs as before (see `DependencyMap.make(_:theme:keeping:)`).
    func samePages(_ graph: SiteGraph, config: SiteConfig, theme: ThemeFiles, logo: OrganisationLogo?) -> Bool {
        guard self.config == config, sameLook(theme: theme, logo: logo), self.graph.today == graph.today, self.graph.records.count == graph.records.count,
              self.graph.themes.map(\.slug) == graph.themes.map(\.slug),
              self.graph.places.map(\.slug) == graph.places.map(\.slug), self.graph.councils == graph.councils,
              self.graph.themesOf == graph.themesOf, self.graph.councilOf == graph.councilOf,
              self.graph.placeMembership == graph.placeMembership else { return false }
        return zip(self.graph.records, graph.records).allSatisfy { $0.id == $1.id && $0.origin == $1.origin }
    }
}

/// Everything the graph computes for one record that a page may show, beside the record's own
/// fields: two facets that differ mean every output showing the record is made again.
struct RecordFacet: Sendable, Hashable {
    /// What an output that only places the record reads (`OutputInput.dated`).
    struct Placed: Sendable, Hashable {
        let kind: RecordKind
        let date: Moment
        let themes: [String]
        /// A cancelled meeting leaves the planned ones.
        let cancelled: Bool
    }

    /// What an output that only counts the record reads (`OutputInput.counted`).
    struct Counted: Sendable, Hashable {
        let placed: Placed
        let advice: AdviceStatus?
        let items: [ItemStatus?]
        /// What the figures count besides statuses (`SiteGraph.figures`): a meeting's
        /// attendees, an advice's kind and due day, the day of its first answer, and how far
        /// carrying out each item has come.
        var attendees: Int? = nil
        var adviceKind: AdviceKind? = nil
        var responseDue: Day? = nil
        var firstAnswer: Day? = nil
        var implementation: [Implementation?] = []
    }

    let counted: Counted
    let links: [Link]
    let backlinks: [String]
    let histories: [ItemHistory?]
    let openItems: [OpenItem]
    /// The trail window: ids of the steps shown (a gap as its size and nearest id), and its length.
    let trail: [String]

    static func all(_ pages: PagePlan) -> [String: RecordFacet] {
        let graph = pages.context.graph
        let openItems = openItemsByRecord(graph)
        // Made on all cores, then gathered by id.
        let made = Array(graph.records.indices).parallelMap { facet(of: $0, pages: pages, openItems: openItems) }
        var facets: [String: RecordFacet] = [:]
        facets.reserveCapacity(made.count)
        for (record, facet) in zip(graph.records, made) { facets[record.id] = facet }
        return facets
    }

    /// `earlier` with the facets of the records `ids` made again (after `SiteGraph.updating`,
    /// whose `restated` records are the only ones the graph says something new about).
    static func updating(_ earlier: [String: RecordFacet], _ pages: PagePlan, ids: Set<String>) -> [String: RecordFacet] {
        let graph = pages.context.graph
        let openItems = openItemsByRecord(graph, of: ids)
        var facets = earlier
        for id in ids {
            guard let index = graph.position[id] else { continue }
            facets[id] = facet(of: index, pages: pages, openItems: openItems)
        }
        return facets
    }

    /// The open, in-progress and late items of each record (of `ids` alone, when given).
    private static func openItemsByRecord(_ graph: SiteGraph, of ids: Set<String>? = nil) -> [String: [OpenItem]] {
        let lists = [graph.statuses.open, graph.statuses.inProgress, graph.statuses.implementationOverdue]
        let items = ids.map { ids in lists.flatMap { $0.filter { ids.contains($0.key.record) } } } ?? lists.flatMap { $0 }
        return Dictionary(grouping: items) { $0.key.record }
    }

    private static func facet(of index: Int, pages: PagePlan, openItems: [String: [OpenItem]]) -> RecordFacet {
        let graph = pages.context.graph
        let record = graph.records[index], trail = pages.context.trails[index]
        let keys = Statuses.keys(of: record)
        let placed = Placed(kind: record.kind, date: record.date, themes: graph.themesOf[record.id] ?? [],
                            cancelled: record.meeting?.cancelled ?? false)
        var counted = Counted(placed: placed, advice: graph.statuses.advice[record.id], items: keys.map { graph.statuses.items[$0] })
        counted.attendees = record.meeting?.attendees
        counted.adviceKind = record.advice?.kind
        counted.responseDue = record.advice?.responseDue
        counted.firstAnswer = keys.compactMap { graph.histories[$0]?.answers.first?.date.day }.min()
        counted.implementation = keys.map { graph.histories[$0]?.implementationStep?.implementation }
        let steps = trail.steps.map { step -> String in
            switch step {
            case .record(let shown): return shown.id
            case .gap(let hidden, let nearest): return "\(hidden) \(nearest.id)"
            }
        }
        return RecordFacet(counted: counted, links: graph.links[record.id] ?? [], backlinks: graph.backlinks[record.id] ?? [],
                           histories: keys.map { graph.histories[$0] }, openItems: openItems[record.id] ?? [],
                           trail: steps + ["\(trail.total)"])
    }
}
