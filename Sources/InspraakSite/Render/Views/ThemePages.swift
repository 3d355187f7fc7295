import InspraakTemplates
import InspraakSource
/// The themes index (`themes` template): every theme with how many records and open items it has.
struct ThemesPage: TemplateView {
    let context: RenderContext
    let path = SitePaths.themes

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case intro, themes }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .intro: return .text(context.strings["themes_intro"])
        case .themes: return .views(ThemeSummary.all(context, from: path))
        }
    }
}

/// A theme as the home page and the themes index list it; the councils and places indexes
/// list theirs the same way.
struct ThemeSummary: TemplateView {
    let title: String
    let description: String
    let href: String
    let count: Int
    /// "12 stukken", "5 adviezen".
    let countText: String
    let overdue: Int
    let awaiting: Int
    let strings: Strings

    static func all(_ context: RenderContext, from path: String) -> [ThemeSummary] {
        let graph = context.graph
        return graph.themes.map { theme in
            ThemeSummary(title: theme.title, description: theme.description, to: SitePaths.theme(theme.slug),
                         records: graph.records(inTheme: theme.slug), from: path, context)
        }
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, description, href, count, countText, overdue, awaiting, hasOpen, openText }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .description: return .optional(description.nonEmpty)
        case .href: return .text(href)
        case .count: return .number(count)
        case .countText: return .text(countText)
        case .overdue: return .number(overdue)
        case .awaiting: return .number(awaiting)
        case .hasOpen: return .bool(overdue + awaiting > 0)
        case .openText: return .text(strings.format("open.summary", ["overdue": String(overdue), "awaiting": String(awaiting)]))
        }
    }
}

extension ThemeSummary {
    /// A theme, place or council with its records counted (`countKey`: how the count reads).
    init(title: String, description: String, to target: String, records: [Record], countKey: String = "records_count",
         from path: String, _ context: RenderContext) {
        let open = context.figureShares.value.openItems(for: records)
        let overdue = open.filter(\.isOverdue).count
        self.init(title: title, description: description, href: SitePaths.relative(from: path, to: target), count: records.count,
                  countText: context.strings.count(countKey, records.count), overdue: overdue, awaiting: open.count - overdue,
                  strings: context.strings)
    }
}

/// One theme's page (`theme` template): its text, open items, figures and records by kind.
struct ThemePage: TemplateView {
    let context: RenderContext
    let theme: Theme
    /// The theme's records.
    let records: [Record]

    init(_ context: RenderContext, theme: Theme) {
        self.context = context
        self.theme = theme
        records = context.graph.records(inTheme: theme.slug)
    }

    var path: String { SitePaths.theme(theme.slug) }

    var frame: PageFrame {
        PageFrame(context, at: path, title: theme.title, description: theme.description.nonEmpty,
                  feeds: PageFrame.feeds(context, themes: [theme.slug]), section: "themes")
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case theme, feedHref, themesHref, figures, cardLevel, groupLevel, open, groups, calendar, changeFeeds
    }

    func value(_ key: Key) -> TemplateValue? {
        let graph = context.graph
        switch key {
        case .theme: return .view(ThemeHeader(title: theme.title, description: theme.description, bodyHTML: context.texts.themes[theme.slug]?.html ?? ""))
        case .feedHref: return .text(SitePaths.relative(from: path, to: "themes/\(theme.slug)/feed.xml"))
        case .themesHref: return .text(SitePaths.relative(from: path, to: SitePaths.themes))
        case .figures: return .view(FiguresView(figures: context.figureShares.value.figures(for: records), id: "cijfers-\(theme.slug)", strings: context.strings))
        case .cardLevel: return .number(4)
        case .groupLevel: return .number(3)
        case .open: return .view(OpenGroupsView(context, of: records, from: path))
        case .groups: return .views(KindGroup.groups(records, context, from: path))
        case .calendar: return .view(CalendarLinks(from: path, file: MeetingCalendar.themeFile(theme.slug), paths: context.paths))
        case .changeFeeds: return .views([ChangeFeedLink(ChangeFeed.feed(.theme(theme.slug), context), paths: context.paths)])
        }
    }
}

/// The theme itself, at the top of its page (a place's page starts the same way).
struct ThemeHeader: TemplateView {
    let title: String
    let description: String
    let bodyHTML: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, description, bodyHTML }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .description: return .optional(description.nonEmpty)
        case .bodyHTML: return .text(bodyHTML)
        }
    }
}

/// A theme's records of one kind, newest first.
struct KindGroup: TemplateView {
    let context: RenderContext
    let kind: RecordKind
    let records: [Record]
    let path: String

    /// `records` by kind, each kind newest first; kinds without records left out.
    static func groups(_ records: [Record], _ context: RenderContext, from path: String) -> [KindGroup] {
        RecordKind.allCases.compactMap { kind -> KindGroup? in
            let group = context.graph.newestFirst(records.filter { $0.kind == kind })
            guard !group.isEmpty else { return nil }
            return KindGroup(context: context, kind: kind, records: group, path: path)
        }
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case kind, heading, count, records }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .kind: return .text(kind.rawValue)
        case .heading: return .text(context.strings["kind.\(kind.rawValue)"])
        case .count: return .number(records.count)
        case .records: return RecordCard.cards(records, from: path, context)
        }
    }
}
