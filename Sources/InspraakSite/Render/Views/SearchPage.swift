import InspraakTemplates
import InspraakSource
/// The search page (`search` template): the browse pages as plain links, which work without
/// JavaScript and without a search index; the theme's script adds the search form on top when
/// Pagefind's index (`pagefind/`) is there.
struct SearchPage: TemplateView {
    let context: RenderContext
    let path = SitePaths.search

    /// The pages a resident can browse instead of searching, in the order of the navigation.
    /// Council and place overviews join this list once those pages exist.
    static func browseTargets(_ strings: Strings) -> [(label: String, path: String)] {
        [
            (strings["kind.meetings"], SitePaths.list(.meetings, page: 1)),
            (strings["kind.advice"], SitePaths.list(.advice, page: 1)),
            (strings["kind.feedback"], SitePaths.list(.feedback, page: 1)),
            (strings["kind.themes"], SitePaths.themes),
            (strings["kind.councils"], SitePaths.councils),
            (strings["kind.places"], SitePaths.places),
            (strings["kind.open"], SitePaths.open),
        ]
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case browse, bundleHref, scriptHref, basePath }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .browse:
            return .views(Self.browseTargets(context.strings).map { BrowseLink(label: $0.label, href: SitePaths.relative(from: path, to: $0.path)) })
        case .bundleHref: return .text(SitePaths.relative(from: path, to: SitePaths.searchIndex))
        case .scriptHref:
            return .optional(context.assets.published[SitePaths.searchScript].map { SitePaths.relative(from: path, to: $0) })
        case .basePath: return .text(context.settings.basePath)
        }
    }
}

/// A page to browse from the search page: its name and a link.
struct BrowseLink: TemplateView {
    let label: String
    let href: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case label, href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .label: return .text(label)
        case .href: return .text(href)
        }
    }
}

/// One value a record page gives the search index to filter on (`data-pagefind-filter`): the
/// filter's name (`type`, `theme`, `council`, `status`) and the value as residents read it.
struct SearchFilter: TemplateView {
    let name: String
    let value: String

    /// A record's filters: its kind, each theme, the advice's council and its status as its
    /// badge says it. A `place` filter joins here once records have places.
    static func filters(of record: Record, _ context: RenderContext) -> [SearchFilter] {
        var filters = [SearchFilter(name: "type", value: context.kindLabel(record.kind))]
        filters += context.graph.themesOf[record.id, default: []].map { SearchFilter(name: "theme", value: context.themeTitle($0)) }
        // The council and places by their titles, as their own pages name them.
        if let council = context.graph.council(of: record) { filters.append(SearchFilter(name: "council", value: council.title)) }
        filters += context.graph.places(of: record).map { SearchFilter(name: "place", value: $0.title) }
        if let badge = context.recordBadge(record) { filters.append(SearchFilter(name: "status", value: badge.label)) }
        return filters
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case name, value }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .name: return .text(name)
        case .value: return .text(value)
        }
    }
}
