/// The accountability figures for a set of records (the whole site, or one theme).
public struct Figures: Sendable, Hashable {
    public var meetingsHeld = 0
    public var meetingsPlanned = 0
    public var attendees = 0
    public var adviceRequested = 0
    public var adviceUnsolicited = 0
    /// One outcome per item: its latest.
    public var outcomes: [Outcome: Int] = [:]
    /// Days from an advice to its first response, middle value; nil without answered advice.
    public var medianDaysToResponse: Int?
    /// Advice answered on or before the due day, of the advice that is answered or overdue.
    public var answeredInTime = 0
    public var answeredInTimeOf = 0
    public var awaiting = 0
    public var overdue = 0
    /// Of the (partly) adopted items: how far carrying them out has come (latest report).
    public var carriedOut: [Implementation: Int] = [:]
    /// (Partly) adopted items without any implementation report.
    public var carriedOutNotReported = 0
    public var implementationOverdue = 0

    public var adoptedTotal: Int { carriedOut.values.reduce(0, +) + carriedOutNotReported }

    public var outcomeTotal: Int { outcomes.values.reduce(0, +) }

    /// Percentage, rounded; nil when there is nothing to judge yet.
    public var answeredInTimePercent: Int? {
        answeredInTimeOf == 0 ? nil : Int((Double(answeredInTime) * 100 / Double(answeredInTimeOf)).rounded())
    }
}

extension Figures {
    /// Adds what `other` counts (its median aside: that is made from all the days at once).
    mutating func add(_ other: Figures) {
        meetingsHeld += other.meetingsHeld
        meetingsPlanned += other.meetingsPlanned
        attendees += other.attendees
        adviceRequested += other.adviceRequested
        adviceUnsolicited += other.adviceUnsolicited
        for (outcome, count) in other.outcomes { outcomes[outcome, default: 0] += count }
        answeredInTime += other.answeredInTime
        answeredInTimeOf += other.answeredInTimeOf
        awaiting += other.awaiting
        overdue += other.overdue
        for (state, count) in other.carriedOut { carriedOut[state, default: 0] += count }
        carriedOutNotReported += other.carriedOutNotReported
        implementationOverdue += other.implementationOverdue
    }

    /// The middle value (the lower of the two middles for an even count, so it stays a whole day).
    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension SiteGraph {
    /// Figures over `records` (all of the site's, or a theme's).
    public func figures(for records: [Record]) -> Figures {
        FigureShares(self, of: records).figures(for: records)
    }
}

/// Each record's share of the figures and of the open lists, worked out once for a graph: the
/// figures and open items of a theme, council or place (or the whole site) are then its
/// records' shares added up. Worked out per page, every item of every record was looked up
/// again (twice, by a key of two strings) for each page the record is on, and the site's open
/// items were filtered by a set of ids.
public struct FigureShares: Sendable {
    struct Share: Sendable {
        /// Counted over the record alone (its open items too, as awaiting or overdue).
        var figures = Figures()
        /// For answered advice: days to its first response.
        var responseDays: Int?
        /// Positions in `statuses.open`, `inProgress` and `implementationOverdue`.
        var open: [Int] = []
        var inProgress: [Int] = []
        var implementationOverdue: [Int] = []
    }

    private let statuses: Statuses
    private let shares: [Share]
    /// A record's position in the graph's records, by the record itself (a cheaper key than its
    /// id), else by its id (a record of another graph of the same site).
    private let place: [ObjectIdentifier: Int]
    private let positionByID: [String: Int]
    /// Held, so no other record can take one of theirs' identity.
    private let records: [Record]

    /// `records`: the only records whose shares are asked for (nil: all of them).
    public init(_ graph: SiteGraph, of records: [Record]? = nil) {
        statuses = graph.statuses
        var shares: [Share]
        if let records {
            shares = Array(repeating: Share(), count: graph.records.count)
            for record in records { if let index = graph.position[record.id] { shares[index] = Self.share(of: graph.records[index], graph: graph) } }
        } else {
            shares = graph.records.map { Self.share(of: $0, graph: graph) }
        }
        func note(_ items: [OpenItem], _ list: WritableKeyPath<Share, [Int]>) {
            for (index, item) in items.enumerated() {
                if let record = graph.position[item.key.record] { shares[record][keyPath: list].append(index) }
            }
        }
        note(graph.statuses.open, \.open)
        note(graph.statuses.inProgress, \.inProgress)
        note(graph.statuses.implementationOverdue, \.implementationOverdue)
        for index in shares.indices {
            for open in shares[index].open {
                if graph.statuses.open[open].isOverdue { shares[index].figures.overdue += 1 } else { shares[index].figures.awaiting += 1 }
            }
            shares[index].figures.implementationOverdue = shares[index].implementationOverdue.count
        }
        self.shares = shares
        place = Dictionary(uniqueKeysWithValues: graph.records.enumerated().map { (ObjectIdentifier($1), $0) })
        positionByID = graph.position
        self.records = graph.records
    }

