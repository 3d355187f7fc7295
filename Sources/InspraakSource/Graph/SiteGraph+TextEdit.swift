extension SiteModel {
    /// Whether this model differs from `earlier` only in the bodies of records whose files are
    /// at `textEdited` (decoded anew with the same front matter: `DecodedDocumentCache`): the
    /// same records in the same order, every other one the very same, and the same themes,
    /// places, councils, drafts and unreadable records.
    package func differsOnlyInText(from earlier: SiteModel, textEdited: Set<String>) -> Bool {
        guard !textEdited.isEmpty, records.count == earlier.records.count, themes == earlier.themes, places == earlier.places,
              councils == earlier.councils, draftIDs == earlier.draftIDs, unreadableIDs == earlier.unreadableIDs else { return false }
        for (now, before) in zip(records, earlier.records) where now !== before {
            guard now.id == before.id, textEdited.contains(now.origin.path) else { return false }
        }
        return true
    }
}

extension SiteGraph {
    /// The graph of a model that differs from the one this graph was built from only in record
    /// bodies (`SiteModel.differsOnlyInText`): nothing the graph works out reads a body, so
    /// only the records are swapped; the result equals `build` of that model. Trail windows
    /// made from the old graph still hold the old records; they read no body either.
    package func replacingTexts(with model: SiteModel) -> SiteGraph {
        var graph = self
        graph.records = model.records
        return graph
    }
}

extension SiteGraph {
    /// The same graph with every record's Markdown body let go (`build`, once the bodies are
    /// rendered: they are a sixth of what is alive while pages are written). Nothing the graph
    /// works out reads a body (see `replacingTexts`).
    package func droppingBodies() -> SiteGraph {
        var graph = self
        graph.records = records.map { $0.body.isEmpty ? $0 : $0.replacingBody("") }
        return graph
    }
}
