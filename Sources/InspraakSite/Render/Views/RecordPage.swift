import InspraakTemplates
import InspraakSource
/// A record's page (`record` template): the record, its JSON-LD, and for meetings and advice
/// how to follow them.
struct RecordPage: TemplateView {
    let context: RenderContext
    let record: Record
    /// Made once: `{{#jsonLD}}{{{jsonLD}}}{{/jsonLD}}` asks for it twice.
    let jsonLD: String

    init(context: RenderContext, record: Record) {
        self.context = context
        self.record = record
        jsonLD = JSONLD.record(record, context).encoded
    }

    var path: String { SitePaths.record(record) }

    /// The date in the page title: recurring meetings share names ("Stamtafel wonen").
    var frame: PageFrame {
        PageFrame(context, at: path, title: "\(record.title), \(context.strings.longDate(record.date.day))",
                  description: context.texts.records[record.id]?.summaryText,
                  feeds: PageFrame.feeds(context, kind: record.kind, themes: context.graph.themesOf[record.id] ?? []),
                  section: record.kind.rawValue)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case record, jsonLD, calendar, follow, changeFeeds }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .record: return .view(RecordView(context, record: record))
        case .jsonLD: return .text(jsonLD)
        case .calendar:
            guard record.kind == .meetings else { return nil }
            return .view(CalendarLinks(from: path, file: MeetingCalendar.siteFile, paths: context.paths))
        case .follow: return record.kind == .feedback ? nil : .view(FollowLink())
        case .changeFeeds:
            guard record.kind != .feedback else { return nil }
            return .views([ChangeFeedLink(ChangeFeed.feed(.record(record.id), context), paths: context.paths)])
        }
    }
}
