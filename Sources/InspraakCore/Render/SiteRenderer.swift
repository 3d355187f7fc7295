import Foundation

/// Stage 4: the graph and the theme in, every output file's content out (nothing written yet).
public enum SiteRenderer {
    enum Page: Sendable {
        case home
        case list(RecordKind, page: Int)
        case record(Int)
        case themes
        case theme(Int)
        case open
        case accessibility
        case notFound

        /// Roughly how much a page holds: the open items and each theme list many records.
        var weight: Int {
            switch self {
            case .open: return 3
            case .theme: return 2
            case .home, .themes: return 1
            default: return 0
            }
        }
    }

    /// The theme's problems without rendering anything: templates that do not parse, missing
    /// templates, no UI strings for the site's language.
    public static func validate(_ theme: ThemeFiles, config: SiteConfig) -> [Diagnostic] {
        var diagnostics = TemplateSet.compile(theme).1
        if theme.strings[config.language] == nil {
            diagnostics.append(.error(SourceLocation(path: "site.toml"), "the theme `\(theme.name)` has no UI strings for language `\(config.language)` (i18n/\(config.language).toml)"))
        }
        return diagnostics
    }

    public static func render(_ graph: SiteGraph, theme: ThemeFiles) -> (OutputPlan?, [Diagnostic]) {
        render(graph, theme: theme, texts: RenderedTexts.render(graph))
    }

    /// With the Markdown already rendered (the build times that step on its own).
    static func render(_ graph: SiteGraph, theme: ThemeFiles, texts: RenderedTexts) -> (OutputPlan?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let (templates, templateProblems) = TemplateSet.compile(theme)
        diagnostics.append(contentsOf: templateProblems)
        guard let templates, let stringTable = theme.strings[graph.config.language] else {
            return (nil, diagnostics.all + validate(theme, config: graph.config).filter { $0.location.path == "site.toml" })
        }
        let builder = PageBuilder(graph: graph, strings: Strings(stringTable, language: graph.config.language),
                                  texts: texts, assets: Assets(theme))
        let byKind = recordsByKind(graph)
        let pages = pages(graph, byKind: byKind)
        // The biggest pages first, so no core is left finishing a long page alone at the end.
        let schedule = pages.indices.sorted { (pages[$0].weight, $1) > (pages[$1].weight, $0) }
        let scheduled = schedule.parallelMap { index -> (String, [UInt8]?, String) in
            let (path, template, context) = view(pages[index], builder: builder, byKind: byKind)
            return (path, templates.render(context, template: template), template)
        }
        var rendered = scheduled
        for (position, index) in schedule.enumerated() { rendered[index] = scheduled[position] }
        var files: [OutputPlan.File] = []
        var sitemap: [Sitemap.Entry] = []
        for (page, (path, html, template)) in zip(pages, rendered) {
            guard let html else {
                diagnostics.error(SourceLocation(path: "themes/\(theme.name)/templates/\(template).mustache"), "the template `\(template)` does not exist in theme `\(theme.name)`")
                continue
            }
            files.append(.init(path: SitePaths.file(for: path), content: .bytes(html)))
            if path != SitePaths.notFound {
                var lastModified: Day?
                if case .record(let index) = page {
                    let record = graph.records[index]
                    lastModified = record.updated ?? record.date.day
                }
                sitemap.append(.init(path: path, lastModified: lastModified))
            }
        }
        files += feeds(builder, byKind: byKind).map { .init(path: $0.path, content: .bytes(Array($0.xml.utf8))) }
        files.append(.init(path: "sitemap.xml", content: .bytes(Array(Sitemap.xml(sitemap, paths: builder.paths).utf8))))
        files.append(.init(path: "robots.txt", content: .bytes(Array(Sitemap.robots(paths: builder.paths).utf8))))
        files += builder.assets.files.map { .init(path: $0.path, content: .bytes($0.bytes)) }
        for record in graph.records {
            guard let folder = record.source.bundleFolder else { continue }
            for file in record.source.bundleFiles {
                files.append(.init(path: SitePaths.record(record) + file, content: .copy(sourcePath: folder + "/" + file)))
            }
        }
        return (diagnostics.hasErrors ? nil : OutputPlan(files), diagnostics.all)
    }

