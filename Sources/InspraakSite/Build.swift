import Foundation
import InspraakSource

/// What a build or check is asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts = false
    /// "Today" for open and overdue items: `--now`, or the clock's instant, whose day is taken
    /// in the site's time zone once site.toml is read.
    public var today: Today
    public var useGitHistory = true
    /// Accept a shallow git clone (`--allow-shallow`): one warning, dates fall back to `date`.
    public var allowShallow = false
    /// Pagefind, for the search index when `[search] enabled`; nil makes no index (and says
    /// nothing), as the tests of everything else and the golden copy build.
    public var searchIndexer: SearchIndexer?

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, today: Today) {
        self.source = source
        self.output = output ?? source.appendingPathComponent("public")
        self.baseURL = baseURL
        self.today = today
    }

    /// A build as of a given day, whatever the site's time zone.
    public init(source: URL, output: URL? = nil, baseURL: String? = nil, today: Day) {
        self.init(source: source, output: output, baseURL: baseURL, today: .day(today))
    }
}

/// What a build did: its diagnostics, sorted, and its figures for the summary line.
public struct BuildReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let recordCount: Int
    public let pageCount: Int
    public let fileCount: Int
    /// Seconds per stage, in order.
    public let timings: [(stage: String, seconds: Double)]
    /// Processor seconds inside the write stage, which renders each page right before writing
    /// it: (rendering pages and feeds, writing files), summed over cores.
    public var writeStageCPU: (render: Double, write: Double)?
    /// Whether the new site took the output's place; false after every failure but one: the
    /// previous output could not be removed once the new one was in.
    public var outputReplaced = false
    /// Wall-clock seconds of the git pass, inside the load stage (it overlaps reading files).
    public var gitSeconds: Double?
    /// Things to tell the person building that are not problems (printed, never a warning).
    public var notes: [String] = []
    /// Why the site has no search index (Pagefind missing): for standard error, beside the
    /// warnings, so the summary on standard output stays one line.
    public var searchIndexNote: String?
    /// What the build made (sources, graph, plan), held by the report: a command line that ends
    /// right after reporting can exit without freeing a million small values one by one
    /// (0.15 s at 10,000 records); the system takes the memory back at once.
    var madeValues: [any Sendable] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
    public var seconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}

/// The façade: calls the stages in order and passes each one's value to the next.
public enum SiteBuild {
    /// Load → model → graph → render, without writing: what `check` runs, and `build` before writing.
    public static func plan(_ options: BuildOptions) -> (OutputPlan?, SiteGraph?, BuildReport) {
        let (plan, graph, _, report) = planWithSettings(options)
        return (plan, graph, report)
    }

    /// `plan`, with the render settings it made (the build's summary note needs them).
    static func planWithSettings(_ options: BuildOptions) -> (OutputPlan?, SiteGraph?, RenderSettings?, BuildReport) {
        var clock = StageClock()
        var loaded: LoadedSite?
        var analysed: SiteGraph?
        let problems: [Diagnostic]
        (loaded, analysed, problems) = analyse(options, clock: &clock)
        var diagnostics = problems
        guard let site = loaded, var graph = analysed, !diagnostics.hasErrors else {
            return (nil, analysed, nil, clock.report(diagnostics, records: analysed?.records.count ?? 0))
        }
        analysed = nil
        // What Render reads of site.toml, made once here: render never reads the graph's config.
        let settings = RenderSettings(site)
        let theme = site.theme
        let gitSeconds = site.gitSeconds
        // The files as read (their front matter's trees and texts, about a third of a build's
        // memory) are of no use once the model is made: freed on another thread, so that what
        // the later stages make reuses that memory instead of adding to the peak.
        loaded = nil
        FreeLater.free(consume site)
        // The Markdown as written is read by this step only: the graph the pages are made
        // from holds none, so its memory goes as soon as the Markdown is rendered.
        let written = graph
        graph = graph.droppingBodies()
        let (texts, groundwork) = clock.time("markdown") { [graph] in
            // The render context's groundwork (trails, dates and badges, links) is made beside
            // it: rendering Markdown keeps every core busy, the groundwork mostly one.
            alongside({ RenderedTexts.render(written, unsafeHTML: settings.unsafeHTML) },
                      { RenderContext.Groundwork(graph: graph, settings: settings, theme: theme) })
        }
        let (plan, renderProblems) = clock.time("render") {
            SiteRenderer.render(graph, settings: settings, theme: theme, texts: texts, groundwork: groundwork)
        }
        diagnostics += renderProblems
        var report = clock.report(diagnostics, records: graph.records.count, plan: plan)
        report.madeValues = [graph]
        report.gitSeconds = gitSeconds
        return (plan, graph, settings, report)
    }

