import InspraakTemplates
import InspraakSource
/// The open items page (`open` template).
struct OpenPage: TemplateView {
    let context: RenderContext
    let path = SitePaths.open
    /// The state groups, made once: the page lists them, and the filters at the top count them
    /// and group their items again by theme and council.
    private let groups: OpenGroupsView

    init(context: RenderContext) {
        self.context = context
        let statuses = context.graph.statuses
        groups = OpenGroupsView(context, open: statuses.open, inProgress: statuses.inProgress,
                                implementationOverdue: statuses.implementationOverdue, from: SitePaths.open)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case intro, groupLevel, open, filters }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .intro: return .text(context.strings["open.intro"])
        case .groupLevel: return .number(2)
        case .open: return .view(groups)
        case .filters: return .view(OpenFilters(context, groups: groups.groups))
        }
    }
}

/// The accessibility statement (`accessibility` template): its words are all in `t.statement`.
struct AccessibilityPage: TemplateView {
    /// No names of its own.
    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: RawRepresentable, CaseIterable {
        init?(rawValue: String) { nil }
        var rawValue: String { switch self {} }
    }

    func value(_ key: Key) -> TemplateValue? {
        switch key {}
    }
}

/// The page not found (`404` template), served at any address: root-relative links.
struct NotFoundPage: TemplateView {
    let context: RenderContext

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case themesHref, openHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .themesHref: return .text(context.paths.rooted(SitePaths.themes))
        case .openHref: return .text(context.paths.rooted(SitePaths.open))
        }
    }
}

/// `data/` (`data` template): the open-data files for people who want the figures themselves,
/// in the site's frame and language (the files and their dictionary are made by `OpenDataFiles`).
struct DataPage: TemplateView {
    let context: RenderContext
    let path = OpenDataFiles.pagePath

    private func link(_ file: String) -> String { SitePaths.relative(from: path, to: "data/" + file) }

    private var licence: OpenDataLicence.Licence {
        OpenDataLicence.accepted[context.settings.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable {
        case dataTables, licenceName, licenceHref, licenceID, readmeHref, catalogTurtleHref, catalogJSONLDHref
    }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .dataTables:
            return .views(OpenDataFiles.tableNames.map { name in
                DataTableLink(title: context.strings["data.table.\(name)"], csvHref: link("\(name).csv"),
                              jsonHref: link("\(name).json"), metadataHref: link("\(name).csv-metadata.json"))
            })
        case .licenceName: return .text(licence.name)
        case .licenceHref: return .text(licence.page)
        case .licenceID: return .text(context.settings.dataLicense)
        case .readmeHref: return .text(link("README.md"))
        case .catalogTurtleHref: return .text(link("catalog.ttl"))
        case .catalogJSONLDHref: return .text(link("catalog.jsonld"))
        }
    }
}

/// One table of the open data, in its three files.
struct DataTableLink: TemplateView {
    let title: String
    let csvHref: String
    let jsonHref: String
    let metadataHref: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, csvHref, jsonHref, metadataHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .csvHref: return .text(csvHref)
        case .jsonHref: return .text(jsonHref)
        case .metadataHref: return .text(metadataHref)
        }
    }
}
