import InspraakTemplates
import InspraakSource
/// The inputs of each HTML page, read off the same choices the page views make (`PageContents`,
/// the graph's links, backlinks, trail windows and histories), never chosen a second time.
struct PageInputs {
    let pages: PagePlan
    let templates: TemplateIncludes
    /// Records whose status, as a page shows it, changes with the day (see `dayDependent`).
    let dayRecords: Set<String>

    var graph: SiteGraph { pages.context.graph }

    /// Everything the page at `page` is made from.
    func inputs(of page: PagePlan.Page) -> Set<OutputInput> {
        var inputs = InputCollector(graph: graph, dayRecords: dayRecords)
        // The frame: head, navigation, footer, stylesheets, UI strings.
        inputs.add(templates.closure(of: page.template).map(OutputInput.template))
        // `[search] enabled` adds the search link to every header.
        inputs.add([.strings, .config(.topLevel), .config(.search)])
        inputs.add(pages.context.assets.stylesheetNames.map(OutputInput.asset))
        // The header's logo and the footer's contact and "reageer" links.
        inputs.add([.config(.organisation)])
        if let logo = pages.context.assets.logoInput { inputs.add([logo]) }
        switch page {
        case .home:
            inputs.cards(PageContents.homeLatest(graph))
            inputs.cards(PageContents.homePlanned(graph))
            inputs.openItems(PageContents.homeOldestOpen(graph))
            // Open totals, each theme's summary, the site's figures and the count per kind.
            inputs.count(graph.records)
            inputs.add(graph.themes.map { .theme($0.slug) } + [.today])
        case .list(let kind, let number):
            let records = pages.byKind[kind] ?? []
            inputs.cards(PageContents.listSlice(records, page: number, size: pages.context.settings.paginationSize))
            inputs.place(records)
            inputs.add([.config(.pagination)])
        case .record(let index):
            record(graph.records[index], trail: pages.context.trails[index], into: &inputs)
        case .themes:
            for theme in graph.themes { inputs.count(graph.records(inTheme: theme.slug)) }
            inputs.add(graph.themes.map { .theme($0.slug) } + [.today])
        case .theme(let index):
            let theme = graph.themes[index]
            inputs.cardsAndOpenItems(graph.records(inTheme: theme.slug))
            inputs.add([.theme(theme.slug)])
        case .councils:
            for council in graph.councils {
                inputs.count(graph.records(ofCouncil: council.slug))
                inputs.council(council.slug)
            }
            inputs.add([.today])
        case .council(let index):
            let council = graph.councils[index]
            inputs.cardsAndOpenItems(graph.records(ofCouncil: council.slug))
            inputs.council(council.slug)
        case .places:
            for place in graph.places { inputs.count(graph.records(inPlace: place.slug)) }
            inputs.add(graph.places.map { .place($0.slug) } + [.today])
        case .place(let index):
            let place = graph.places[index]
            inputs.cardsAndOpenItems(graph.records(inPlace: place.slug))
            inputs.add([.place(place.slug)])
        case .open:
            let statuses = graph.statuses
            inputs.openItems(statuses.open + statuses.inProgress + statuses.implementationOverdue)
            inputs.add([.today])
        case .openData:
            inputs.add([.config(.data)])
        case .search:
            if pages.context.assets.published[SitePaths.searchScript] != nil { inputs.add([.asset(SitePaths.searchScript)]) }
        case .accessibility, .notFound:
            break
        }
        return inputs.finished()
    }

    /// A record's page: the record, what it builds on and what follows from it, its trail, the
    /// feedback that gave its items their status, and on a feedback page what it answers and
    /// what later feedback said about that.
    private func record(_ record: Record, trail: TrailWindow, into inputs: inout InputCollector) {
        inputs.show(record, status: true)
        inputs.add([.text(record.id)])
        inputs.themes(of: record)
        inputs.add(record.places.map(OutputInput.place))
        inputs.council(of: record)
        inputs.add([.config(.history)])
        if record.kind == .meetings { inputs.add([.config(.formats)]) }
        for link in graph.links[record.id] ?? [] { inputs.show(graph.record(link.target)) }
        for id in graph.backlinks[record.id] ?? [] { inputs.show(graph.record(id)) }
        for step in trail.steps {
            switch step {
            case .record(let shown): inputs.show(shown, status: true)
            case .gap(_, let nearest): inputs.show(nearest)
            }
        }
        for key in Statuses.keys(of: record) { inputs.sources(of: key) }
        for response in record.feedback?.responses ?? [] {
            guard let target = graph.record(response.ref.target), let key = PageContents.laterStateKey(response, target: target),
                  let (_, later) = PageContents.laterStep(of: key, after: record.id, histories: graph.histories) else { continue }
            inputs.show(graph.record(later.feedback))
        }
    }
}

