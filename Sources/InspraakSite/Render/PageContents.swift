import InspraakSource
/// Which records an index page shows, chosen in one place: the page views draw what these
/// return, and the dependency map (`OutputInputs`) reads the same answers, so the two cannot
/// disagree about what a page is made from.
enum PageContents {
    static let homeLatestCount = 10
    static let homeOpenCount = 5

    /// The home page's "latest": the newest records up to today.
    static func homeLatest(_ graph: SiteGraph) -> ArraySlice<Record> {
        graph.newestFirst(graph.records.filter { $0.date.day <= graph.today }).prefix(homeLatestCount)
    }

    /// The home page's planned meetings (and anything else dated after today), soonest first.
    static func homePlanned(_ graph: SiteGraph) -> [Record] {
        graph.records.filter { $0.date.day > graph.today && !($0.meeting?.cancelled ?? false) }
            .sorted { ($0.date.epochSeconds, $0.id) < ($1.date.epochSeconds, $1.id) }
    }

    /// The oldest open items, on the home page.
    static func homeOldestOpen(_ graph: SiteGraph) -> ArraySlice<OpenItem> {
        graph.statuses.open.prefix(homeOpenCount)
    }

    /// Number of list pages for `count` records.
    static func pageCount(_ count: Int, size: Int) -> Int { max(1, (count + size - 1) / size) }

    /// The records on list page `page` (from 1) of `records`, already newest first.
    static func listSlice(_ records: [Record], page: Int, size: Int) -> ArraySlice<Record> {
        records.dropFirst((page - 1) * size).prefix(size)
    }

    /// What a theme page lists as open: awaiting and overdue, in progress, late implementation.
    static func themeOpen(_ shares: FigureShares, records: [Record]) -> (open: [OpenItem], inProgress: [OpenItem], implementationOverdue: [OpenItem]) {
        (shares.openItems(for: records), shares.inProgress(for: records), shares.implementationOverdue(for: records))
    }

    /// The records a feed carries: the newest of its records, up to the site's feed limit.
    static func feedRecords(_ records: [Record], graph: SiteGraph, limit: Int) -> ArraySlice<Record> {
        graph.newestFirst(records).prefix(limit)
    }

    /// On a feedback page, the item whose later state a response shows ("later: overgenomen"):
    /// the item it answers, or the record when that has no items; nil for a whole record's items.
    static func laterStateKey(_ response: Response, target: Record) -> ItemKey? {
        response.ref.item != nil || target.items.isEmpty ? ItemKey(record: target.id, item: response.ref.item) : nil
    }

    /// The step with the last word on `key` when it came after `feedback`'s own answer; nil
    /// when `feedback` has the last word.
    static func laterStep(of key: ItemKey, after feedback: String, histories: [ItemKey: ItemHistory]) -> (history: ItemHistory, last: HistoryStep)? {
        guard let history = histories[key], let last = history.steps.last, last.feedback != feedback,
              let mine = history.steps.lastIndex(where: { $0.feedback == feedback }), mine < history.steps.count - 1 else { return nil }
        return (history, last)
    }
}
