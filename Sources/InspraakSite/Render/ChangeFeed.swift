import Foundation
import InspraakMarkdown
import InspraakSource

/// One status change: a step one feedback gave one input point or recommendation (or a record
/// without items) — an outcome, an implementation report, or both.
struct Change: Sendable {
    let key: ItemKey
    let step: HistoryStep
    /// Its place in `ChangeLog.all` (newest first), where its worded entry is kept.
    fileprivate(set) var order = 0

    /// `record#item`, or the record's id when it has no items: as in `data/answers.csv`.
    var ref: String { key.record + (key.item.map { "#\($0)" } ?? "") }
    /// `<feedback-id>#<ref>`: stable whatever else changes on the site.
    var guid: String { "\(step.feedback)#\(ref)" }
}

/// Every change of the site, newest first, made once per build; the feeds take their part.
struct ChangeLog: Sendable {
    /// Newest first; ties by feedback id, then ref, then the order written.
    let all: [Change]
    /// Each record's changes, in the same order.
    let byRecord: [String: [Change]]
    /// Each theme's changes, in the same order (a record's themes as the graph computes them):
    /// made in one pass, where filtering every change again for each theme asked for its
    /// record's themes once per theme.
    private let byTheme: [String: [Change]]

    init(_ graph: SiteGraph) {
        var changes: [Change] = []
        for (key, history) in graph.histories {
            for step in Self.oneStepPerFeedback(history.steps) { changes.append(Change(key: key, step: step)) }
        }
        // Positions sorted on keys made once (a ref is a new string each time it is asked for).
        let times = changes.map(\.step.date.epochSeconds), refs = changes.map(\.ref)
        let order = changes.indices.sorted { a, b in
            if times[a] != times[b] { return times[a] > times[b] }
            if changes[a].step.feedback != changes[b].step.feedback { return changes[a].step.feedback < changes[b].step.feedback }
            if refs[a] != refs[b] { return refs[a] < refs[b] }
            return changes[a].step.responseIndex < changes[b].step.responseIndex
        }
        changes = order.enumerated().map { index, position in
            var change = changes[position]
            change.order = index
            return change
        }
        all = changes
        byRecord = Dictionary(grouping: changes) { $0.key.record }
        var byTheme: [String: [Change]] = [:]
        for change in changes {
            let themes = graph.themesOf[change.key.record, default: []]
            for (index, slug) in themes.enumerated() where !themes[..<index].contains(slug) {
                byTheme[slug, default: []].append(change)
            }
        }
        self.byTheme = byTheme
    }

    /// A feedback that answers a record and also one of its items gives that item two steps; a
    /// feed shows them as one change (one guid), the later entry's words first, as the history
    /// counts them. The steps come sorted by date, then feedback, so a feedback's are adjacent.
    static func oneStepPerFeedback(_ steps: [HistoryStep]) -> [HistoryStep] {
        var merged: [HistoryStep] = []
        for step in steps {
            guard let last = merged.last, last.feedback == step.feedback else {
                merged.append(step)
                continue
            }
            merged[merged.count - 1] = HistoryStep(feedback: step.feedback, date: step.date, outcome: step.outcome ?? last.outcome,
                                                   implementation: step.implementation ?? last.implementation,
                                                   expected: step.expected ?? last.expected, note: step.note ?? last.note,
                                                   responseIndex: step.responseIndex)
        }
        return merged
    }

    /// The changes of records in a theme (the record's themes as the graph computes them).
    func inTheme(_ slug: String) -> [Change] {
        byTheme[slug] ?? []
    }
}

/// A feed of status changes: `changes.xml` (RSS 2.0) and, site-wide and per theme,
/// `changes.atom` (Atom 1.0) beside it.
struct ChangeFeed: Sendable {
    enum Scope: Sendable, Hashable {
        case site
        case theme(String)
        /// "Volg dit punt": one meeting's or advice's changes, all of them.
        case record(String)
    }

    let scope: Scope
    let title: String
    /// Output path of the RSS feed.
    let path: String
    /// Output path of the page the feed belongs to.
    let pagePath: String

    /// Nil for a record's feed: one format is enough to follow a point.
    var atomPath: String? { Self.atomPath(scope, rssPath: path) }

    static func atomPath(_ scope: Scope, rssPath path: String) -> String? {
        if case .record = scope { return nil }
        return String(path.dropLast(fileName.count)) + "changes.atom"
    }

    static let fileName = "changes.xml"

    static func rssPath(_ scope: Scope, graph: SiteGraph) -> String {
        switch scope {
        case .site: return fileName
        case .theme(let slug): return SitePaths.theme(slug) + fileName
        case .record(let id): return (graph.record(id).map(SitePaths.record) ?? "") + fileName
        }
    }

    /// Whose changes each feed holds: the site's, each theme's, each meeting's and advice's.
    static func scopes(_ graph: SiteGraph) -> [Scope] {
        var scopes: [Scope] = [.site]
        scopes += graph.themes.map { .theme($0.slug) }
        scopes += graph.records.filter { $0.kind != .feedback }.map { .record($0.id) }
        return scopes
    }

