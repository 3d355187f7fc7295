import InspraakSource
import InspraakTemplates

/// Builds the values templates see. Every link is made here, relative to the page that shows it,
/// so templates never compute a path; every text is plain (templates escape it) unless its name
/// ends in `HTML` (rendered Markdown or SVG made by inspraak).
struct PageBuilder: Sendable {
    let graph: SiteGraph
    let config: SiteConfig
    let strings: Strings
    let texts: RenderedTexts
    let paths: SitePaths
    let assets: Assets
    /// `t` in every template.
    let stringTree: TemplateValue
    /// What a record shows wherever it appears (its date, its status badge), made once: a
    /// record is on its own page, a list page, one or more theme pages and other records' trails.
    private var recordFacts: [String: RecordFacts]
    /// Each theme's link as seen from a page `depth` folders deep (`themeLinksByDepth[depth][slug]`).
    private let themeLinksByDepth: [[String: TemplateValue]]
    /// "Bijeenkomst" and "Bijeenkomsten" per kind, looked up once.
    private let kindLabels: [RecordKind: (one: String, many: String)]
    /// What each record's page shows of its trail, in the order of `graph.records`.
    let trails: [TrailWindow]

    struct RecordFacts: Sendable {
        let date: TemplateValue
        let status: TemplateValue?
    }

