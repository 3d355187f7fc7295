import Foundation
import InspraakSource
import InspraakTemplates

/// Stage 4: the graph and the theme in, every output file's content out (nothing written yet).
public enum SiteRenderer {
    /// The theme's problems without rendering anything: templates that do not parse, missing
    /// templates, no UI strings for the site's language.
    public static func validate(_ theme: ThemeFiles, config: SiteConfig) -> [Diagnostic] {
        var diagnostics = TemplateSet.compile(theme).1
        if theme.strings[config.language] == nil {
            diagnostics.append(.error(SourceLocation(path: "site.toml"), RenderMessage.noStrings(theme: theme.name, language: config.language)))
        }
        return diagnostics
    }

    /// `config` is the site's settings, beside the graph (which holds only what it needs).
    public static func render(_ graph: SiteGraph, config: SiteConfig, theme: ThemeFiles) -> (OutputPlan?, [Diagnostic]) {
        render(graph, config: config, theme: theme, texts: RenderedTexts.render(graph, unsafeHTML: config.unsafeHTML))
    }

    /// With the Markdown already rendered (the build times that step on its own).
    static func render(_ graph: SiteGraph, config: SiteConfig, theme: ThemeFiles, texts: RenderedTexts) -> (OutputPlan?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let (templates, templateProblems) = TemplateSet.compile(theme)
        diagnostics.append(contentsOf: templateProblems)
        guard let templates, let pages = PagePlan(graph, config: config, theme: theme, texts: texts) else {
            return (nil, diagnostics.all + validate(theme, config: config).filter { $0.location.path == "site.toml" })
        }
        let builder = pages.builder
        var files: [OutputPlan.File] = []
        var sitemap: [Sitemap.Entry] = []
        for page in pages.all {
            let path = pages.path(of: page)
            // Rendered when written: pages are not all held in memory, and writing one overlaps
            // rendering the next (the templates used here are the required ones, checked above).
            files.append(.init(path: SitePaths.file(for: path), content: .rendered(weight: page.weight) { buffer in
                _ = templates.render(pages.view(of: page), template: page.template, into: &buffer)
            }))
            if path != SitePaths.notFound {
                var lastModified: Day?
                if case .record(let index) = page {
                    let record = graph.records[index]
                    lastModified = max(record.updated ?? record.date.day, record.date.day)
                }
                sitemap.append(.init(path: path, lastModified: lastModified))
            }
        }
        files += feeds(builder, byKind: pages.byKind).flatMap { feed -> [OutputPlan.File] in
            [.init(path: feed.path, content: .rendered(weight: 1) { buffer in buffer = Array(feed.xml(builder: builder).utf8) }),
             .init(path: feed.atomPath, content: .rendered(weight: 1) { buffer in buffer = Array(feed.atom(builder: builder).utf8) }),
             .init(path: feed.jsonPath, content: .rendered(weight: 1) { buffer in buffer = Array(feed.json(builder: builder).utf8) })]
        }
        // Status changes: each feed takes its part of one log made here.
        let changeLog = ChangeLog(graph)
        files += ChangeFeed.all(builder: builder).flatMap { feed -> [OutputPlan.File] in
            var made: [OutputPlan.File] = [.init(path: feed.path, content: .rendered(weight: 1) { buffer in buffer = Array(feed.xml(builder: builder, log: changeLog).utf8) })]
            if let atom = feed.atomPath {
                made.append(.init(path: atom, content: .rendered(weight: 1) { buffer in buffer = Array(feed.atom(builder: builder, log: changeLog).utf8) }))
            }
            return made
        }
        let zone = CalendarZone(graph, timezone: config.timezone)
        files += MeetingCalendar.all(graph, siteTitle: config.title, strings: builder.strings).map { calendar in
            .init(path: calendar.path, content: .rendered(weight: 1) { buffer in buffer = Array(calendar.text(builder: builder, zone: zone).utf8) })
        }
        // Open data and the Woo index's sitemaps are machine-readable files made from the graph.
        files += OpenDataFiles.files(graph, config: config, paths: builder.paths).map { .init(path: $0.path, content: .bytes($0.bytes)) }
        let diwoo = DiWoo.files(graph, config: config, paths: builder.paths) ?? []
        files += diwoo.map { .init(path: $0.path, content: .bytes(Array($0.text.utf8))) }
        files.append(.init(path: "sitemap.xml", content: .bytes(Array(Sitemap.xml(sitemap, paths: builder.paths).utf8))))
        let extraSitemaps = diwoo.isEmpty ? [] : [DiWoo.indexPath]
        files.append(.init(path: "robots.txt", content: .bytes(Array(Sitemap.robots(paths: builder.paths, also: extraSitemaps).utf8))))
        files += builder.assets.files.map { .init(path: $0.path, content: .bytes($0.bytes)) }
        for record in graph.records {
            guard let folder = record.origin.bundleFolder else { continue }
            for file in record.origin.bundleFiles {
                files.append(.init(path: SitePaths.record(record) + file, content: .copy(sourcePath: folder + "/" + file)))
            }
        }
        let plan = OutputPlan(files) { DependencyMap.make(pages, theme: theme) }
        return (diagnostics.hasErrors ? nil : plan, diagnostics.all)
    }

    /// Every page with its template and view, as `render` makes them: for comparing the
    /// template renderer with swift-mustache on real pages.
    static func views(_ graph: SiteGraph, config: SiteConfig, theme: ThemeFiles) -> [(path: String, template: String, view: View)] {
        guard let pages = PagePlan(graph, config: config, theme: theme, texts: RenderedTexts.render(graph, unsafeHTML: config.unsafeHTML)) else { return [] }
        return pages.all.map { (pages.path(of: $0), $0.template, pages.view(of: $0)) }
    }

    /// The record feeds: the site's, each kind's and each theme's.
    static func feeds(_ builder: PageBuilder, byKind: [RecordKind: [Record]]) -> [RSSFeed] {
        let graph = builder.graph
        let config = builder.config
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
        return feeds
    }
}
