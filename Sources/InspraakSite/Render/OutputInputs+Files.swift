import InspraakTemplates
import InspraakSource
import Foundation

extension DependencyMap {
    /// The map of a site's outputs, from the same plan of pages and the same feeds, calendars
    /// and data files the render stage writes (`SiteRenderer.render`), plus the output marker
    /// the write stage adds.
    ///
    /// `keeping` gives a page's inputs in the map of an earlier build when none of them changed
    /// since and the site has the same pages listing the same records (`serve`): they are then
    /// the same, except where a page chooses what it shows by status (`Page.choosesByStatus`).
    static func make(_ pages: PagePlan, theme: ThemeFiles, keeping: (@Sendable (String) -> Set<OutputInput>?)? = nil) -> DependencyMap {
        let context = pages.context
        let graph = context.graph
        let pageInputs = PageInputs(pages: pages, templates: TemplateIncludes(theme), dayRecords: PageInputs.dayDependent(graph))
        var outputs = pages.all.parallelMap { page in
            let path = SitePaths.file(for: pages.path(of: page))
            if !page.choosesByStatus, let kept = keeping?(path) { return OutputInputs(path: path, inputs: kept) }
            return OutputInputs(path: path, inputs: pageInputs.inputs(of: page))
        }
        let collector = { InputCollector(graph: graph, dayRecords: pageInputs.dayRecords) }
        let syndication: [OutputInput] = [.strings, .config(.topLevel), .config(.feeds)]

        // Every output below shows or counts each record that decides what it holds, so one none
        // of whose inputs changed keeps them too.
        let kept = { (paths: [String]) -> [OutputInputs]? in
            guard let keeping else { return nil }
            let inputs = paths.map { path in keeping(path).map { OutputInputs(path: path, inputs: $0) } }
            return inputs.allSatisfy { $0 != nil } ? inputs.compactMap { $0 } : nil
        }

        for feed in SiteRenderer.feeds(context, byKind: pages.byKind) {
            if let inputs = kept([feed.path, feed.jsonPath, feed.atomPath]) {
                outputs += inputs
                continue
            }
            var inputs = collector()
            let shown = PageContents.feedRecords(feed.records, graph: graph, limit: context.settings.feedsLimit)
            inputs.cards(shown)
            inputs.place(feed.records)
            inputs.add(syndication)
            if let theme = graph.themes.first(where: { SitePaths.theme($0.slug) == feed.pagePath }) { inputs.add([.theme(theme.slug)]) }
            if let council = graph.councils.first(where: { SitePaths.council($0.slug) == feed.pagePath }) { inputs.council(council.slug) }
            if let place = graph.places.first(where: { SitePaths.place($0.slug) == feed.pagePath }) { inputs.add([.place(place.slug)]) }
            let made = inputs.finished()
            outputs += [feed.path, feed.jsonPath].map { OutputInputs(path: $0, inputs: made) }
            // An empty Atom feed is "updated" today.
            outputs.append(OutputInputs(path: feed.atomPath, inputs: shown.isEmpty ? made.union([.today]) : made))
        }

        let log = context.changes.value(context).log
        for scope in ChangeFeed.scopes(graph) {
            let path = ChangeFeed.rssPath(scope, graph: graph)
            if let inputs = kept([path] + (ChangeFeed.atomPath(scope, rssPath: path).map { [$0] } ?? [])) {
                outputs += inputs
                continue
            }
            let feed = ChangeFeed.feed(scope, context)
            var inputs = collector()
            let changes = feed.changes(log, graph: graph, limit: context.settings.feedsLimit)
            for change in changes {
                // Its title, kind, date, item text and themes; no status.
                let record = graph.record(change.key.record)!
                inputs.show(record)
                inputs.themes(of: record)
                inputs.show(graph.record(change.step.feedback))
            }
            switch feed.scope {
            case .site:
                inputs.count(log.all.compactMap { graph.record($0.key.record) })
            case .theme(let slug):
                inputs.add([.theme(slug)])
                inputs.count(log.inTheme(slug).compactMap { graph.record($0.key.record) })
            case .record(let id):
                inputs.show(graph.record(id))
            }
            inputs.add(syndication + [.config(.formats)])
            let made = inputs.finished()
            outputs.append(OutputInputs(path: feed.path, inputs: made))
            if let atom = feed.atomPath { outputs.append(OutputInputs(path: atom, inputs: changes.isEmpty ? made.union([.today]) : made)) }
        }

        let calendarThemes = Dictionary(graph.themes.map { (MeetingCalendar.themeFile($0.slug), $0.slug) }) { first, _ in first }
        let allMeetings = graph.records.filter { $0.kind == .meetings }
        for calendar in MeetingCalendar.all(graph, siteTitle: context.settings.title, strings: context.strings) {
            if let inputs = kept([calendar.path]) {
                outputs += inputs
                continue
            }
            var inputs = collector()
            inputs.showAll(calendar.meetings)
            // The time-zone block covers the years of all meetings; DTSTAMP is today.
            inputs.place(allMeetings)
            inputs.add([.strings, .config(.topLevel), .today])
            if let slug = calendarThemes[calendar.path] { inputs.add([.theme(slug)]) }
            outputs.append(OutputInputs(path: calendar.path, inputs: inputs.finished()))
        }

        outputs += kept(OpenDataFiles.paths) ?? openData(graph, tables: context.openDataTables.value, collector: collector)
        outputs += kept(DiWoo.paths(graph, settings: context.settings) ?? []) ?? diWoo(graph, settings: context.settings, paths: context.paths, collector: collector)

        if let inputs = kept(["sitemap.xml"]) {
            outputs += inputs
        } else {
            var sitemap = collector()
            sitemap.showAll(graph.records)
            // Every page's address: each record's (and its last change), and the list pages.
            sitemap.add([.config(.topLevel), .config(.pagination), .config(.search)])
            outputs.append(OutputInputs(path: "sitemap.xml", inputs: sitemap.finished()))
        }
        outputs.append(OutputInputs(path: "robots.txt", inputs: [.config(.topLevel), .config(.woo)]))

        let assetNames = Dictionary(context.assets.published.map { ($1, $0) }) { first, _ in first }
        for file in context.assets.files {
            if let name = assetNames[file.path] { outputs.append(OutputInputs(path: file.path, inputs: [.asset(name)])) }
        }
        if let logo = context.assets.siteLogo { outputs.append(OutputInputs(path: logo.path, inputs: [.file(logo.source)])) }
        for record in graph.records {
            guard let folder = record.origin.bundleFolder else { continue }
            outputs += record.origin.bundleFiles.map { OutputInputs(path: SitePaths.record(record) + $0, inputs: [.file(folder + "/" + $0)]) }
        }
        // Always the same sentence.
        outputs.append(OutputInputs(path: OutputGuard.markerName, inputs: []))

        var sources: [OutputInput: String] = [:]
        for record in graph.records { sources[.record(record.id)] = record.location.path }
        for theme in graph.themes { sources[.theme(theme.slug)] = theme.location.path }
        for place in graph.places { sources[.place(place.slug)] = place.location.path }
        for council in graph.councils { if let file = council.file { sources[.council(council.slug)] = file.location.path } }
        for (name, file) in theme.templates { sources[.template(name)] = file.path }
        for (name, file) in theme.assets { sources[.asset(name)] = file.path }
        if let language = context.settings.language.nonEmpty {
            sources[.strings] = RenderMessage.Explain.stringsSource(language: language, theme: theme.name)
        }
        let pageTemplates = Dictionary(pages.all.map { (SitePaths.file(for: pages.path(of: $0)), $0.template) }) { first, _ in first }
        return DependencyMap(outputs, sources: sources, pageTemplates: pageTemplates, recordCount: graph.records.count)
    }

