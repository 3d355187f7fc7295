import InspraakTemplates
import InspraakSource
/// A meeting's input points or an advice's recommendations, each with its status.
struct ItemsSection: TemplateView {
    let context: RenderContext
    let record: Record

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case heading, intro, list }

    func value(_ key: Key) -> TemplateValue? {
        let isAdvice = record.kind == .advice
        switch key {
        case .heading: return .text(context.strings[isAdvice ? "section.recommendations" : "section.input"])
        case .intro: return .text(context.strings[isAdvice ? "section.recommendations_intro" : "section.input_intro"])
        case .list: return .views(record.items.map { ItemView(context: context, record: record, id: $0.id) })
        }
    }
}

/// One input point or recommendation: its anchor, its text, its status.
struct ItemView: TemplateView {
    let context: RenderContext
    let record: Record
    let id: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case id, label, textHTML, status }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .id: return .text(id)
        case .label: return .optional(context.itemLabel(id, in: record))
        case .textHTML: return .text(context.texts.records[record.id]?.items[id] ?? "")
        case .status:
            return .view(ItemStatusView(context, item: ItemKey(record: record.id, item: id), since: record.date.day, from: SitePaths.record(record)))
        }
    }
}

/// One answer of a feedback, with the text of what it answers.
final class ResponseView: TemplateView {
    let context: RenderContext
    let feedback: Record
    let response: Response
    let target: Record
    /// Its position in `responds_to` (its note is found by it).
    let index: Int
    /// What the `record` template asks for twice (`{{#x}}…{{x}}`), made once.
    private let itemTextHTML: TemplateValue
    private let expected: TemplateValue
    private let noteHTML: TemplateValue

    init?(_ context: RenderContext, feedback: Record, response: Response, index: Int) {
        guard let target = context.record(response.ref.target) else { return nil }
        self.context = context
        self.feedback = feedback
        self.response = response
        self.target = target
        self.index = index
        let strings = context.strings
        itemTextHTML = response.ref.item.map { .text(context.texts.records[target.id]?.items[$0] ?? "") } ?? .bool(false)
        expected = .optional(response.expected.map {
            strings.format(response.implementation == nil ? "history.promised_decision" : "history.promised_done", ["date": strings.longDate($0)])
        })
        noteHTML = .optional(context.texts.records[feedback.id]?.notes[index])
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case targetTitle, targetKind, targetHref, itemID, itemLabel, itemTextHTML, coversAll, outcome, implementation, expected, noteHTML, superseded
    }

    func value(_ key: Key) -> TemplateValue? {
        let strings = context.strings
        let item = response.ref.item
        switch key {
        case .targetTitle: return .text(target.title)
        case .targetKind: return .text(context.kindLabel(target.kind))
        case .targetHref: return .text(SitePaths.relative(from: SitePaths.record(feedback), to: SitePaths.record(target)) + (item.map { "#\($0)" } ?? ""))
        case .itemID: return .optional(item)
        case .itemLabel: return .optional(item.flatMap { context.itemLabel($0, in: target) })
        case .itemTextHTML: return itemTextHTML
        case .coversAll: return .bool(item == nil && !target.items.isEmpty)
        case .outcome: return .optional(response.outcome.map { BadgeLabel.outcome($0, strings: strings) })
        case .implementation: return .optional(response.implementation.map { BadgeLabel.implementation($0, strings: strings) })
        case .expected: return expected
        case .noteHTML: return noteHTML
        case .superseded:
            // Later feedback may have changed this outcome or reported on carrying it out; say so.
            guard let key = PageContents.laterStateKey(response, target: target) else { return .bool(false) }
            return .optional(LaterStateView(context, item: key, after: feedback, from: SitePaths.record(feedback)))
        }
    }
}
