import Foundation
import InspraakSource
import InspraakTemplates

/// A site kept in memory between edits, for `serve`: its sources, loaded records, graph,
/// dependency map and every output's bytes. Nothing is written to disk.
///
/// After an edit it reads again only the changed files (the others come from memory, parsed),
/// makes the model and graph anew (pure, same as `build`), renders again only the Markdown that
/// changed, and only the pages, feeds and calendars whose inputs changed (`DependencyMap`): a
/// record's data, its status and trail, templates, assets, strings, settings, the day, or
/// inputs that differ in the new map (a record that moved to another list page). Files made
/// whole by every build (open data, sitemaps) are compared. After any series of edits the
/// outputs equal what a full `build` writes, byte for byte; while the site has errors the last
/// good outputs stay.
///
/// Calls to `rebuild` must not overlap; `output(at:)` may be called from any thread meanwhile.
public final class LiveSite: @unchecked Sendable {
    private let options: BuildOptions
    private let tree: LiveSourceTree
    private let parsed = ParsedDocumentCache()
    private let decoded = DecodedDocumentCache()
    /// What git said at the first load; never asked again.
    private var gitReading: GitHistory.Reading?
    /// The site as the outputs were last made; nil until a build succeeds.
    private var snapshot: LiveSnapshot?
    /// Source paths edited since the snapshot was made.
    private var edited = Set<String>()
    private let lock = NSLock()
    private var files: [String: LiveOutput] = [:]
    private var paths: [String] = []
    private var templates: (files: [String: ThemeFiles.File], set: TemplateSet)?
    private var last = LiveRebuild(diagnostics: [], changedOutputs: [], pagesRewritten: 0, seconds: 0, timings: [])

    /// A full build into memory; `options.output` is not used.
    public init(options: BuildOptions) {
        self.options = options
        tree = LiveSourceTree(root: options.source)
        rebuild(changed: [])
    }

    /// Of the last (re)build.
    public var report: LiveRebuild { locked { last } }

    /// Every output path, sorted by UTF-8 bytes.
    public var outputPaths: [String] { locked { paths } }

    /// The output at `path` under the output folder (`advice/x/index.html`), nil when there is none.
    public func output(at path: String) -> LiveOutput? { locked { files[path] } }

