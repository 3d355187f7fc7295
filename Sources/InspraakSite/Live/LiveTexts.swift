import InspraakMarkdown
import InspraakSource

extension RenderedTexts {
    /// The site's Markdown rendered, taking from `previous` every text whose Markdown did not
    /// change (an edit to one record renders one record's texts).
    static func render(_ graph: SiteGraph, unsafeHTML allowsHTML: Bool, reusing previous: LiveSnapshot?) -> RenderedTexts {
        guard let previous, previous.unsafeHTML == allowsHTML else { return render(graph, unsafeHTML: allowsHTML) }
        let rendered = graph.records.parallelMap { record -> RecordTexts in
            if let before = previous.graph.record(record.id), let texts = previous.texts.records[record.id], before === record || sameMarkdown(before, record) {
                return texts
            }
            return RecordTexts(record, unsafeHTML: allowsHTML)
        }
        var themes: [String: RenderedMarkdown] = [:]
        for theme in graph.themes {
            if let before = previous.graph.theme(theme.slug), before.body == theme.body, let texts = previous.texts.themes[theme.slug] {
                themes[theme.slug] = texts
            } else {
                themes[theme.slug] = Markdown.render(theme.body, unsafeHTML: allowsHTML)
            }
        }
        return RenderedTexts(graph, records: rendered, themes: themes, unsafeHTML: allowsHTML)
    }

    /// These texts with those of `records` rendered anew (only their bodies changed).
    func replacingTexts(of records: [Record], unsafeHTML allowsHTML: Bool) -> RenderedTexts {
        var texts = self
        for (record, made) in zip(records, records.parallelMap { RecordTexts($0, unsafeHTML: allowsHTML) }) { texts.records[record.id] = made }
        return texts
    }

    /// Whether two versions of a record hold the same Markdown (what `RecordTexts` is made from).
    private static func sameMarkdown(_ old: Record, _ new: Record) -> Bool {
        old.body == new.body && old.summary == new.summary
            && old.items.map(\.id) == new.items.map(\.id) && old.items.map(\.text) == new.items.map(\.text)
            && (old.feedback?.responses ?? []).map(\.note) == (new.feedback?.responses ?? []).map(\.note)
    }
}