    /// The inputs of the pages that choose their records by status (`Page.choosesByStatus`), by
    /// output path.
    static func pagesChoosingByStatus(_ pages: PagePlan, theme: ThemeFiles) -> [(path: String, inputs: Set<OutputInput>)] {
        let chosen = pages.all.filter(\.choosesByStatus)
        guard !chosen.isEmpty else { return [] }
        let pageInputs = PageInputs(pages: pages, templates: TemplateIncludes(theme), dayRecords: PageInputs.dayDependent(pages.context.graph))
        return chosen.map { (SitePaths.file(for: pages.path(of: $0)), pageInputs.inputs(of: $0)) }
    }

    /// The columns of the open-data tables that hold a record's id.
    private static let idColumns: Set<String> = ["id", "meeting", "advice", "feedback", "record"]

    /// `data/`: each table shows the records in its id columns; a table with a status column
    /// reads "awaiting" or "overdue" as of today; the catalog states each file's size (which
    /// a new title changes) and today.
    private static func openData(_ graph: SiteGraph, tables: [DataTable], collector: () -> InputCollector) -> [OutputInputs] {
        var outputs: [OutputInputs] = []
        var catalog = collector()
        for table in tables {
            var inputs = collector()
            let columns = table.columns.indices.filter { idColumns.contains(table.columns[$0].name) }
            for row in table.rows {
                for column in columns {
                    if case .text(let id) = row[column] { inputs.show(graph.record(id)) }
                    // The advice table names each advice's council as its file does.
                    if table.name == "advice", case .text(let id) = row[column], let slug = graph.councilOf[id] { inputs.add([.council(slug)]) }
                }
            }
            inputs.add([.config(.topLevel)])
            if table.columns.contains(where: { $0.name == "status" }) { inputs.add([.today]) }
            let made = inputs.finished()
            outputs += ["data/\(table.name).csv", "data/\(table.name).json"].map { OutputInputs(path: $0, inputs: made) }
            outputs.append(OutputInputs(path: "data/\(table.name).csv-metadata.json", inputs: [.config(.data)]))
            catalog.add(made)
        }
        catalog.add([.config(.data), .config(.woo), .config(.organisation), .today])
        let made = catalog.finished()
        outputs += ["data/catalog.ttl", "data/catalog.jsonld"].map { OutputInputs(path: $0, inputs: made) }
        outputs.append(OutputInputs(path: "data/README.md", inputs: [.config(.topLevel), .config(.data)]))
        return outputs
    }

    /// The DiWoo sitemaps (with `[woo]`): each advice and the feedback answering one, with
    /// the titles of what it answers.
    private static func diWoo(_ graph: SiteGraph, settings config: RenderSettings, paths: SitePaths, collector: () -> InputCollector) -> [OutputInputs] {
        guard let files = DiWoo.files(graph, settings: config, paths: paths), let publisher = config.wooPublisher else { return [] }
        var inputs = collector()
        let pages = Dictionary(graph.records.map { (paths.absolute(SitePaths.record($0)), $0) }) { first, _ in first }
        for entry in DiWoo.entries(graph, paths: paths, publisher: publisher, site: config.publisherName) {
            guard let record = pages[entry.location] else { continue }
            inputs.show(record)
            if let slug = graph.councilOf[record.id] { inputs.add([.council(slug)]) }
            if record.kind == .feedback { inputs.showAll((graph.links[record.id] ?? []).compactMap { graph.record($0.target) }) }
        }
        inputs.add([.config(.topLevel), .config(.woo), .config(.organisation)])
        let made = inputs.finished()
        return files.map { OutputInputs(path: $0.path, inputs: made) }
    }
}
