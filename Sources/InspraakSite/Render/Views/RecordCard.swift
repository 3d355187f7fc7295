import InspraakTemplates
import InspraakSource
/// A record as it appears in lists (`record-card` partial): title, kind, date, themes, summary,
/// status. The heading level comes from the page (`cardLevel`).
final class RecordCard: TemplateView {
    let context: RenderContext
    let record: Record
    /// The output path of the page the card is on.
    let path: String
    /// What `record-card` asks for twice (`{{date.iso}}…{{date.text}}`,
    /// `{{^empty(themes)}}…{{#themes}}`), looked up and made once.
    private let date: TemplateValue
    private let themes: TemplateValue

    init(context: RenderContext, record: Record, path: String) {
        self.context = context
        self.record = record
        self.path = path
        date = context.date(of: record)
        themes = context.themeLinks(record, from: path)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href, kind, kindLabel, date, themes, council, summaryHTML, status }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(record.title)
        case .href: return .text(SitePaths.relative(from: path, to: SitePaths.record(record)))
        case .kind: return .text(record.kind.rawValue)
        case .kindLabel: return .text(context.kindLabel(record.kind))
        case .date: return date
        case .themes: return themes
        case .council: return .optional(context.councilLink(record, from: path))
        case .summaryHTML: return .optional(context.texts.records[record.id]?.summaryHTML)
        case .status: return context.status(of: record)
        }
    }

    static func cards(_ records: some Sequence<Record>, from path: String, _ context: RenderContext) -> TemplateValue {
        .views(records.map { RecordCard(context: context, record: $0, path: path) })
    }
}
