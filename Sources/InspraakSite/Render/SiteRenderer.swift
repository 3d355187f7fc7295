import Foundation
import InspraakSource
import InspraakTemplates

/// Stage 4: the graph and the theme in, every output file's content out (nothing written yet).
public enum SiteRenderer {
    /// The theme's problems without rendering anything: templates that do not parse, missing
    /// templates, no UI strings for the site's language.
    public static func validate(_ theme: ThemeFiles, language: String) -> [Diagnostic] {
        var diagnostics = TemplateSet.compile(theme).1
        if theme.strings[language] == nil {
            diagnostics.append(.error(SourceLocation(path: "site.toml"), RenderMessage.noStrings(theme: theme.name, language: language)))
        }
        return diagnostics
    }

    public static func render(_ graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles) -> (OutputPlan?, [Diagnostic]) {
        render(graph, settings: settings, theme: theme, texts: RenderedTexts.render(graph, unsafeHTML: settings.unsafeHTML))
    }

    /// With the Markdown already rendered (the build times that step on its own), and the
    /// context's groundwork when it was made beside it.
    static func render(_ graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles, texts: RenderedTexts,
                       groundwork: RenderContext.Groundwork? = nil) -> (OutputPlan?, [Diagnostic]) {
        let (plan, _, diagnostics) = renderWithPages(graph, settings: settings, theme: theme, texts: texts,
                                                     context: groundwork.map { RenderContext($0, texts: texts) })
        return (plan, diagnostics)
    }

    /// `render`, with the plan of pages it drew (`serve` compares the trails it holds); with
    /// `context` made already when `serve` takes most of it over from the build before.
    static func renderWithPages(_ graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles, texts: RenderedTexts,
                                context made: RenderContext? = nil, changes: ChangeWording = ChangeWording(),
                                sorted: Bool = true) -> (OutputPlan?, PagePlan?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let (templates, templateProblems) = TemplateSet.compile(theme)
        diagnostics.append(contentsOf: templateProblems)
        guard let templates, let pages = made.map(PagePlan.init(context:)) ?? PagePlan(graph, settings: settings, theme: theme, texts: texts, changes: changes) else {
            return (nil, nil, diagnostics.all + validate(theme, language: settings.language).filter { $0.location.path == "site.toml" })
        }
        let context = pages.context
        var files: [OutputPlan.File] = []
        var sitemap: [Sitemap.Entry] = []
        // The frame's navigation and links, drawn once per kind of page and shared by all.
        let fragments = FragmentCache()
        for page in pages.all {
            let path = pages.path(of: page)
            // Rendered when written: pages are not all held in memory, and writing one overlaps
            // rendering the next (the templates used here are the required ones, checked above).
            // A record's body is shown on its own page only: let it go once that is written.
            var releasing: (@Sendable () -> Void)?
            if case .record(let index) = page, let texts = context.texts.records[graph.records[index].id] {
                releasing = { texts.releaseBody() }
            }
            files.append(.init(path: SitePaths.file(for: path), weight: page.weight, releasing: releasing) { buffer, spill in
                withoutActuallyEscaping(spill) { spill in
                    _ = templates.render(pages.view(of: page), template: page.template, into: &buffer, spill: spill, fragments: fragments)
                }
            })
            if path != SitePaths.notFound {
                var lastModified: Day?
                if case .record(let index) = page {
                    let record = graph.records[index]
                    lastModified = max(record.updated ?? record.date.day, record.date.day)
                }
                sitemap.append(.init(path: path, lastModified: lastModified))
            }
        }
        files += feeds(context, byKind: pages.byKind).flatMap { feed -> [OutputPlan.File] in
            [.init(path: feed.path, content: .rendered(weight: 1) { buffer in feed.xml(context, into: &buffer) }),
             .init(path: feed.atomPath, content: .rendered(weight: 1) { buffer in feed.atom(context, into: &buffer) }),
             .init(path: feed.jsonPath, content: .rendered(weight: 1) { buffer in buffer = Array(feed.json(context).utf8) })]
        }
        files += changeFeeds(context)
        let zone = CalendarZone(graph, timezone: settings.timezone)
        files += MeetingCalendar.all(graph, siteTitle: settings.title, strings: context.strings).map { calendar in
            .init(path: calendar.path, content: .rendered(weight: 1) { buffer in buffer = calendar.bytes(context, zone: zone) })
        }
        files += wholeSiteFiles(context, sitemap: sitemap)
        files += context.assets.files.map { .init(path: $0.path, content: .bytes($0.bytes)) }
        for record in graph.records {
            guard let folder = record.origin.bundleFolder else { continue }
            for file in record.origin.bundleFiles {
                files.append(.init(path: SitePaths.record(record) + file, content: .copy(sourcePath: folder + "/" + file)))
            }
        }
        let plan = OutputPlan(files, sorted: sorted, inputs: { DependencyMap.make(pages, theme: theme) }, shared: {
            // Side by side: each is partly serial (the longest table; sorting the log).
            _ = alongside({ context.openDataTables.value.count }, { context.changes.value(context).log.all.count })
        })
        return (diagnostics.hasErrors ? nil : plan, pages, diagnostics.all)
    }

