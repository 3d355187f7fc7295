/// Builds the values templates see. Every link is made here, relative to the page that shows it,
/// so templates never compute a path; every text is plain (templates escape it) unless its name
/// ends in `HTML` (rendered Markdown or SVG made by inspraak).
///
/// `@unchecked Sendable`: the only non-Sendable part is the strings tree, built once in `init`
/// and never changed, so sharing it between rendering threads is safe.
struct PageBuilder: @unchecked Sendable {
    let graph: SiteGraph
    let strings: Strings
    let texts: RenderedTexts
    let paths: SitePaths
    let assets: Assets
    /// `t` in every template.
    let stringTree: [String: Any]

    init(graph: SiteGraph, strings: Strings, texts: RenderedTexts, assets: Assets) {
        self.graph = graph
        self.strings = strings
        self.texts = texts
        self.paths = SitePaths(config: graph.config)
        self.assets = assets
        self.stringTree = strings.templateTree()
    }

    var config: SiteConfig { graph.config }

    /// A feed a page announces with `<link rel="alternate">`.
    struct Feed {
        let title: String
        let path: String
    }

    /// What every page has: head, header, navigation, footer.
    func frame(at path: String, title: String?, description: String?, feeds: [Feed], section: String?) -> [String: Any] {
        let link = { (target: String) in path == SitePaths.notFound ? paths.rooted(target) : SitePaths.relative(from: path, to: target) }
        let nav: [[String: Any]] = [
            ("meetings", SitePaths.list(.meetings, page: 1)),
            ("advice", SitePaths.list(.advice, page: 1)),
            ("feedback", SitePaths.list(.feedback, page: 1)),
            ("themes", SitePaths.themes),
            ("open", SitePaths.open),
        ].map { key, target in
            ["label": strings["kind.\(key)"], "href": link(target), "section": section == key, "current": path == target]
        }
        var stylesheets: [[String: Any]] = []
        for (name, published) in assets.published.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".css") {
            stylesheets.append(["href": link(published), "name": name])
        }
        let pageTitle = title.map { "\($0) – \(config.title)" } ?? config.title
        var frame: [String: Any] = [
            "lang": config.language,
            "siteTitle": config.title,
            "title": pageTitle,
            "heading": title ?? config.title,
            "description": description ?? config.description,
            "canonical": path == SitePaths.notFound ? "" : paths.absolute(path),
            "isIndexable": path != SitePaths.notFound,
            "homeHref": link(SitePaths.home),
            "stylesheets": stylesheets,
            "feeds": feeds.map { ["title": $0.title, "href": paths.absolute($0.path)] },
            "footerFeedHref": link("feed.xml"),
            "sitemapHref": link("sitemap.xml"),
            "accessibilityHref": link(SitePaths.accessibility),
            "nav": nav,
            "t": stringTree,
        ]
        if !config.description.isEmpty { frame["siteDescription"] = config.description }
        return frame
    }

    /// A record as it appears in lists: title, kind, date, themes, summary, status.
    func card(_ record: Record, from path: String) -> [String: Any] {
        var card: [String: Any] = [
            "status": false, "summaryHTML": false,
            "title": record.title,
            "href": SitePaths.relative(from: path, to: SitePaths.record(record)),
            "kind": record.kind.rawValue,
            "kindLabel": strings["kind_one.\(record.kind.rawValue)"],
            "date": time(record.date),
            "themes": themeLinks(record, from: path),
        ]
        if let summary = texts.records[record.id]?.summaryHTML { card["summaryHTML"] = summary }
        if let status = recordStatus(record) { card["status"] = status }
        return card
    }

    func time(_ moment: Moment) -> [String: Any] {
        ["iso": Strings.machine(moment), "text": strings.moment(moment)]
    }

    func time(_ day: Day) -> [String: Any] {
        ["iso": day.iso, "text": strings.longDate(day)]
    }

    func themeLinks(_ record: Record, from path: String) -> [[String: Any]] {
        graph.themesOf[record.id, default: []].compactMap { slug in
            guard let theme = graph.themes.first(where: { $0.slug == slug }) else { return nil }
            return ["title": theme.title, "href": SitePaths.relative(from: path, to: SitePaths.theme(slug))]
        }
    }

    func themeTitle(_ slug: String) -> String {
        graph.themes.first { $0.slug == slug }?.title ?? slug
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
