import InspraakTemplates
import InspraakSource
/// An item's status on a page (`item-status` partial): the latest outcome with its note, source
/// and promised day, and every earlier step; or how long it has been open.
final class ItemStatusView: TemplateView {
    let context: RenderContext
    let item: ItemKey
    /// The day the item was raised (its record's date).
    let since: Day
    /// The output path of the page that shows the status.
    let path: String
    private let state: ItemStatus?
    /// When answered: the item's history, and its latest step with the feedback that gave it
    /// (looked up once, not per name).
    private let itemHistory: ItemHistory?
    private let last: (step: HistoryStep, feedback: Record)?
    /// The day promised and broken or not (answered), for `detail` and `promiseOverdue`.
    private let promise: (day: Day, key: String)?
    /// What the `item-status` partial asks for twice (`{{#detail}}…{{detail}}`,
    /// `{{date.iso}}…{{date.text}}`, `{{^empty(history)}}…{{#history}}`), made once.
    private let detail: TemplateValue?
    private let date: TemplateValue?
    private let history: TemplateValue

    init(_ context: RenderContext, item: ItemKey, since: Day, from path: String) {
        self.context = context
        self.item = item
        self.since = since
        self.path = path
        let state = context.graph.statuses.items[item]
        self.state = state
        let strings = context.strings
        let today = context.graph.today
        switch state {
        case .answered(let answer):
            let itemHistory = context.graph.histories[item]
            let last = itemHistory?.steps.last.flatMap { step in context.record(step.feedback).map { (step, $0) } }
            self.itemHistory = itemHistory
            self.last = last
            let promise: (day: Day, key: String)?
            if answer.outcome == .inProgress, let promised = answer.expected {
                promise = (promised, "history.promised_decision")
            } else if let promised = itemHistory?.implementationPromise {
                promise = (promised, "history.promised_done")
            } else {
                promise = nil
            }
            self.promise = promise
            detail = promise.map { .text(context.promise($0.day, key: $0.key)) } ?? .bool(false)
            date = .view(last.map { TimeView($0.0.date, strings: strings) } ?? TimeView(answer.date, strings: strings))
            history = .views((itemHistory?.steps ?? []).dropLast().reversed().compactMap { HistoryStepView(context, step: $0, from: path) })
        case .awaiting(let due), .overdue(let due):
            itemHistory = nil
            last = nil
            promise = nil
            let overdue = if case .overdue = state { true } else { false }
            let age = strings.count("status.open_since", since.days(until: today))
            detail = .text(age + " · " + (overdue ? strings.count("status.days_overdue", due.days(until: today))
                                                 : strings.format("status.due_on", ["date": strings.longDate(due)])))
            date = nil
            history = .list([])
        case .notExpected, nil:
            itemHistory = nil
            last = nil
            promise = nil
            detail = .bool(false)
            date = nil
            history = .list([])
        }
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case key, label, detail, isOpen, isAnswered, date, sourceTitle, sourceHref, noteHTML, implementation, promiseOverdue, history
    }

    func value(_ key: Key) -> TemplateValue? {
        let strings = context.strings
        switch state {
        case .answered(let answer):
            return answered(key, answer)
        case .awaiting, .overdue:
            let overdue = if case .overdue = state { true } else { false }
            switch key {
            case .key: return .text(overdue ? "overdue" : "awaiting")
            case .label: return .text(strings[overdue ? "status.overdue" : "status.awaiting"])
            case .isOpen: return .bool(true)
            case .history: return history
            case .isAnswered, .noteHTML: return .bool(false)
            case .detail: return detail
            case .date, .sourceTitle, .sourceHref, .implementation, .promiseOverdue: return nil
            }
        case .notExpected, nil:
            switch key {
            case .key: return .text("none")
            case .label: return .text(strings["status.no_answer_expected"])
            case .history: return history
            case .isAnswered, .noteHTML, .detail: return .bool(false)
            case .isOpen, .date, .sourceTitle, .sourceHref, .implementation, .promiseOverdue: return nil
            }
        }
    }

    /// An answered item: its current state (outcome, implementation, promised day) prominent,
    /// with the note and source of the latest step; every earlier step newest first.
    private func answered(_ key: Key, _ answer: Answer) -> TemplateValue? {
        let strings = context.strings
        switch key {
        case .key: return .text(answer.outcome.rawValue)
        case .label: return .text(strings[answer.outcome.stringKey])
        case .isAnswered: return .bool(true)
        case .isOpen: return nil
        case .date: return date
        case .sourceTitle: return last.map { .text($0.1.title) }
        case .sourceHref: return last.map { .text(SitePaths.relative(from: path, to: SitePaths.record($0.1))) }
        case .noteHTML: return last.map { .optional(context.texts.note(of: $0.0)) } ?? .bool(false)
        case .implementation:
            return .optional(itemHistory?.implementationStep?.implementation.map { BadgeLabel.implementation($0, strings: strings) })
        case .detail: return detail
        case .promiseOverdue: return .bool(promise.map { context.graph.today > $0.day } ?? false)
        case .history: return history
        }
    }
}

/// One earlier step of an item's history: its outcome and/or implementation, the feedback that
/// gave it, its note.
final class HistoryStepView: TemplateView {
    let context: RenderContext
    let step: HistoryStep
    let feedback: Record
    let path: String

    init?(_ context: RenderContext, step: HistoryStep, from path: String) {
        guard let feedback = context.record(step.feedback) else { return nil }
        self.context = context
        self.step = step
        self.feedback = feedback
        self.path = path
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case outcome, implementation, expected, sourceTitle, sourceHref, date, noteHTML }

    func value(_ key: Key) -> TemplateValue? {
        let strings = context.strings
        switch key {
        case .outcome: return .optional(step.outcome.map { BadgeLabel.outcome($0, strings: strings) })
        case .implementation: return .optional(step.implementation.map { BadgeLabel.implementation($0, strings: strings) })
        case .expected:
            return .optional(step.expected.map {
                strings.format(step.implementation == nil ? "history.promised_decision" : "history.promised_done", ["date": strings.longDate($0)])
            })
        case .sourceTitle: return .text(feedback.title)
        case .sourceHref: return .text(SitePaths.relative(from: path, to: SitePaths.record(feedback)))
        case .date: return .view(TimeView(step.date, strings: strings))
        case .noteHTML: return .optional(context.texts.note(of: step))
        }
    }
}

/// On a feedback page: what a later feedback said about the item a response answered,
/// "later: overgenomen, 31 maart 2020", linked.
final class LaterStateView: TemplateView {
    let text: String
    let source: Record
    let path: String

    /// Nil when this feedback has the last word.
    init?(_ context: RenderContext, item: ItemKey, after feedback: Record, from path: String) {
        let strings = context.strings
        guard let (history, last) = PageContents.laterStep(of: item, after: feedback.id, histories: context.graph.histories),
              let later = context.record(last.feedback), let outcome = history.latest?.outcome else { return nil }
        // The state as it stands now: the outcome, and how far carrying it out has come.
        let label = ([strings[outcome.stringKey]] + [history.implementationStep?.implementation.map { strings[$0.stringKey] }].compactMap { $0 })
            .joined(separator: ", ")
        text = strings.format("history.later", ["state": label, "date": strings.longDate(last.date.day)])
        source = later
        self.path = path
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case text, sourceTitle, sourceHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .text: return .text(text)
        case .sourceTitle: return .text(source.title)
        case .sourceHref: return .text(SitePaths.relative(from: path, to: SitePaths.record(source)))
        }
    }
}