    static func feed(_ scope: Scope, _ context: RenderContext) -> ChangeFeed {
        let strings = context.strings
        let site = context.settings.title
        switch scope {
        case .site:
            return ChangeFeed(scope: scope, title: "\(strings["changes.site_title"]) – \(site)",
                              path: rssPath(scope, graph: context.graph), pagePath: SitePaths.home)
        case .theme(let slug):
            return ChangeFeed(scope: scope, title: strings.format("changes.theme_title", ["theme": context.themeTitle(slug)]) + " – \(site)",
                              path: rssPath(scope, graph: context.graph), pagePath: SitePaths.theme(slug))
        case .record(let id):
            let record = context.graph.record(id)
            return ChangeFeed(scope: scope, title: strings.format("changes.record_title", ["record": record?.title ?? id]) + " – \(site)",
                              path: rssPath(scope, graph: context.graph), pagePath: record.map(SitePaths.record) ?? SitePaths.home)
        }
    }

    /// The changes this feed holds: site-wide and per theme the newest `feeds.limit`, per record all.
    func changes(_ log: ChangeLog, graph: SiteGraph, limit: Int) -> [Change] {
        switch scope {
        case .site: return Array(log.all.prefix(limit))
        case .theme(let slug): return Array(log.inTheme(slug).prefix(limit))
        case .record(let id): return log.byRecord[id] ?? []
        }
    }

    func xml(_ context: RenderContext, log: ChangeLog, worded: WordedChanges, into out: inout [UInt8]) {
        SyndicationXML.rss(channel(context, selfPath: path), entries(context, log: log, worded: worded), into: &out)
    }

    func atom(_ context: RenderContext, log: ChangeLog, worded: WordedChanges, into out: inout [UInt8]) {
        SyndicationXML.atom(channel(context, selfPath: atomPath ?? path), entries(context, log: log, worded: worded), into: &out)
    }

    /// The feed's own URL is its Atom id: a change feed's page also has `atom.xml`.
    private func channel(_ context: RenderContext, selfPath: String) -> SyndicationXML.Channel {
        let paths = context.paths
        return .init(title: title, description: context.strings["changes.description"], language: context.settings.language,
                     pageURL: paths.absolute(pagePath), selfURL: paths.absolute(selfPath), atomID: paths.absolute(selfPath),
                     siteTitle: context.settings.title, homeURL: paths.absolute(SitePaths.home), today: context.graph.today)
    }

    private func entries(_ context: RenderContext, log: ChangeLog, worded: WordedChanges) -> [SyndicationXML.Entry] {
        changes(log, graph: context.graph, limit: context.settings.feedsLimit).compactMap { worded.entries[$0.order] }
    }
}

/// Every change of the log as a feed entry, worded once per build: one change is in its
/// record's feed and, in RSS and Atom, in the site's and each of its themes' feeds.
struct WordedChanges: Sendable {
    /// In the order of `ChangeLog.all`; nil where the change's records are not in the graph.
    let entries: [SyndicationXML.Entry?]

    /// With `earlier`, what a build before worded (same settings, strings and themes): a change
    /// whose record and feedback are the very same and in the same themes is taken over.
    init(_ log: ChangeLog, _ context: RenderContext, earlier: ChangeWording.Worded? = nil) {
        let host = ChangeEntry.atomHost(baseURL: context.settings.baseURL)
        let graph = context.graph
        // After most edits the log is as long as before and each change where it was: then
        // changes are matched by position; else (or when many moved) by item and step.
        let samePlaces = earlier.map { earlier in
            earlier.log.all.count == log.all.count
                && zip(earlier.log.all, log.all).lazy.filter { $0.key != $1.key || $0.step != $1.step }.prefix(Self.fewMoved + 1).count <= Self.fewMoved
        } ?? false
        var earlierEntries: [ChangeKey: SyndicationXML.Entry?] = [:]
        if let earlier, !samePlaces {
            earlierEntries.reserveCapacity(earlier.log.all.count)
            for change in earlier.log.all { earlierEntries[ChangeKey(change)] = earlier.worded.entries[change.order] }
        }
        let known = earlierEntries
        entries = log.all.parallelMap { change in
            if let earlier {
                let entry: SyndicationXML.Entry??
                if samePlaces {
                    let was = earlier.log.all[change.order]
                    entry = was.key == change.key && was.step == change.step ? .some(earlier.worded.entries[change.order]) : .none
                } else {
                    entry = known[ChangeKey(change)]
                }
                if let entry, let record = graph.record(change.key.record),
                   earlier.graph.record(change.key.record) === record, earlier.graph.record(change.step.feedback) === graph.record(change.step.feedback),
                   earlier.graph.themesOf[record.id] == graph.themesOf[record.id] {
                    return entry
                }
            }
            return ChangeEntry(change, context).map {
                .init(title: $0.title, url: $0.url, guid: $0.guid, guidIsPermaLink: false,
                      atomIDRule: .tag(host: host), date: $0.date, summary: $0.summary, categories: $0.categories)
            }
        }
    }

    /// Changes that may have moved for the rest to still be matched by position.
    private static let fewMoved = 64

    private struct ChangeKey: Hashable {
        let key: ItemKey
        let step: HistoryStep

        init(_ change: Change) {
            key = change.key
            step = change.step
        }

        /// The item and the feedback are enough to tell changes apart; equality still compares
        /// the whole step (a note's text is long, and hashing it is most of the work).
        func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(step.feedback)
            hasher.combine(step.responseIndex)
        }
    }
}