/// Gathers one output's inputs as the view code reads records: a card shows a record with its
/// status and themes; an open item its record, the day, and for an answered item the feedback
/// behind its status.
struct InputCollector {
    let graph: SiteGraph
    let dayRecords: Set<String>
    private(set) var inputs: Set<OutputInput> = []
    /// Whether a record is shown: the settings records are made with come along, added once.
    private var showsRecords = false

    init(graph: SiteGraph, dayRecords: Set<String>) {
        self.graph = graph
        self.dayRecords = dayRecords
    }

    mutating func add(_ more: some Sequence<OutputInput>) { inputs.formUnion(more) }

    /// The record's fields (and its status, when shown): the settings records are made with
    /// come along (`[advice]` due days and addressee, `[feedback]` expected days, Markdown).
    mutating func show(_ record: Record?, status: Bool = false) {
        guard let record else { return }
        inputs.insert(.record(record.id))
        showsRecords = true
        if status && dayRecords.contains(record.id) { inputs.insert(.today) }
    }

    mutating func card(_ record: Record) {
        show(record, status: true)
        themes(of: record)
        council(of: record)
    }

    mutating func cards(_ records: some Sequence<Record>) {
        for record in records { card(record) }
    }

    /// A theme's, council's or place's page: its records as cards, its open items, its figures.
    mutating func cardsAndOpenItems(_ records: [Record]) {
        cards(records)
        let open = PageContents.themeOpen(FigureShares(graph, of: records), records: records)
        openItems(open.open + open.inProgress + open.implementationOverdue)
        inputs.insert(.today)
    }

    mutating func showAll(_ records: some Sequence<Record>) {
        for record in records { show(record) }
    }

    mutating func themes(of record: Record) {
        for slug in graph.themesOf[record.id] ?? [] { inputs.insert(.theme(slug)) }
    }

    /// The council an advice links to (named by its file, when it has one).
    mutating func council(of record: Record) {
        if let slug = graph.councilOf[record.id] { inputs.insert(.council(slug)) }
    }

    /// A council's name as its own pages give it: from its file, else the first of the names
    /// its advice give it (cards name it as their own advice does: `council(of:)`).
    mutating func council(_ slug: String) {
        inputs.insert(.council(slug))
        if graph.council(slug)?.file == nil { showAll(graph.records(ofCouncil: slug)) }
    }

    mutating func count(_ records: some Sequence<Record>) {
        inputs.formUnion(records.lazy.map { .counted($0.id) })
    }

    /// Records that only decide, by kind, date and themes, which others come first or where.
    mutating func place(_ records: some Sequence<Record>) {
        inputs.formUnion(records.lazy.map { .dated($0.id) })
    }

    /// An open item as `PageBuilder.openItem` draws it.
    mutating func openItem(_ item: OpenItem) {
        card(graph.record(item.key.record)!)
        inputs.insert(.today)
        if item.inProgress != nil || item.implementation != nil { sources(of: item.key) }
    }

    mutating func openItems(_ items: some Sequence<OpenItem>) {
        for item in items { openItem(item) }
    }

    /// The feedback each step of an item's history comes from (its title, its note).
    mutating func sources(of key: ItemKey) {
        for step in graph.histories[key]?.steps ?? [] { show(graph.record(step.feedback)) }
    }

    /// The inputs, a record shown not also counted or placed, one counted not also placed.
    func finished() -> Set<OutputInput> {
        var inputs = inputs
        if showsRecords { inputs.formUnion([.config(.advice), .config(.feedback), .config(.markdown)]) }
        return inputs.filter {
            switch $0 {
            case .counted(let id): return !inputs.contains(.record(id))
            case .dated(let id): return !inputs.contains(.record(id)) && !inputs.contains(.counted(id))
            default: return true
            }
        }
    }
}

extension PageInputs {
    /// The records whose status, where a page shows it, reads differently on another day: a
    /// planned meeting, an advice awaiting or overdue (or partly answered, with recommendations
    /// open), an item still open, or an answer that promised a day ("nog 12 dagen").
    static func dayDependent(_ graph: SiteGraph) -> Set<String> {
        var ids = Set<String>()
        for record in graph.records where record.kind != .feedback {
            if let meeting = record.meeting, !meeting.cancelled, record.date.day > graph.today { ids.insert(record.id) }
            if let status = graph.statuses.advice[record.id], status != .answered { ids.insert(record.id) }
            for key in Statuses.keys(of: record) {
                switch graph.statuses.items[key] {
                case .awaiting, .overdue:
                    ids.insert(record.id)
                case .answered(let answer):
                    if answer.outcome == .inProgress && answer.expected != nil || graph.histories[key]?.implementationPromise != nil {
                        ids.insert(record.id)
                    }
                case .notExpected, nil:
                    break
                }
            }
        }
        return ids
    }
}
