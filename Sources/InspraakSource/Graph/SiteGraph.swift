/// An input point or recommendation (`item`), or a record answered as a whole (`item == nil`).
public struct ItemKey: Sendable, Hashable, Comparable {
    public let record: String
    public let item: String?

    package init(record: String, item: String?) {
        self.record = record
        self.item = item
    }

    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.record, lhs.item ?? "") < (rhs.record, rhs.item ?? "")
    }
}

/// One feedback's answer to one item.
public struct Answer: Sendable, Hashable {
    public let feedback: String
    public let date: Moment
    public let outcome: Outcome
    public let note: String?
    /// For `in-progress`: the day a decision is promised.
    public var expected: Day? = nil
}

/// A resolved reference: from a record to a record, or to one of its items.
public struct Link: Sendable, Hashable {
    public let target: String
    public let item: String?
    /// For feedback: what it said about the target.
    public let outcome: Outcome?
    public let note: String?
    /// For feedback: the response this link came from (its position in `responds_to`).
    public var response: Response? = nil
    public var responseIndex: Int? = nil
}

/// Stage 3, pure: the records resolved into a graph of references, with statuses and figures as
/// of one day. Same records, settings and day in, same graph out.
public struct SiteGraph: Sendable {
    public let today: Day
    /// Sorted by id.
    public internal(set) var records: [Record]
    public let themes: [Theme]
    package let position: [String: Int]
    let themePosition: [String: Int]
    /// Each record's themes: its own, or those of what it refers to (in theme order).
    public let themesOf: [String: [String]]
    /// Each theme's records, as positions in `records`.
    let themeMembers: [String: [Int]]
    /// Resolved refs per record, in the order written.
    public internal(set) var links: [String: [Link]]
    /// Records that refer to each record, sorted by date then id.
    public let backlinks: [String: [String]]
    /// Every answer per item, oldest first; the last one is the item's outcome. Made when
    /// asked, from `histories` (`histories[key]?.answers` gives one item's).
    public var answers: [ItemKey: [Answer]] { histories.mapValues(\.answers) }
    /// Every outcome and implementation step per item, oldest first (see `ItemHistory`).
    public internal(set) var histories: [ItemKey: ItemHistory]
    public internal(set) var statuses: Statuses
    /// Places by order, title, slug.
    public var places: [Place] = []
    /// Each place's records, as positions in `records`.
    var placeMembers: [String: [Int]] = [:]
    /// Each place's records, as positions in `records` (`serve` compares them between edits).
    package var placeMembership: [String: [Int]] { placeMembers }
    /// Councils by title, then slug.
    public var councils: [Council] = []
    /// The council slug of each advice, by advice id.
    public var councilOf: [String: String] = [:] {
        didSet {
            var members: [String: [Int]] = [:]
            for (index, record) in records.enumerated() {
                if let slug = councilOf[record.id] { members[slug, default: []].append(index) }
            }
            councilMembers = members
        }
    }
    /// Each council's advice, as positions in `records`.
    private var councilMembers: [String: [Int]] = [:]

    public func record(_ id: String) -> Record? {
        position[id].map { records[$0] }
    }

    public func theme(_ slug: String) -> Theme? {
        themePosition[slug].map { themes[$0] }
    }

    public func place(_ slug: String) -> Place? {
        places.first { $0.slug == slug }
    }

    /// The records that name a place.
    public func records(inPlace slug: String) -> [Record] {
        placeMembers[slug, default: []].map { records[$0] }
    }

    /// The places a record names, in the places' order.
    public func places(of record: Record) -> [Place] {
        places.filter { record.places.contains($0.slug) }
    }

    public func council(_ slug: String) -> Council? {
        councils.first { $0.slug == slug }
    }

    /// The council an advice is from.
    public func council(of record: Record) -> Council? {
        councilOf[record.id].flatMap(council)
    }

    /// A council's advice.
    public func records(ofCouncil slug: String) -> [Record] {
        councilMembers[slug, default: []].map { records[$0] }
    }

    /// Records newest first (date, then id descending for a total order).
    public func newestFirst(_ records: [Record]) -> [Record] {
        records.sorted { ($0.date.epochSeconds, $0.id) > ($1.date.epochSeconds, $1.id) }
    }

    /// The records of a theme.
    public func records(inTheme slug: String) -> [Record] {
        themeMembers[slug, default: []].map { records[$0] }
    }

    private static func members(_ records: [Record], themesOf: [String: [String]]) -> [String: [Int]] {
        var members: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            for slug in themesOf[record.id, default: []] { members[slug, default: []].append(index) }
        }
        return members
    }

    /// `statuses: false` leaves the items' statuses out (`Statuses.none`): they give no
    /// diagnostic, so `inspraak check` does not work them out.
    public static func build(_ model: SiteModel, settings: GraphSettings, today: Day, statuses withStatuses: Bool = true) -> (SiteGraph, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var position: [String: Int] = [:]
        var records: [Record] = []
        for record in model.records {
            if let existing = position[record.id] {
                diagnostics.error(record.location, GraphMessage.duplicateID(record.id, other: records[existing].origin.path))
                continue
            }
            position[record.id] = records.count
            records.append(record)
        }
        let resolution = RefResolution.resolve(records, position: position, model: model)
        diagnostics.append(contentsOf: resolution.diagnostics.all)
        // Cycles and themes on one core, answers and statuses on the other: neither needs the other.
        let links = resolution.links, themes = model.themes, frozenRecords = records, frozenPosition = position
        let ((cycles, themesOf, themeProblems), (histories, statuses)) = alongside({
            let cycles = CycleDetection.cycles(frozenRecords, links: links, position: frozenPosition)
            let (themesOf, themeProblems) = ThemeAssignment.assign(frozenRecords, links: links, themes: themes)
            return (cycles, themesOf, themeProblems)
        }) {
            let histories = ItemHistory.collect(records, position: position, links: links)
            return (histories, withStatuses ? Statuses.compute(records, histories: histories, settings: settings, today: today) : .none)
        }
        diagnostics.append(contentsOf: ItemHistory.problems(histories, records: records, position: position))
        diagnostics.append(contentsOf: cycles)
        diagnostics.append(contentsOf: themeProblems)
        let (placeMembers, placeProblems) = PlaceAssignment.assign(records, places: model.places)
        diagnostics.append(contentsOf: placeProblems)
        let (councils, councilOf, councilProblems) = CouncilAssignment.assign(records, files: model.councils)
        diagnostics.append(contentsOf: councilProblems)
        var graph = SiteGraph(
            today: today, records: records, themes: model.themes, position: position,
            themePosition: Dictionary(model.themes.enumerated().map { ($1.slug, $0) }) { first, _ in first },
            themesOf: themesOf, themeMembers: members(records, themesOf: themesOf), links: resolution.links, backlinks: resolution.backlinks,
            histories: histories, statuses: statuses
        )
        (graph.places, graph.placeMembers, graph.councils, graph.councilOf) = (model.places, placeMembers, councils, councilOf)
        return (graph, diagnostics.all)
    }
}
