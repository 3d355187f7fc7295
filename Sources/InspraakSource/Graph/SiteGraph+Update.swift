/// What `SiteGraph.updating` changed: stages after the graph work out again only what these
/// records show.
package struct GraphUpdate: Sendable {
    /// The records whose files changed, as they are now.
    package let changed: [Record]
    /// Each of those by id.
    package let replaced: [String: Record]
    /// Ids of the records whose links, histories or statuses were worked out again (those
    /// changed and those they answer): no other record's differ from the graph before.
    package let restated: Set<String>

    /// Nothing changed (an edit to texts alone, whose records keep their graph facts).
    package static let none = GraphUpdate(changed: [], replaced: [:], restated: [])
}

extension SiteGraph {
    /// The graph of `model` when it differs from `earlier` (the model this graph was built from)
    /// only in what records say about how things went: each record that is not the very same
    /// has the same id, kind, date, themes, places, council, items and refs, though refs may
    /// be on other lines (an outcome, a note, an implementation step, a due day, a title or a
    /// body changed). Refs then resolve to the
    /// same targets, so links are made again for those records alone, the histories and
    /// statuses of the items they answer are worked out again, and all else is kept. The
    /// result equals `build` of `model`, diagnostics included (as a set); nil when the
    /// records differ in more than that, or the themes, places, councils, drafts or
    /// unreadable records do.
    package func updating(to model: SiteModel, from earlier: SiteModel, problems: [Diagnostic], settings: GraphSettings) -> (SiteGraph, [Diagnostic], GraphUpdate)? {
        guard model.records.count == earlier.records.count, model.themes == earlier.themes, model.places == earlier.places,
              model.councils == earlier.councils, model.draftIDs == earlier.draftIDs, model.unreadableIDs == earlier.unreadableIDs,
              records.count == model.records.count else { return nil }
        var changed: [Record] = []
        var previous: [Record] = []
        for (now, before) in zip(model.records, earlier.records) where now !== before {
            guard Self.sameShape(now, before), let index = position[now.id], records[index] === before else { return nil }
            changed.append(now)
            previous.append(before)
        }
        guard !changed.isEmpty else { return (self, problems, .none) }
        var graph = self
        graph.records = model.records
        // Ref problems read only what is the same (ids, dates, gaps, items), but a ref may have
        // moved to another line: those of the records changed are made again.
        let ids = records.map(\.id)
        var refsBefore = Diagnostics(), refsAfter = Diagnostics()
        var targets = Set<String>()
        for (record, before) in zip(changed, previous) {
            _ = RefResolution.links(of: before, records: records, ids: ids, position: position, model: earlier, diagnostics: &refsBefore)
            let links = RefResolution.links(of: record, records: graph.records, ids: ids, position: position, model: model, diagnostics: &refsAfter)
            graph.links[record.id] = links
            if record.kind == .feedback { targets.formUnion(links.map(\.target)) }
        }
        // The items of the records answered: their histories and problems.
        let keys = targets.flatMap { position[$0].map { Statuses.keys(of: graph.records[$0]) } ?? [] }.sorted()
        let histories = ItemHistory.collect(of: targets, records: graph.records, position: position, links: graph.links, backlinks: backlinks)
        let before = refsBefore.all + ItemHistory.problems(self.histories, keys: keys, records: records, position: position)
        for key in keys {
            graph.histories[key] = histories[key]
        }
        let after = refsAfter.all + ItemHistory.problems(graph.histories, keys: keys, records: graph.records, position: position)
        var diagnostics = problems
        if before != after {
            let gone = Set(before)
            diagnostics = diagnostics.filter { !gone.contains($0) } + after
        }
        // Statuses of the records answered, and of those changed (a due day, a meeting cancelled).
        let restated = targets.union(changed.map(\.id))
        graph.statuses = statuses.updating(restated.sorted().compactMap { position[$0].map { graph.records[$0] } }, histories: graph.histories,
                                           settings: settings, today: today)
        let replaced = Dictionary(changed.map { ($0.id, $0) }) { first, _ in first }
        return (graph, diagnostics, GraphUpdate(changed: changed, replaced: replaced, restated: restated))
    }

    /// Whether two states of a record resolve, are placed and are assigned alike: all the graph
    /// reads of a record but its answers, due day, cancellation and the items' texts.
    private static func sameShape(_ now: Record, _ before: Record) -> Bool {
        now.id == before.id && now.kind == before.kind && now.date == before.date && now.gaps == before.gaps && now.draft == before.draft
            && now.themes == before.themes && now.themesLocation == before.themesLocation
            && now.places == before.places && now.placesLocation == before.placesLocation
            && now.refs.elementsEqual(before.refs) { $0.target == $1.target && $0.item == $1.item } && now.items.map(\.id) == before.items.map(\.id)
            && now.advice?.council == before.advice?.council && now.advice?.councilLocation == before.advice?.councilLocation
            && now.feedback?.responses.count == before.feedback?.responses.count
    }
}