    /// Every page with its template and view, as `render` makes them: for comparing the
    /// template renderer with swift-mustache on real pages.
    static func views(_ graph: SiteGraph, theme: ThemeFiles) -> [(path: String, template: String, view: View)] {
        guard let stringTable = theme.strings[graph.config.language] else { return [] }
        let builder = PageBuilder(graph: graph, strings: Strings(stringTable, language: graph.config.language),
                                  texts: RenderedTexts.render(graph), assets: Assets(theme))
        let byKind = recordsByKind(graph)
        return pages(graph, byKind: byKind).map { page in
            let (path, template, view) = view(page, builder: builder, byKind: byKind)
            return (path, template, view)
        }
    }

    private static func recordsByKind(_ graph: SiteGraph) -> [RecordKind: [Record]] {
        Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, graph.newestFirst(graph.records.filter { $0.kind == kind }))
        })
    }

    /// Every HTML page of the site, in a fixed order.
    private static func pages(_ graph: SiteGraph, byKind: [RecordKind: [Record]]) -> [Page] {
        var pages: [Page] = [.home, .themes, .open, .accessibility, .notFound]
        for kind in RecordKind.allCases {
            let count = PageBuilder.pageCount(byKind[kind]!.count, size: graph.config.paginationSize)
            pages += (1...count).map { Page.list(kind, page: $0) }
        }
        pages += graph.records.indices.map(Page.record)
        pages += graph.themes.indices.map(Page.theme)
        return pages
    }

    private static func view(_ page: Page, builder: PageBuilder, byKind: [RecordKind: [Record]]) -> (String, String, View) {
        switch page {
        case .home: return (SitePaths.home, "home", builder.homePage())
        case .list(let kind, let number):
            return (SitePaths.list(kind, page: number), "list", builder.listPage(kind, page: number, of: byKind[kind] ?? []))
        case .record(let index):
            let record = builder.graph.records[index]
            let path = SitePaths.record(record)
            let description = builder.texts.records[record.id]?.summaryText
            // The date in the page title: recurring meetings share names ("Stamtafel wonen").
            var context = builder.frame(at: path, title: "\(record.title), \(builder.strings.longDate(record.date.day))", description: description,
                                        feeds: builder.feeds(kind: record.kind, themes: builder.graph.themesOf[record.id] ?? []),
                                        section: record.kind.rawValue)
            context["record"] = builder.recordPage(record)
            return (path, "record", context)
        case .themes: return (SitePaths.themes, "themes", builder.themesPage())
        case .theme(let index):
            let theme = builder.graph.themes[index]
            return (SitePaths.theme(theme.slug), "theme", builder.themePage(theme))
        case .open: return (SitePaths.open, "open", builder.openPage())
        case .accessibility:
            let path = SitePaths.accessibility
            let context = builder.frame(at: path, title: builder.strings["statement.title"], description: builder.strings["statement.intro"],
                                        feeds: builder.feeds(), section: nil)
            return (path, "accessibility", context)
        case .notFound: return (SitePaths.notFound, "404", builder.notFoundPage())
        }
    }

    private static func feeds(_ builder: PageBuilder, byKind: [RecordKind: [Record]]) -> [(path: String, xml: String)] {
        let graph = builder.graph
        let config = graph.config
        var feeds = [RSSFeed(title: config.title, description: config.description.isEmpty ? config.title : config.description,
                             path: "feed.xml", pagePath: SitePaths.home, records: graph.records)]
        for kind in RecordKind.allCases {
            let label = builder.strings["kind.\(kind.rawValue)"]
            feeds.append(RSSFeed(title: "\(label) – \(config.title)", description: "\(label) – \(config.title)",
                                 path: "\(kind.rawValue)/feed.xml", pagePath: SitePaths.list(kind, page: 1), records: byKind[kind] ?? []))
        }
        for theme in graph.themes {
            feeds.append(RSSFeed(title: "\(theme.title) – \(config.title)",
                                 description: theme.description.isEmpty ? theme.title : theme.description,
                                 path: "themes/\(theme.slug)/feed.xml", pagePath: SitePaths.theme(theme.slug),
                                 records: graph.records(inTheme: theme.slug)))
        }
        return feeds.parallelMap { ($0.path, $0.xml(builder: builder)) }
    }
}