    /// What `check` runs: every stage's validation (templates included), but no page is rendered
    /// and nothing is written.
    public static func check(_ options: BuildOptions) -> BuildReport {
        var clock = StageClock()
        let (site, graph, problems) = analyse(options, readGitDates: false, statuses: false, clock: &clock)
        var diagnostics = problems
        if let site {
            diagnostics += clock.time("theme") { SiteRenderer.validate(site.theme, language: site.config.language) }
        }
        var report = clock.report(diagnostics, records: graph?.records.count ?? 0)
        report.madeValues = [site, graph]
        return report
    }

    /// Load → model → graph, the stages every command needs, each timed; the graph is nil only
    /// when the site could not be loaded at all.
    /// `statuses: false`: the graph without the items' statuses (`SiteGraph.build`), for `check`.
    static func analyse(_ options: BuildOptions, readGitDates: Bool = true, statuses: Bool = true, clock: inout StageClock) -> (LoadedSite?, SiteGraph?, [Diagnostic]) {
        var load = LoadOptions(baseURL: options.baseURL, useGitHistory: options.useGitHistory)
        load.readGitDates = readGitDates
        load.allowShallow = options.allowShallow
        let analysed = analysed(options, load: load, tree: DiskSourceTree(root: options.source), decoded: nil, statuses: statuses, clock: &clock)
        return (analysed.site, analysed.graph, analysed.diagnostics)
    }

    /// The same, from `tree` with `load` (`serve` reads through a tree that remembers files).
    static func analyse(_ options: BuildOptions, load: LoadOptions, tree: any SourceTree, decoded: DecodedDocumentCache? = nil,
                        clock: inout StageClock) -> (LoadedSite?, SiteGraph?, [Diagnostic]) {
        let analysed = analysed(options, load: load, tree: tree, decoded: decoded, clock: &clock)
        return (analysed.site, analysed.graph, analysed.diagnostics)
    }

    /// What load → model → graph made, each step's result kept (`serve` keeps the model, and
    /// may make the graph from the one before: `graph` is asked first, nil means build it).
    struct Analysed {
        var site: LoadedSite?
        var model: SiteModel?
        var graph: SiteGraph?
        var graphProblems: [Diagnostic] = []
        var diagnostics: [Diagnostic]
        /// What loading and making the model said, among `diagnostics`.
        var loadProblems: [Diagnostic] = []
        var modelProblems: [Diagnostic] = []
    }

    /// `loaded`: the site as loaded already, and what loading it said (`serve`, after record
    /// files were read again); `modeled`, the same for the model of it.
    static func analysed(_ options: BuildOptions, load: LoadOptions, tree: any SourceTree, decoded: DecodedDocumentCache? = nil,
                         statuses: Bool = true, clock: inout StageClock,
                         loaded: (LoadedSite, [Diagnostic])? = nil, modeled: (SiteModel, [Diagnostic])? = nil,
                         graph reused: (SiteModel, LoadedSite, Day) -> (SiteGraph, [Diagnostic])? = { _, _, _ in nil }) -> Analysed {
        let (site, loadProblems) = loaded.map { ($0.0 as LoadedSite?, $0.1) } ?? clock.time("load") { SiteLoader.load(tree: tree, options: load) }
        guard let site else { return Analysed(diagnostics: loadProblems, loadProblems: loadProblems) }
        let (model, modelProblems) = modeled ?? clock.time("model") { ModelBuilder.build(site, includeDrafts: options.includeDrafts, cache: decoded) }
        let today = options.today.day(in: site.config.timezone)
        let (graph, graphProblems) = clock.time("graph") {
            reused(model, site, today) ?? SiteGraph.build(model, settings: GraphSettings(site.config), today: today, statuses: statuses)
        }
        return Analysed(site: site, model: model, graph: graph, graphProblems: graphProblems, diagnostics: loadProblems + modelProblems + graphProblems,
                        loadProblems: loadProblems, modelProblems: modelProblems)
    }

