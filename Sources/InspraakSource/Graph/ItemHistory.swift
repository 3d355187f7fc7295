/// One step in an item's history: what one feedback said about it.
public struct HistoryStep: Sendable, Hashable {
    public let feedback: String
    public let date: Moment
    /// Nil when the feedback reported implementation only: the item keeps its outcome.
    public let outcome: Outcome?
    public let implementation: Implementation?
    /// The promised day: of a decision (`in-progress`) or of completion (`implementation`).
    public let expected: Day?
    public let note: String?
    /// The entry's position in the feedback's `responds_to` (its note, its line).
    public let responseIndex: Int

    package init(feedback: String, date: Moment, outcome: Outcome?, implementation: Implementation?, expected: Day?, note: String?,
                 responseIndex: Int) {
        self.feedback = feedback
        self.date = date
        self.outcome = outcome
        self.implementation = implementation
        self.expected = expected
        self.note = note
        self.responseIndex = responseIndex
    }
}

/// Everything feedback said about one item, oldest first, and the state it adds up to: the
/// latest outcome, and the latest implementation step given since that outcome.
public struct ItemHistory: Sendable, Hashable {
    public let steps: [HistoryStep]
    /// The steps that gave an outcome, as answers, oldest first.
    public let answers: [Answer]
    /// Positions in `steps`, not copies of them: a graph holds a history for every item (a
    /// quarter of a million at 50,000 records), and two copied steps were a third of each.
    private let outcomeIndex: Int?
    private let implementationIndex: Int?

    /// The step that gave the current outcome.
    public var outcomeStep: HistoryStep? { outcomeIndex.map { steps[$0] } }
    /// Where carrying it out stands, when the current outcome is (partly) adopted.
    public var implementationStep: HistoryStep? { implementationIndex.map { steps[$0] } }

    init(steps: [HistoryStep]) {
        self.steps = steps
        answers = steps.compactMap { step in
            step.outcome.map { Answer(feedback: step.feedback, date: step.date, outcome: $0, note: step.note, expected: $0 == .inProgress ? step.expected : nil) }
        }
        let outcomeIndex = steps.lastIndex { $0.outcome != nil }
        self.outcomeIndex = outcomeIndex
        if let outcomeIndex, steps[outcomeIndex].outcome?.canBeImplemented == true {
            implementationIndex = steps[outcomeIndex...].lastIndex { $0.implementation != nil }
        } else {
            implementationIndex = nil
        }
    }

    /// The item's current outcome.
    public var latest: Answer? { answers.last }

    /// When carrying it out is promised and not done: the promised day.
    public var implementationPromise: Day? {
        guard let step = implementationStep, step.implementation != .done else { return nil }
        return step.expected
    }

    /// A ref to a whole record answers each of its items; a record without items is answered
    /// as a whole (`item == nil`). Steps are sorted by feedback date, then feedback id, then the
    /// order written.
    static func collect(_ records: [Record], position: [String: Int], links: [String: [Link]]) -> [ItemKey: ItemHistory] {
        var steps: [ItemKey: [HistoryStep]] = [:]
        for record in records where record.kind == .feedback {
            add(record, links: links[record.id] ?? [], records: records, position: position, to: &steps)
        }
        return steps.mapValues(history)
    }

    /// The histories of the items of the records `targets` alone, from the feedback that
    /// refers to them (`backlinks`): the same as `collect` gives for their keys.
    static func collect(of targets: Set<String>, records: [Record], position: [String: Int], links: [String: [Link]],
                        backlinks: [String: [String]]) -> [ItemKey: ItemHistory] {
        var steps: [ItemKey: [HistoryStep]] = [:]
        for source in Set(targets.flatMap { backlinks[$0] ?? [] }) {
            guard let index = position[source], records[index].kind == .feedback else { continue }
            add(records[index], links: (links[source] ?? []).filter { targets.contains($0.target) }, records: records, position: position, to: &steps)
        }
        return steps.mapValues(history)
    }

    /// The steps one feedback's links add to the items they answer.
    private static func add(_ record: Record, links: [Link], records: [Record], position: [String: Int], to steps: inout [ItemKey: [HistoryStep]]) {
        for link in links {
            guard let response = link.response, let index = link.responseIndex, let targetIndex = position[link.target] else { continue }
            let target = records[targetIndex]
            let step = HistoryStep(feedback: record.id, date: record.date, outcome: response.outcome, implementation: response.implementation,
                                   expected: response.expected, note: response.note, responseIndex: index)
            if let item = link.item {
                steps[ItemKey(record: target.id, item: item), default: []].append(step)
            } else if target.items.isEmpty {
                steps[ItemKey(record: target.id, item: nil), default: []].append(step)
            } else {
                for item in target.items {
                    steps[ItemKey(record: target.id, item: item.id), default: []].append(step)
                }
            }
        }
    }

    private static func history(_ steps: [HistoryStep]) -> ItemHistory {
        ItemHistory(steps: steps.sorted {
            ($0.date.epochSeconds, $0.feedback, $0.responseIndex) < ($1.date.epochSeconds, $1.feedback, $1.responseIndex)
        })
    }

    /// An implementation report for an item that, at that point, was not (partly) adopted.
    static func problems(_ histories: [ItemKey: ItemHistory], records: [Record], position: [String: Int]) -> [Diagnostic] {
        // Only a step without an outcome can be one, and those are few: sorting every key first
        // took longer than the check itself.
        let reporting = histories.compactMap { key, history in history.steps.contains { $0.outcome == nil } ? key : nil }
        return problems(histories, keys: reporting.sorted(), records: records, position: position)
    }

    /// The same, for the histories of `keys` alone.
    static func problems(_ histories: [ItemKey: ItemHistory], keys: [ItemKey], records: [Record], position: [String: Int]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for key in keys {
            guard histories[key] != nil else { continue }
            var outcome: Outcome?
            for step in histories[key]!.steps {
                if let given = step.outcome {
                    outcome = given
                    continue
                }
                guard outcome?.canBeImplemented != true, let index = position[step.feedback],
                      let ref = records[index].refs[safe: step.responseIndex] else { continue }
                found.append(.error(ref.location, GraphMessage.implementationBeforeAdoption(ref.description, outcome: outcome?.rawValue)))
            }
        }
        return found
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