    init(graph: SiteGraph, config: SiteConfig, strings: Strings, texts: RenderedTexts, assets: Assets) {
        self.graph = graph
        self.config = config
        self.strings = strings
        self.texts = texts
        self.paths = SitePaths(config: config)
        self.assets = assets
        self.stringTree = strings.templateTree()
        self.kindLabels = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map {
            ($0, (strings["kind_one.\($0.rawValue)"], strings["kind.\($0.rawValue)"]))
        })
        self.themeLinksByDepth = (0...SitePaths.deepestPage).map { depth in
            let page = String(repeating: "x/", count: depth)
            return Dictionary(graph.themes.map { theme in
                (theme.slug, ["title": .text(theme.title), "href": .text(SitePaths.relative(from: page, to: SitePaths.theme(theme.slug)))] as TemplateValue)
            }) { first, _ in first }
        }
        self.trails = graph.trailWindows()
        self.recordFacts = [:]
        let builder = self
        let facts = graph.records.parallelMap { record in
            RecordFacts(date: Self.time(record.date, strings: strings), status: builder.recordBadge(record)?.view)
        }
        self.recordFacts = Dictionary(zip(graph.records.map(\.id), facts)) { first, _ in first }
    }

    /// "Bijeenkomst" (one) or "Bijeenkomsten" (the list).
    func kindLabel(_ kind: RecordKind, plural: Bool = false) -> String {
        plural ? kindLabels[kind]!.many : kindLabels[kind]!.one
    }

    /// A feed a page announces with `<link rel="alternate">`.
    struct Feed {
        let title: String
        let path: String
    }

    /// What every page has: head, header, navigation, footer.
    func frame(at path: String, title: String?, description: String?, feeds: [Feed], section: String?) -> View {
        let link = { (target: String) in path == SitePaths.notFound ? paths.rooted(target) : SitePaths.relative(from: path, to: target) }
        let nav: [TemplateValue] = [
            ("meetings", SitePaths.list(.meetings, page: 1)),
            ("advice", SitePaths.list(.advice, page: 1)),
            ("feedback", SitePaths.list(.feedback, page: 1)),
            ("themes", SitePaths.themes),
            ("open", SitePaths.open),
        ].map { key, target in
            ["label": .text(strings["kind.\(key)"]), "href": .text(link(target)), "section": .bool(section == key), "current": .bool(path == target)]
        }
        var stylesheets: [TemplateValue] = []
        for name in assets.stylesheetNames {
            stylesheets.append(["href": .text(link(assets.published[name]!)), "name": .text(name)])
        }
        let pageTitle = title.map { "\($0) – \(config.title)" } ?? config.title
        var frame: View = [
            "lang": .text(config.language),
            "siteTitle": .text(config.title),
            "title": .text(pageTitle),
            "heading": .text(title ?? config.title),
            "description": .text(description ?? config.description),
            "canonical": .text(path == SitePaths.notFound ? "" : paths.absolute(path)),
            "isIndexable": .bool(path != SitePaths.notFound),
            "homeHref": .text(link(SitePaths.home)),
            "stylesheets": .list(stylesheets),
            "feeds": .list(feeds.map {
                ["title": .text($0.title), "href": .text(paths.absolute($0.path)),
                 "atomHref": .text(paths.absolute(FeedFormats.atom(besides: $0.path))),
                 "jsonHref": .text(paths.absolute(FeedFormats.json(besides: $0.path)))]
            }),
            "footerFeedHref": .text(link("feed.xml")),
            "sitemapHref": .text(link("sitemap.xml")),
            "openDataHref": .text(link(OpenDataFiles.pagePath)),
            "accessibilityHref": .text(link(SitePaths.accessibility)),
            "nav": .list(nav),
            "t": stringTree,
        ]
        if !config.description.isEmpty { frame["siteDescription"] = .text(config.description) }
        return frame
    }

    /// A record as it appears in lists: title, kind, date, themes, summary, status.
    func card(_ record: Record, from path: String) -> TemplateValue {
        [
            "title": .text(record.title),
            "href": .text(SitePaths.relative(from: path, to: SitePaths.record(record))),
            "kind": .text(record.kind.rawValue),
            "kindLabel": .text(kindLabel(record.kind)),
            "date": date(of: record),
            "themes": themeLinks(record, from: path),
            "summaryHTML": .optional(texts.records[record.id]?.summaryHTML),
            "status": .optional(status(of: record)),
        ]
    }

    func time(_ moment: Moment) -> TemplateValue {
        Self.time(moment, strings: strings)
    }

    private static func time(_ moment: Moment, strings: Strings) -> TemplateValue {
        ["iso": .text(Strings.machine(moment)), "text": .text(strings.moment(moment))]
    }

    /// The record's date (`time(record.date)`, looked up).
    func date(of record: Record) -> TemplateValue {
        recordFacts[record.id]?.date ?? time(record.date)
    }

    /// The record's status badge (`recordStatus(record)`, looked up).
    func status(of record: Record) -> TemplateValue? {
        guard let facts = recordFacts[record.id] else { return recordStatus(record) }
        return facts.status
    }

    func time(_ day: Day) -> TemplateValue {
        ["iso": .text(day.iso), "text": .text(strings.longDate(day))]
    }

    func themeLinks(_ record: Record, from path: String) -> TemplateValue {
        let depth = SitePaths.depth(of: path)
        let links = depth < themeLinksByDepth.count ? themeLinksByDepth[depth] : [:]
        return .list(graph.themesOf[record.id, default: []].compactMap { slug in
            if let link = links[slug] { return link }
            guard let theme = graph.theme(slug) else { return nil }
            return ["title": .text(theme.title), "href": .text(SitePaths.relative(from: path, to: SitePaths.theme(slug)))]
        })
    }

    func themeTitle(_ slug: String) -> String {
        graph.theme(slug)?.title ?? slug
    }

    /// Feeds a record-related page announces: the site's, the kind's, and each of the themes'.
    func feeds(kind: RecordKind? = nil, themes: [String] = []) -> [Feed] {
        var feeds = [Feed(title: config.title, path: "feed.xml")]
        if let kind {
            feeds.append(Feed(title: "\(strings["kind.\(kind.rawValue)"]) – \(config.title)", path: "\(kind.rawValue)/feed.xml"))
        }
        for slug in themes {
            feeds.append(Feed(title: "\(themeTitle(slug)) – \(config.title)", path: "themes/\(slug)/feed.xml"))
        }
        return feeds
    }
}


extension String {
    /// Nil for "", so a template section `{{#x}}` is left out instead of rendering empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
