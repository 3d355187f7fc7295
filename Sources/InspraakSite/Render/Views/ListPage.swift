import InspraakTemplates
import InspraakSource
/// One page of the records of one kind (`list` template), newest first.
struct ListPage: TemplateView {
    let context: RenderContext
    let kind: RecordKind
    /// From 1.
    let page: Int
    /// All records of the kind, newest first.
    let records: [Record]

    var path: String { SitePaths.list(kind, page: page) }
    var pageCount: Int { PageContents.pageCount(records.count, size: context.settings.paginationSize) }

    /// The frame: the kind's name as heading, "page 2 of 3" in the title after the first page.
    var frame: PageFrame {
        let label = context.strings["kind.\(kind.rawValue)"]
        return PageFrame(context, at: path, title: page > 1 ? "\(label) – \(pageText)" : label, heading: label, description: nil,
                         feeds: PageFrame.feeds(context, kind: kind), section: kind.rawValue)
    }

    private var pageText: String {
        context.strings.format("page_of", ["page": String(page), "pages": String(pageCount)])
    }

    private var slice: ArraySlice<Record> {
        PageContents.listSlice(records, page: page, size: context.settings.paginationSize)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case cardLevel, kind, records, isEmpty, feedHref, pager, calendar }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .cardLevel: return .number(2)
        case .kind: return .text(kind.rawValue)
        case .records: return RecordCard.cards(slice, from: path, context)
        case .isEmpty: return .bool(slice.isEmpty)
        case .feedHref: return .text(SitePaths.relative(from: path, to: "\(kind.rawValue)/feed.xml"))
        case .pager:
            guard pageCount > 1 else { return .bool(false) }
            return .view(Pager(text: pageText,
                               previousHref: page > 1 ? SitePaths.relative(from: path, to: SitePaths.list(kind, page: page - 1)) : nil,
                               nextHref: page < pageCount ? SitePaths.relative(from: path, to: SitePaths.list(kind, page: page + 1)) : nil))
        case .calendar:
            guard kind == .meetings else { return nil }
            return .view(CalendarLinks(from: path, file: MeetingCalendar.siteFile, paths: context.paths))
        }
    }
}

/// "Pagina 2 van 3", with the previous and next pages.
struct Pager: TemplateView {
    let text: String
    let previousHref: String?
    let nextHref: String?

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case text, previousHref, nextHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .text: return .text(text)
        case .previousHref: return .optional(previousHref)
        case .nextHref: return .optional(nextHref)
        }
    }
}