    /// The whole build; output is replaced only when every stage succeeded, and never when it is
    /// not the build's to replace (`OutputGuard`), which is checked before any work.
    public static func build(_ options: BuildOptions) -> BuildReport {
        if case .failure(let refusal) = OutputGuard.check(output: options.output, source: options.source) {
            return StageClock().report([refusal])
        }
        let (plan, graph, settings, report) = planWithSettings(options)
        guard let plan, report.succeeded else { return report }
        var clock = StageClock(timings: report.timings)
        let indexer = settings?.searchEnabled == true ? options.searchIndexer : nil
        var indexed: (outcome: SearchIndexer.Outcome, seconds: Double)?
        let written = clock.time("write") {
            SiteWriter.write(plan, to: options.output, source: options.source) { staging in
                guard let indexer else { return }
                let start = DispatchTime.now().uptimeNanoseconds
                let outcome = indexer.index(staging)
                indexed = (outcome, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        var indexProblems: [Diagnostic] = []
        var indexNote: String?
        if let indexed {
            switch indexed.outcome {
            case .missing(let path):
                indexNote = WriteMessage.searchIndexerMissing(path)
            case .indexed, .failed:
                // Its own line in --timings, taken out of the write stage it ran inside.
                clock.split("write", off: "search", seconds: indexed.seconds)
                if case .failed(let problem) = indexed.outcome {
                    indexProblems.append(.warning(SourceLocation(path: OutputGuard.shown(options.output)), WriteMessage.searchIndexFailed(problem)))
                }
            }
        }
        var result = clock.report(report.diagnostics + written.diagnostics + indexProblems, records: graph?.records.count ?? 0, plan: plan)
        result.writeStageCPU = (written.renderSeconds, written.writeSeconds)
        result.outputReplaced = written.outputReplaced
        result.gitSeconds = report.gitSeconds
        if let settings, let note = DiWoo.robotsNote(settings, paths: SitePaths(settings)) { result.notes.append(note) }
        result.searchIndexNote = indexNote
        result.madeValues = report.madeValues + [plan]
        return result
    }
}

/// Lets go of a large value on a background thread, so the stage that drops it does not wait
/// for its memory to be given back.
enum FreeLater {
    static func free<Value: Sendable>(_ value: consuming Value) {
        let held = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }
}

/// Wall-clock time per stage, for `--timings` and the summary line (never for output).
struct StageClock {
    var timings: [(stage: String, seconds: Double)] = []

    mutating func time<T>(_ stage: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }

    /// Moves `seconds` of `stage` into a stage of their own, right after it (work that ran inside it).
    mutating func split(_ stage: String, off part: String, seconds: Double) {
        guard let index = timings.firstIndex(where: { $0.stage == stage }) else { return }
        timings[index].seconds = max(0, timings[index].seconds - seconds)
        timings.insert((part, seconds), at: index + 1)
    }

    func report(_ diagnostics: [Diagnostic], records: Int = 0, plan: OutputPlan? = nil) -> BuildReport {
        BuildReport(diagnostics: Array(Set(diagnostics)).sorted(), recordCount: records,
                    pageCount: plan?.pageCount ?? 0, fileCount: plan?.files.count ?? 0, timings: timings)
    }
}
