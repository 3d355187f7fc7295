import InspraakTemplates
import InspraakSource
/// The record a record page shows (`{{#record}}` in the `record` template): its fields, its
/// text, its items with their status, its links and trail.
struct RecordView: TemplateView {
    let context: RenderContext
    let record: Record
    /// The record's own page.
    let path: String

    /// What the `record` template asks for twice (`{{^empty(x)}}…{{#x}}`), made once.
    private let themes: TemplateValue
    private let documents: TemplateValue
    private let responses: TemplateValue
    private let buildsOn: TemplateValue
    private let followedBy: TemplateValue
    private let trail: TemplateValue
    private let changeLog: TemplateValue

    init(_ context: RenderContext, record: Record) {
        self.context = context
        self.record = record
        let path = SitePaths.record(record)
        self.path = path
        themes = context.themeLinks(record, from: path)
        documents = .views(record.documents.map { DocumentLink(document: $0, record: record, from: path) })
        if let feedback = record.feedback {
            responses = .views(feedback.responses.enumerated().compactMap { ResponseView(context, feedback: record, response: $1, index: $0) })
        } else {
            responses = .list([])
        }
        var seen = Set<String>()
        buildsOn = .views((context.graph.links[record.id] ?? []).compactMap { link -> RecordReference? in
            guard seen.insert(link.target).inserted, let target = context.record(link.target) else { return nil }
            return RecordReference(context, target: target, from: path)
        })
        let followers = (context.graph.backlinks[record.id] ?? []).compactMap(context.record)
        followedBy = .views(RecordKind.allCases.compactMap { kind -> FollowGroup? in
            let group = followers.filter { $0.kind == kind }
            guard !group.isEmpty else { return nil }
            return FollowGroup(kindLabel: context.strings["kind.\(kind.rawValue)"],
                               records: group.map { RecordReference(context, target: $0, from: path) })
        })
        trail = .list(Self.trail(of: record, context, from: path))
        // `[history] show`: the commits that changed the record, newest first, by day and
        // subject (never by author).
        changeLog = context.settings.showHistory
            ? .views(record.changes.map { ChangeLogEntry(date: TimeView($0.day, strings: context.strings), subject: $0.subject) })
            : .list([])
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case id, title, kind, kindLabel, kindListLabel, kindHref, date, updated, status, summaryHTML, bodyHTML
        case isMeeting, isAdvice, isFeedback, meta, themes, places, documents, extra
        case items, wholeStatus, responses, decision, buildsOn, followedBy, trail, changeLog, searchFilters
    }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .id: return .text(record.id)
        case .title: return .text(record.title)
        case .kind: return .text(record.kind.rawValue)
        case .kindLabel: return .text(context.kindLabel(record.kind))
        case .kindListLabel: return .text(context.strings["kind.\(record.kind.rawValue)"])
        case .kindHref: return .text(SitePaths.relative(from: path, to: SitePaths.list(record.kind, page: 1)))
        case .date: return context.date(of: record)
        case .updated:
            // "Bijgewerkt" only when it says something: a change after the record's own date.
            guard let updated = record.updated, updated > record.date.day else { return .bool(false) }
            return .view(TimeView(updated, strings: context.strings))
        case .status: return context.status(of: record)
        case .summaryHTML: return .optional(record.summary.flatMap { _ in context.texts.records[record.id]?.summaryHTML })
        case .bodyHTML: return .text(context.texts.records[record.id]?.bodyHTML ?? "")
        case .isMeeting: return .bool(record.kind == .meetings)
        case .isAdvice: return .bool(record.kind == .advice)
        case .isFeedback: return .bool(record.kind == .feedback)
        case .meta: return .views(MetaRow.rows(record, context, from: path))
        case .themes: return themes
        case .places: return context.placeLinks(record, from: path)
        case .documents: return documents
        case .extra: return ExtraValue.fields(record.extraFields).templateValue
        case .items:
            return record.items.isEmpty ? .bool(false) : .view(ItemsSection(context: context, record: record))
        case .wholeStatus:
            let key = ItemKey(record: record.id, item: nil)
            guard record.items.isEmpty, record.kind != .feedback, let status = context.graph.statuses.items[key], status != .notExpected else { return .bool(false) }
            return .view(ItemStatusView(context, item: key, since: record.date.day, from: path))
        case .responses: return responses
        case .decision:
            return .optional(record.feedback?.decision.map { DecisionView(title: $0.title, href: $0.url) })
        case .buildsOn: return buildsOn
        case .followedBy: return followedBy
        case .trail: return trail
        case .changeLog: return changeLog
        case .searchFilters: return .views(SearchFilter.filters(of: record, context))
        }
    }

    /// The trail around the record: long ones with the steps left out counted, and a link to
    /// the nearest of them to read on (see `TrailWindow`).
    private static func trail(of record: Record, _ context: RenderContext, from path: String) -> [TemplateValue] {
        guard let index = context.graph.position[record.id] else { return [] }
        return context.trails[index].steps.map { step in
            switch step {
            case .record(let shown):
                return .view(RecordReference(context, target: shown, from: path, trailOf: record))
            case .gap(let hidden, let nearest):
                return .view(TrailGapStep(gap: TrailGap(context, hidden: hidden, nearest: nearest, around: record, from: path)))
            }
        }
    }
}
