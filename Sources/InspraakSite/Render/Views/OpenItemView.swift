import InspraakTemplates
import InspraakSource
/// An item still waiting for an answer, or for what was promised (`open-items` partial): the
/// record it is from, for how long it has been open, its status.
final class OpenItemView: TemplateView {
    let context: RenderContext
    let item: OpenItem
    let record: Record
    let path: String
    /// The answer it is waiting on the promise of (in progress, or adopted and not yet carried out).
    private let answer: Answer?
    /// Asked twice by `open-items` (`{{^status}}…{{#status}}`), made once.
    private let status: TemplateValue
    /// Asked twice by `open-items` when there is no status (`{{due.iso}}…{{due.text}}`), made once.
    private let due: TemplateValue?
    /// The record's date, asked twice (`{{since.iso}}…{{since.text}}`), looked up once.
    private let since: TemplateValue

    init?(_ context: RenderContext, item: OpenItem, from path: String) {
        guard let record = context.record(item.key.record) else { return nil }
        self.context = context
        self.item = item
        self.record = record
        self.path = path
        let answer = item.inProgress ?? item.implementation.flatMap { _ in context.graph.histories[item.key]?.latest }
        self.answer = answer
        status = .optional(answer.map { _ in ItemStatusView(context, item: item.key, since: item.since, from: path) })
        due = answer == nil ? .view(TimeView(item.due, strings: context.strings)) : nil
        since = context.date(of: record)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case key, label, detail, status, itemID, itemLabel, textHTML, recordTitle, recordHref, kindLabel, since, due, age, themes
    }

    func value(_ key: Key) -> TemplateValue? {
        let strings = context.strings
        let today = context.graph.today
        switch key {
        case .recordTitle: return .text(record.title)
        case .recordHref: return .text(SitePaths.relative(from: path, to: SitePaths.record(record)) + (item.key.item.map { "#\($0)" } ?? ""))
        case .kindLabel: return .text(context.kindLabel(record.kind))
        case .since: return since
        case .due: return due ?? .view(TimeView(item.due, strings: strings))
        case .age: return .text(strings.count("status.open_since", item.since.days(until: today)))
        case .themes: return context.themeLinks(record, from: path)
        case .itemID: return .optional(item.key.item)
        case .itemLabel: return .optional(item.key.item.flatMap { context.itemLabel($0, in: record) })
        case .textHTML:
            guard let id = item.key.item else { return .text(XMLText.escape(strings["open.whole_record"])) }
            return .text(context.texts.records[record.id]?.items[id] ?? "")
        case .status: return status
        case .key:
            if let answer { return .text(item.isOverdue && item.promised != nil ? "overdue" : answer.outcome.rawValue) }
            return .text(item.isOverdue ? "overdue" : "awaiting")
        case .label:
            if answer != nil {
                guard item.isOverdue, item.promised != nil else { return .bool(false) }
                return .text(strings[item.implementation == nil ? "status.overdue" : "status.implementation_overdue"])
            }
            return .text(strings[item.isOverdue ? "status.overdue" : "status.awaiting"])
        case .detail:
            if answer != nil {
                // A broken promise: overdue again, with the day it was promised for.
                guard item.isOverdue, let promised = item.promised else { return .bool(false) }
                return .text(context.promise(promised, key: item.implementation == nil ? "history.promised_decision" : "history.promised_done"))
            }
            if item.isOverdue { return .text(strings.count("status.days_overdue", item.due.days(until: today))) }
            return .text(strings.count("status.days_left", today.days(until: item.due)))
        }
    }
}

/// Open items grouped: overdue first, then awaiting, then late implementation, then in
/// progress; each oldest first.
struct OpenGroupsView: TemplateView {
    let groups: [OpenGroup]
    let overdueCount: Int
    let awaitingCount: Int
    let strings: Strings

    /// What a theme's, council's or place's page lists as open for its records.
    init(_ context: RenderContext, of records: [Record], from path: String) {
        let open = PageContents.themeOpen(context.figureShares.value, records: records)
        self.init(context, open: open.open, inProgress: open.inProgress, implementationOverdue: open.implementationOverdue, from: path)
    }

    init(_ context: RenderContext, open items: [OpenItem], inProgress: [OpenItem], implementationOverdue: [OpenItem], from path: String) {
        let views = { (items: [OpenItem]) in items.compactMap { OpenItemView(context, item: $0, from: path) } }
        let overdue = views(items.filter(\.isOverdue))
        let awaiting = views(items.filter { !$0.isOverdue })
        let strings = context.strings
        groups = [
            ("overdue", "open.heading_overdue", "section.overdue_intro", overdue),
            ("awaiting", "open.heading_awaiting", "section.awaiting_intro", awaiting),
            ("implementation-overdue", "open.heading_implementation_overdue", "section.implementation_overdue_intro", views(implementationOverdue)),
            ("in-progress", "section.in_progress", "section.in_progress_intro", views(inProgress)),
        ].filter { !$0.3.isEmpty }.map { OpenGroup(key: $0.0, heading: strings[$0.1], intro: strings[$0.2], items: $0.3) }
        overdueCount = overdue.count
        awaitingCount = awaiting.count
        self.strings = strings
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case groups, isEmpty, summary, overdueCount, awaitingCount }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .groups: return .views(groups)
        case .isEmpty: return .bool(overdueCount == 0 && awaitingCount == 0)
        case .summary: return .text(strings.format("open.summary", ["overdue": String(overdueCount), "awaiting": String(awaitingCount)]))
        case .overdueCount: return .number(overdueCount)
        case .awaitingCount: return .number(awaitingCount)
        }
    }
}

/// One group of open items, with its heading and a sentence on what it holds.
struct OpenGroup: TemplateView {
    let key: String
    let heading: String
    let intro: String
    let items: [OpenItemView]

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case key, heading, intro, items, count }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .key: return .text(self.key)
        case .heading: return .text(heading)
        case .intro: return .text(intro)
        case .items: return .views(items)
        case .count: return .number(items.count)
        }
    }
}
