/// Where an input point or recommendation stands today.
public enum ItemStatus: Sendable, Hashable {
    /// Its latest answer (which may be `in-progress`).
    case answered(Answer)
    /// No answer yet; due on `due`.
    case awaiting(due: Day)
    /// No answer, and `due` has passed.
    case overdue(due: Day)
    /// Nothing is expected: a cancelled or planned meeting.
    case notExpected
}

/// Where an advice stands today.
public enum AdviceStatus: Sendable, Hashable {
    case awaiting(due: Day)
    case overdue(due: Day)
    case answered
    case partlyAnswered(open: Int)

    public var key: String {
        switch self {
        case .awaiting: return "awaiting"
        case .overdue: return "overdue"
        case .answered: return "answered"
        case .partlyAnswered: return "partly-answered"
        }
    }
}

/// Something still waiting for an answer, for the open-items lists.
public struct OpenItem: Sendable, Hashable {
    public let key: ItemKey
    /// The day the input was given (the meeting or the advice).
    public let since: Day
    public let due: Day
    public let isOverdue: Bool
    /// For in-progress items: the answer that said so.
    public let inProgress: Answer?
    /// The promised day, when an answer promised one (a decision, or completion).
    public var promised: Day? = nil
    /// For implementation that is late: the step that promised it.
    public var implementation: HistoryStep? = nil
}

/// Every status of the site as of `today`.
public struct Statuses: Sendable {
    public let items: [ItemKey: ItemStatus]
    public let advice: [String: AdviceStatus]
    /// Awaiting and overdue, oldest first.
    public let open: [OpenItem]
    /// Answered `in-progress` for now (promise not yet broken), oldest first.
    public let inProgress: [OpenItem]
    /// Adopted, implementation planned or underway, and past its promised day; oldest first.
    public let implementationOverdue: [OpenItem]
    /// `open` by record id, for pages that show one record's open items.
    public let openByRecord: [String: [OpenItem]]

    /// No statuses: the graph of `inspraak check`, which reports nothing they say.
    static let none = Statuses(items: [:], advice: [:], open: [], inProgress: [], implementationOverdue: [], openByRecord: [:])

    /// The keys an item list of a record shows: its items, or the record as a whole.
    package static func keys(of record: Record) -> [ItemKey] {
        record.items.isEmpty ? [ItemKey(record: record.id, item: nil)] : record.items.map { ItemKey(record: record.id, item: $0.id) }
    }

    /// Whether a record expects answers at all (meetings that took place and produced input, advice).
    static func expectsAnswers(_ record: Record, today: Day) -> Bool {
        switch record.details {
        case .meeting(let meeting): return !meeting.cancelled && record.date.day <= today && !meeting.input.isEmpty
        case .advice: return true
        case .feedback: return false
        }
    }

    static func due(of record: Record, settings: GraphSettings) -> Day {
        if let advice = record.advice { return advice.responseDue }
        return record.date.day.adding(days: settings.feedbackExpectedDays)
    }

    /// What one record adds to the statuses.
    private struct Entry: Sendable {
        var items: [(ItemKey, ItemStatus)] = []
        var advice: AdviceStatus?
        var open: [OpenItem] = []
        var inProgress: [OpenItem] = []
        var lateImplementation: [OpenItem] = []
    }