    /// Brings the outputs up to date after the files at `changed` (relative to the source
    /// folder) were created, modified, renamed (both names) or deleted. `whenServed` is told
    /// as soon as the new outputs are served, when that is before the rebuild's last step.
    @discardableResult
    public func rebuild(changed: Set<String>, whenServed: ((LiveRebuild) -> Void)? = nil) -> LiveRebuild {
        let started = DispatchTime.now().uptimeNanoseconds
        // Only right after a good build does the decoded cache hold what the snapshot was made of.
        let previous = edited.isEmpty ? snapshot : nil
        tree.forget(changed)
        edited.formUnion(changed)
        var clock = StageClock()
        var load = LoadOptions(baseURL: options.baseURL, useGitHistory: options.useGitHistory)
        load.allowShallow = options.allowShallow
        load.knownGitReading = gitReading
        load.parsedDocuments = parsed
        // Each output that changed is told once, when it is first served.
        let telling = LiveTelling(started: started, whenServed: whenServed) { [self] in publish($0, changed: $1) }
        var textEdit = false
        /// Set when the graph was updated rather than made (`SiteGraph.updating`).
        var graphUpdate: GraphUpdate?
        var analysed: SiteBuild.Analysed
        let reread = previous.flatMap { previous in
            clock.time("load") { SiteLoader.rereading(changed, of: previous.site, problems: previous.analysisProblems, tree: tree, cache: parsed) }
        }
        if let previous, let reread, let model = clock.time("model", { ModelBuilder.replacingTexts(in: previous.model, of: reread.site, documents: reread.reread, cache: decoded) }) {
            // Record files whose texts only changed: the rest of the site reads as before.
            textEdit = true
            analysed = SiteBuild.Analysed(site: reread.site, model: model, graph: previous.graph.replacingTexts(with: model),
                                          graphProblems: previous.graphProblems, diagnostics: previous.analysisProblems, loadProblems: previous.loadProblems,
                                          modelProblems: previous.modelProblems)
        } else {
            // Record files read again without a problem say what a whole load would.
            let loaded: (LoadedSite, [Diagnostic])? = if let reread, let previous { (reread.site, previous.loadProblems) } else { nil }
            clock = StageClock(timings: loaded == nil ? [] : clock.timings.filter { $0.stage == "load" })
            // Records that still read as the same records replace theirs; their files' problems
            // replace what the model said of them before.
            let modeled = zipped(reread, previous).flatMap { reread, previous in
                clock.time("model") { () -> (SiteModel, [Diagnostic])? in
                    guard let (model, problems) = ModelBuilder.replacingRecords(in: previous.model, of: reread.site, documents: reread.reread,
                                                                               includeDrafts: options.includeDrafts, cache: decoded) else { return nil }
                    let paths = Set(reread.reread.map(\.source.path))
                    return (model, previous.modelProblems.filter { !paths.contains($0.location.path) } + problems)
                }
            }
            if modeled == nil { clock.timings.removeAll { $0.stage == "model" } }
            analysed = SiteBuild.analysed(options, load: load, tree: tree, decoded: decoded, clock: &clock, loaded: loaded, modeled: modeled) { model, site, today in
                guard let previous, previous.config == site.config, previous.graph.today == today else { return nil }
                guard model.differsOnlyInText(from: previous.model, textEdited: decoded.textEdited) else {
                    // An outcome, a note, a due day: the graph is worked out again where those reach.
                    guard let (graph, problems, update) = previous.graph.updating(to: model, from: previous.model, problems: previous.graphProblems,
                                                                                  settings: GraphSettings(site.config)) else { return nil }
                    graphUpdate = update
                    return (graph, problems)
                }
                textEdit = true
                return (previous.graph.replacingTexts(with: model), previous.graphProblems)
            }
        }
        if gitReading == nil, let site = analysed.site { gitReading = site.gitReading }
        var diagnostics = analysed.diagnostics
        var made: (plan: OutputPlan, next: LiveSnapshot, dirty: Set<OutputInput>?, update: LiveMapUpdate?, ready: [String: [UInt8]])?
        if let site = analysed.site, let model = analysed.model, let graph = analysed.graph, !diagnostics.hasErrors {
            // Files gone (deleted, renamed, or a folder of them): forget what was read of them.
            if edited.contains(where: { tree.kind(of: $0) != .regular && parsed.holds($0) }) {
                let documents = Set(site.documents.map(\.source.path))
                parsed.keepOnly(documents)
                decoded.keepOnly(documents)
            }
            let settings = RenderSettings(site)
            // After an edit to record texts only, with the same theme: all but those texts is as before.
            let reused = textEdit ? previous.flatMap { $0.sameLook(theme: site.theme, logo: settings.logo) ? $0 : nil } : nil
            let edits = reused.map { previous in graph.records.filter { decoded.textEdited.contains($0.origin.path) } } ?? []
            // Changes are worded with the settings, strings and theme titles: when those are the
            // same, the wording of each change whose records are the same is taken over.
            let earlierWording = snapshot.flatMap {
                $0.config == site.config && $0.graph.themes == graph.themes && $0.sameLook(theme: site.theme, logo: settings.logo) ? $0.context.changes : nil
            }
            // After an edit to answers (the graph updated), with the same theme: what the records
            // restated show is made again, the rest taken over.
            let updated = graphUpdate.flatMap { update in previous.flatMap { $0.sameLook(theme: site.theme, logo: settings.logo) ? ($0, update) : nil } }
            let (texts, context) = clock.time("markdown") { () -> (RenderedTexts, RenderContext?) in
                if let (previous, update) = updated {
                    let texts = previous.texts.replacingTexts(of: update.changed, unsafeHTML: settings.unsafeHTML)
                    return (texts, RenderContext(updating: previous.context, graph: graph, texts: texts, update: update,
                                                 changes: ChangeWording(earlier: earlierWording)))
                }
                guard let reused else { return (RenderedTexts.render(graph, unsafeHTML: settings.unsafeHTML, reusing: snapshot), nil) }
                let texts = reused.texts.replacingTexts(of: edits, unsafeHTML: settings.unsafeHTML)
                return (texts, RenderContext(reusing: reused.context, graph: graph, texts: texts))
            }
            let textInputs = reused.map { LiveChanges.textInputs(edits, from: $0.texts, to: texts, edited: edited) }
            // Only record pages show a text: when nothing else is reached, they are made without
            // planning the whole site.
            if let reused, let context, let dirty = textInputs, let templates = compiled(site.theme) {
                if let outputs = clock.time("pages", { LiveOutputs.texts(edits, dirty: dirty, map: reused.map, context: context, templates: templates, source: options.source) }) {
                    var changed: [String] = []
                    locked {
                        for (path, output) in outputs where files[path]?.etag != output.etag {
                            files[path] = output
                            changed.append(path)
                        }
                    }
                    retire(snapshot)
                    snapshot = LiveSnapshot(site: site, model: model, problems: analysed, context: context,
                                            facets: reused.facets, map: reused.map, keptMap: true)
                    snapshot?.renderProblems = reused.renderProblems
                    edited = []
                    return finish(LiveRebuild(diagnostics: clock.report(diagnostics + reused.renderProblems).diagnostics, changedOutputs: changed.sorted { $0.precedesInUTF8($1) },
                                              pagesRewritten: outputs.count, seconds: seconds(since: started), timings: clock.timings))
                }
            }
            let (plan, pages, renderProblems) = clock.time("render") {
                SiteRenderer.renderWithPages(graph, settings: settings, theme: site.theme, texts: texts, context: context,
                                             changes: ChangeWording(earlier: earlierWording), sorted: false)
            }
            diagnostics += renderProblems
            if let plan, let pages, !diagnostics.hasErrors {
                defer { made?.next.renderProblems = renderProblems }
                if let reused {
                    let next = LiveSnapshot(site: site, model: model, problems: analysed, context: pages.context,
                                            facets: reused.facets, map: reused.map, keptMap: true)
                    made = (plan, next, textInputs, nil, [:])
                } else {
                    let (facets, kept) = clock.time("facets") { () -> ([String: RecordFacet], DependencyMap?) in
                        if let (previous, update) = updated {
                            let facets = RecordFacet.updating(previous.facets, pages, ids: update.restated)
                            guard update.restated.allSatisfy({ previous.facets[$0] == facets[$0] }),
                                  previous.samePages(graph, config: site.config, theme: site.theme, logo: settings.logo) else { return (facets, nil) }
                            return (facets, previous.map)
                        }
                        let facets = RecordFacet.all(pages)
                        guard let snapshot, snapshot.sameShape(graph, facets: facets, config: site.config, theme: site.theme, logo: settings.logo) else { return (facets, nil) }
                        assert(snapshot.map.outputs == DependencyMap.make(pages, theme: site.theme).outputs, "a map kept after an edit differs from a new one")
                        return (facets, snapshot.map)
                    }
                    // Made with the map before until the new one is known: what changed does not read it.
                    var next = LiveSnapshot(site: site, model: model, problems: analysed, context: pages.context,
                                            facets: facets, map: kept ?? snapshot?.map ?? DependencyMap([], sources: [:], pageTemplates: [:], recordCount: 0),
                                            keptMap: kept != nil)
                    let dirty = clock.time("changed") { snapshot.map { LiveChanges.inputs(from: $0, to: next, edited: edited, only: updated?.1.restated) } }
                    var update: LiveMapUpdate?
                    var ready: [String: [UInt8]] = [:]
                    if kept == nil {
                        // The same pages listing the same records: what to render again is read
                        // off the map before, and the new map made once the outputs are served.
                        if let snapshot, let dirty, snapshot.samePages(graph, config: site.config, theme: site.theme, logo: settings.logo) {
                            update = clock.time("stale") { LiveMapUpdate(before: snapshot.map, dirty: dirty, pages: pages, theme: site.theme) }
                        } else {
                            // Records added, gone or moved: the pages of new records and of those
                            // whose facts changed are served before the map is made.
                            if telling.tells, snapshot != nil, let dirty {
                                let served = locked { files }
                                ready = clock.time("first") { LiveOutputs.first(plan, graph: graph, dirty: dirty, old: served) }
                                telling.serve(LiveOutputs.merged(ready, into: served), diagnostics: clock.report(diagnostics).diagnostics,
                                              timings: clock.timings)
                            }
                            next.map = clock.time("map") { DependencyMap.make(pages, theme: site.theme) }
                        }
                    }
                    made = (plan, next, dirty, update, ready)
                }
            }
        }
        var changedOutputs: [String] = []
        var rewritten = 0
        if let made {
            var next = made.next
            let reported = clock.report(diagnostics).diagnostics, pagesStarted = DispatchTime.now().uptimeNanoseconds
            let before = clock.timings
            let update = LiveOutputs.update(locked { files }, plan: made.plan, from: snapshot, to: next, dirty: made.dirty, stale: made.update?.stale,
                                            ready: made.ready, edited: edited, source: options.source, early: telling.tells ? { served, changed in
                telling.serve((served, changed), diagnostics: reported, timings: before + [("pages", self.seconds(since: pagesStarted))])
            } : nil)
            clock.timings.append(("pages", seconds(since: pagesStarted)))
            // What was served before the pages were (the first batch of a new record) is among them.
            changedOutputs = telling.toldPaths.isEmpty ? update.changed : telling.toldPaths.union(update.changed).sorted { $0.precedesInUTF8($1) }
            rewritten = update.rendered + made.ready.count
            if telling.tells, made.update != nil || telling.servedAfter != nil {
                // Served from here on: the open pages may reload while the map is made.
                telling.serve((update.files, update.changed), diagnostics: reported, timings: clock.timings, rendered: rewritten, always: true)
            } else {
                publish(update.files, changed: update.changed)
            }
            if let mapUpdate = made.update {
                next.map = clock.time("map") { mapUpdate.map() }
            }
            retire(snapshot)
            snapshot = next
            edited = []
        }
        return finish(LiveRebuild(diagnostics: clock.report(diagnostics).diagnostics, changedOutputs: changedOutputs, pagesRewritten: rewritten,
                                  seconds: seconds(since: started), servedAfter: telling.servedAfter, timings: clock.timings))
    }

    /// Serves `served` from now on; `changed` says which paths differ from what was served.
    private func publish(_ served: [String: LiveOutput], changed: [String]) {
        locked {
            let samePaths = served.count == files.count && changed.allSatisfy { files[$0] != nil && served[$0] != nil }
            files = served
            if !samePaths { paths = served.keys.sorted { $0.precedesInUTF8($1) } }
        }
    }

    /// The theme's templates compiled, kept while they are the same.
    private func compiled(_ theme: ThemeFiles) -> TemplateSet? {
        if let templates, LiveChanges.themeFiles(templates.files, theme.templates).isEmpty { return templates.set }
        guard let set = TemplateSet.compile(theme).0 else { return nil }
        templates = (theme.templates, set)
        return set
    }

    /// Lets go of a snapshot on another thread, a moment later: freeing a site's worth of
    /// records, texts and maps takes longer than a text edit's whole rebuild.
    private func retire(_ old: LiveSnapshot?) {
        guard let old else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.5) { withExtendedLifetime(old) {} }
    }

    private func finish(_ report: LiveRebuild) -> LiveRebuild {
        locked { last = report }
        return report
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func locked<T>(_ work: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return work()
    }
}

/// Both values, when both are there.
private func zipped<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
