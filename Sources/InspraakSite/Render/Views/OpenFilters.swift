import InspraakTemplates
import InspraakSource
/// The open-items page's ways in without JavaScript: counts by state, by theme and by council at
/// the top (`filters` in the `open` template), each a link to a section further down that
/// groups the same open items again (`themeSections`, `councilSections`).
struct OpenFilters: TemplateView {
    let states: [FilterLink]
    let themes: [FilterLink]
    let councils: [FilterLink]
    let themeSections: [OpenSection]
    let councilSections: [OpenSection]

    /// `groups` are the page's state groups (`OpenGroupsView`), whose sections have the ids
    /// `open-<key>`; their items, in the page's order, are grouped again.
    init(_ context: RenderContext, groups: [OpenGroup]) {
        let graph = context.graph
        states = groups.map { FilterLink(label: $0.heading, href: "#open-\($0.key)", count: $0.items.count) }

        let views = groups.flatMap(\.items)
        var byTheme: [String: [OpenItemView]] = [:]
        var withoutTheme: [OpenItemView] = []
        var byCouncil: [String: [OpenItemView]] = [:]
        for view in views {
            let slugs = graph.themesOf[view.record.id, default: []]
            if slugs.isEmpty { withoutTheme.append(view) }
            for slug in slugs { byTheme[slug, default: []].append(view) }
            if let council = graph.council(of: view.record) { byCouncil[council.slug, default: []].append(view) }
        }
        var themeSections = graph.themes.compactMap { theme -> OpenSection? in
            guard let items = byTheme[theme.slug] else { return nil }
            return OpenSection(id: "open-theme-\(theme.slug)", heading: theme.title, items: items)
        }
        if !withoutTheme.isEmpty {
            themeSections.append(OpenSection(id: "open-theme-none", heading: context.strings["open.no_theme"], items: withoutTheme))
        }
        // Councils as the graph has them (one per slug, by title), anchored by their slug.
        let councilSections = graph.councils.compactMap { council -> OpenSection? in
            guard let items = byCouncil[council.slug] else { return nil }
            return OpenSection(id: "open-council-\(council.slug)", heading: council.title, items: items)
        }
        self.themeSections = themeSections
        self.councilSections = councilSections
        themes = themeSections.map { FilterLink(label: $0.heading, href: "#" + $0.id, count: $0.items.count) }
        councils = councilSections.map { FilterLink(label: $0.heading, href: "#" + $0.id, count: $0.items.count) }
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case states, themes, councils, themeSections, councilSections }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .states: return .views(states)
        case .themes: return .views(themes)
        case .councils: return .views(councils)
        case .themeSections: return .views(themeSections)
        case .councilSections: return .views(councilSections)
        }
    }
}

/// A count that links to the part of the page it counts: the same view as a kind's link.
typealias FilterLink = KindLink

/// Open items of one theme or one council, under a heading with its anchor.
struct OpenSection: TemplateView {
    let id: String
    let heading: String
    let items: [OpenItemView]

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case id, heading, count, items }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .id: return .text(id)
        case .heading: return .text(heading)
        case .count: return .number(items.count)
        case .items: return .views(items)
        }
    }
}