    /// The status-change feeds: each takes its part of one log of changes, worded once, both
    /// made when the first of them is rendered (`RenderContext.changes`).
    private static func changeFeeds(_ context: RenderContext) -> [OutputPlan.File] {
        // Paths only: each feed's title is worded when it is rendered.
        ChangeFeed.scopes(context.graph).flatMap { scope -> [OutputPlan.File] in
            let path = ChangeFeed.rssPath(scope, graph: context.graph)
            var made: [OutputPlan.File] = [.init(path: path, content: .rendered(weight: 1) { buffer in
                let (log, worded) = context.changes.value(context)
                ChangeFeed.feed(scope, context).xml(context, log: log, worded: worded, into: &buffer)
            })]
            if let atom = ChangeFeed.atomPath(scope, rssPath: path) {
                made.append(.init(path: atom, content: .rendered(weight: 1) { buffer in
                    let (log, worded) = context.changes.value(context)
                    ChangeFeed.feed(scope, context).atom(context, log: log, worded: worded, into: &buffer)
                }))
            }
            return made
        }
    }

    /// Files made from the whole graph at once: open data and its catalogue, the Woo index's
    /// sitemaps, the sitemap. Each group is made when the first of its files is rendered.
    private static func wholeSiteFiles(_ context: RenderContext, sitemap: [Sitemap.Entry]) -> [OutputPlan.File] {
        let graph = context.graph, settings = context.settings, paths = context.paths
        var files: [OutputPlan.File] = []
        let openData = OpenDataFiles.Made(graph, settings: settings, paths: paths, tables: context.openDataTables)
        files += OpenDataFiles.paths.map { path in
            // The tables' CSV and JSON start early, before the catalog asks their sizes; they go
            // to their files in pieces as they are made (a build), or whole (`serve`).
            let table = !path.hasSuffix("-metadata.json") && (path.hasSuffix(".csv") || path.hasSuffix(".json"))
            return .init(path: path, content: .rendered(weight: table ? 3 : 0) { buffer in buffer = openData.bytes(at: path) },
                         streamed: { buffer, spill in
                             if !openData.stream(at: path, into: &buffer, spill: spill) { buffer = openData.bytes(at: path) }
                         })
        }
        let diwooPaths = DiWoo.paths(graph, settings: settings) ?? []
        let diwoo = Once { Dictionary((DiWoo.files(graph, settings: settings, paths: paths) ?? []).map { ($0.path, Array($0.text.utf8)) }) { first, _ in first } }
        files += diwooPaths.enumerated().map { index, path in
            .init(path: path, content: .rendered(weight: index == 0 ? 3 : 0) { buffer in buffer = diwoo.value[path] ?? [] })
        }
        files.append(.init(path: "sitemap.xml", content: .rendered(weight: 1) { buffer in buffer = Array(Sitemap.xml(sitemap, paths: paths).utf8) }))
        let extraSitemaps = diwooPaths.isEmpty ? [] : [DiWoo.indexPath]
        files.append(.init(path: "robots.txt", content: .bytes(Array(Sitemap.robots(paths: paths, also: extraSitemaps).utf8))))
        return files
    }

    /// Every page with its template and view, as `render` makes them: for comparing the
    /// template renderer with swift-mustache on real pages.
    static func views(_ graph: SiteGraph, settings: RenderSettings, theme: ThemeFiles) -> [(path: String, template: String, view: TemplateValue)] {
        let texts = RenderedTexts.render(graph, unsafeHTML: settings.unsafeHTML)
        guard let pages = PagePlan(graph, settings: settings, theme: theme, texts: texts) else { return [] }
        return pages.all.map { (pages.path(of: $0), $0.template, pages.view(of: $0)) }
    }

    static func feeds(_ context: RenderContext, byKind: [RecordKind: [Record]]) -> [RSSFeed] {
        let graph = context.graph
        let config = context.settings
        var feeds = [RSSFeed(title: config.title, description: config.description.isEmpty ? config.title : config.description,
                             path: "feed.xml", pagePath: SitePaths.home, records: graph.records)]
        for kind in RecordKind.allCases {
            let label = context.strings["kind.\(kind.rawValue)"]
            feeds.append(RSSFeed(title: "\(label) – \(config.title)", description: "\(label) – \(config.title)",
                                 path: "\(kind.rawValue)/feed.xml", pagePath: SitePaths.list(kind, page: 1), records: byKind[kind] ?? []))
        }
        for theme in graph.themes {
            feeds.append(RSSFeed(title: "\(theme.title) – \(config.title)",
                                 description: theme.description.isEmpty ? theme.title : theme.description,
                                 path: "themes/\(theme.slug)/feed.xml", pagePath: SitePaths.theme(theme.slug),
                                 records: graph.records(inTheme: theme.slug)))
        }
        for council in graph.councils {
            let description = council.file?.description ?? ""
            feeds.append(RSSFeed(title: "\(council.title) – \(config.title)", description: description.isEmpty ? council.title : description,
                                 path: CouncilPage.feedPath(council.slug), pagePath: SitePaths.council(council.slug),
                                 records: graph.records(ofCouncil: council.slug)))
        }
        for place in graph.places {
            feeds.append(RSSFeed(title: "\(place.title) – \(config.title)", description: place.description.isEmpty ? place.title : place.description,
                                 path: PlacePage.feedPath(place.slug), pagePath: SitePaths.place(place.slug),
                                 records: graph.records(inPlace: place.slug)))
        }
        return feeds
    }
}