    private func position(_ record: Record) -> Int? {
        place[ObjectIdentifier(record)] ?? positionByID[record.id]
    }

    /// The records' positions, each once (a record not of this graph has none).
    private func positions(_ records: [Record]) -> [Int] {
        var seen = Set<Int>()
        return records.compactMap(position).filter { seen.insert($0).inserted }
    }

    /// The figures over `records`: the same as `SiteGraph.figures(for:)` worked out anew.
    public func figures(for records: [Record]) -> Figures {
        var figures = Figures()
        var responseDays: [Int] = []
        // Counted per record as listed (a record listed twice counts twice, as it always has);
        // its open items once.
        for record in records {
            guard let position = position(record) else { continue }
            var counted = shares[position].figures
            counted.awaiting = 0
            counted.overdue = 0
            counted.implementationOverdue = 0
            figures.add(counted)
            if let days = shares[position].responseDays { responseDays.append(days) }
        }
        for position in positions(records) {
            figures.awaiting += shares[position].figures.awaiting
            figures.overdue += shares[position].figures.overdue
            figures.implementationOverdue += shares[position].figures.implementationOverdue
        }
        figures.medianDaysToResponse = Figures.median(responseDays)
        return figures
    }

    /// Open items belonging to `records`, in the site's order of open items.
    public func openItems(for records: [Record]) -> [OpenItem] {
        items(\.open, of: records, from: statuses.open)
    }

    /// In-progress items belonging to `records`, in the site's order.
    public func inProgress(for records: [Record]) -> [OpenItem] {
        items(\.inProgress, of: records, from: statuses.inProgress)
    }

    /// Items whose implementation is late, belonging to `records`, in the site's order.
    public func implementationOverdue(for records: [Record]) -> [OpenItem] {
        items(\.implementationOverdue, of: records, from: statuses.implementationOverdue)
    }

    private func items(_ list: KeyPath<Share, [Int]>, of records: [Record], from all: [OpenItem]) -> [OpenItem] {
        positions(records).flatMap { shares[$0][keyPath: list] }.sorted().map { all[$0] }
    }

    /// One record's counts, as `figures(for: [record])` counted them before the open items.
    private static func share(of record: Record, graph: SiteGraph) -> Share {
        var share = Share()
        let statuses = graph.statuses, histories = graph.histories, today = graph.today
        switch record.details {
        case .meeting(let meeting):
            if meeting.cancelled { break }
            if record.date.day > today {
                share.figures.meetingsPlanned += 1
            } else {
                share.figures.meetingsHeld += 1
                share.figures.attendees += meeting.attendees ?? 0
            }
        case .advice(let advice):
            if advice.kind == .requested { share.figures.adviceRequested += 1 } else { share.figures.adviceUnsolicited += 1 }
            let firstResponse = Statuses.keys(of: record).compactMap { histories[$0]?.answers.first?.date }.min()
            if let firstResponse {
                share.responseDays = record.date.day.days(until: firstResponse.day)
                share.figures.answeredInTimeOf += 1
                if firstResponse.day <= advice.responseDue { share.figures.answeredInTime += 1 }
            } else if today > advice.responseDue {
                share.figures.answeredInTimeOf += 1
            }
        case .feedback:
            break
        }
        for key in Statuses.keys(of: record) {
            if case .answered(let answer) = statuses.items[key] {
                share.figures.outcomes[answer.outcome, default: 0] += 1
                if answer.outcome.canBeImplemented {
                    if let step = histories[key]?.implementationStep, let state = step.implementation {
                        share.figures.carriedOut[state, default: 0] += 1
                    } else {
                        share.figures.carriedOutNotReported += 1
                    }
                }
            }
        }
        return share
    }
}