    private static func entry(_ record: Record, histories: [ItemKey: ItemHistory], settings: GraphSettings, today: Day) -> Entry {
        var entry = Entry()
        let keys = keys(of: record)
        let due = due(of: record, settings: settings)
        let expects = expectsAnswers(record, today: today)
        var unanswered = 0
        for key in keys {
            if let history = histories[key], let latest = history.latest {
                entry.items.append((key, .answered(latest)))
                let since = record.date.day
                if latest.outcome == .inProgress {
                    // A broken promise makes the item overdue again, from the day after it.
                    if let promised = latest.expected, today > promised {
                        entry.open.append(OpenItem(key: key, since: since, due: promised, isOverdue: true, inProgress: latest, promised: promised))
                    } else {
                        entry.inProgress.append(OpenItem(key: key, since: since, due: latest.expected ?? due, isOverdue: false, inProgress: latest,
                                                         promised: latest.expected))
                    }
                }
                if let promised = history.implementationPromise, today > promised {
                    entry.lateImplementation.append(OpenItem(key: key, since: since, due: promised, isOverdue: true, inProgress: nil,
                                                             promised: promised, implementation: history.implementationStep))
                }
            } else if expects {
                unanswered += 1
                let overdue = today > due
                entry.items.append((key, overdue ? .overdue(due: due) : .awaiting(due: due)))
                entry.open.append(OpenItem(key: key, since: record.date.day, due: due, isOverdue: overdue, inProgress: nil))
            } else {
                entry.items.append((key, .notExpected))
            }
        }
        if record.kind == .advice {
            let anyAnswer = keys.contains { histories[$0]?.latest != nil }
            if !anyAnswer {
                entry.advice = today > due ? .overdue(due: due) : .awaiting(due: due)
            } else if unanswered == 0 {
                entry.advice = .answered
            } else {
                entry.advice = .partlyAnswered(open: unanswered)
            }
        }
        return entry
    }

    private static func order(_ a: OpenItem, _ b: OpenItem) -> Bool {
        (a.since, a.key) < (b.since, b.key)
    }

    static func compute(_ records: [Record], histories: [ItemKey: ItemHistory], settings: GraphSettings, today: Day) -> Statuses {
        // Each record's statuses on all cores (they read only the histories), then put
        // together in the records' order; the tables sized once, not grown step by step.
        let answerable = records.filter { $0.kind != .feedback }
        let entries = answerable.parallelMap { record in entry(record, histories: histories, settings: settings, today: today) }
        var items: [ItemKey: ItemStatus] = [:]
        items.reserveCapacity(entries.reduce(0) { $0 + $1.items.count })
        var adviceStatuses: [String: AdviceStatus] = [:]
        var open: [OpenItem] = []
        var inProgress: [OpenItem] = []
        var lateImplementation: [OpenItem] = []
        for (record, entry) in zip(answerable, entries) {
            for (key, status) in entry.items { items[key] = status }
            if let advice = entry.advice { adviceStatuses[record.id] = advice }
            open += entry.open
            inProgress += entry.inProgress
            lateImplementation += entry.lateImplementation
        }
        let sortedOpen = open.sorted(by: order)
        return Statuses(items: items, advice: adviceStatuses, open: sortedOpen, inProgress: inProgress.sorted(by: order),
                        implementationOverdue: lateImplementation.sorted(by: order),
                        openByRecord: Dictionary(grouping: sortedOpen, by: \.key.record))
    }

    /// These statuses with those of `records` worked out again (the same as `compute` over
    /// all records gives, when the others' statuses are as before).
    func updating(_ records: [Record], histories: [ItemKey: ItemHistory], settings: GraphSettings, today: Day) -> Statuses {
        let ids = Set(records.map(\.id))
        var items = items, advice = advice
        var open = open.filter { !ids.contains($0.key.record) }
        var inProgress = inProgress.filter { !ids.contains($0.key.record) }
        var lateImplementation = implementationOverdue.filter { !ids.contains($0.key.record) }
        var openByRecord = openByRecord
        for record in records {
            for key in Self.keys(of: record) { items[key] = nil }
            advice[record.id] = nil
            openByRecord[record.id] = nil
            guard record.kind != .feedback else { continue }
            let entry = Self.entry(record, histories: histories, settings: settings, today: today)
            for (key, status) in entry.items { items[key] = status }
            advice[record.id] = entry.advice
            // Into lists that are in order already.
            Self.insert(entry.open, into: &open)
            Self.insert(entry.inProgress, into: &inProgress)
            Self.insert(entry.lateImplementation, into: &lateImplementation)
        }
        for item in open where ids.contains(item.key.record) { openByRecord[item.key.record, default: []].append(item) }
        return Statuses(items: items, advice: advice, open: open, inProgress: inProgress, implementationOverdue: lateImplementation,
                        openByRecord: openByRecord)
    }

    /// Each of `items` at its place in `list` (sorted by `order`, keys unique).
    private static func insert(_ items: [OpenItem], into list: inout [OpenItem]) {
        for item in items {
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if order(list[middle], item) { low = middle + 1 } else { high = middle }
            }
            list.insert(item, at: low)
        }
    }
}
