import InspraakMarkdown
import InspraakSource

/// Every piece of Markdown in the site rendered once (in parallel), then looked up by pages.
struct RenderedTexts: Sendable {
    struct RecordTexts: Sendable {
        let body: RenderedMarkdown
        /// Inline HTML of the summary (written, or the body's first paragraph).
        let summaryHTML: String?
        /// Plain text of the same, for meta descriptions and feeds.
        let summaryText: String?
        /// Inline HTML per item id.
        let items: [String: String]
        /// Inline HTML of each response's note, by position in `responds_to`.
        let notes: [Int: String]
    }

    let records: [String: RecordTexts]
    let themes: [String: RenderedMarkdown]
    /// The texts of place and council files, by slug.
    var places: [String: RenderedMarkdown] = [:]
    var councils: [String: RenderedMarkdown] = [:]

    static func render(_ graph: SiteGraph, unsafeHTML unsafe: Bool) -> RenderedTexts {
        let rendered = graph.records.parallelMap { record -> RecordTexts in
            let body = Markdown.render(record.body, unsafeHTML: unsafe)
            var summaryHTML = body.firstParagraphHTML
            var summaryText = body.firstParagraphText
            if let summary = record.summary {
                summaryHTML = Markdown.renderInline(summary, unsafeHTML: unsafe)
                summaryText = Markdown.plainText(summary)
            }
            var items: [String: String] = [:]
            for item in record.items { items[item.id] = Markdown.renderInline(item.text, unsafeHTML: unsafe) }
            var notes: [Int: String] = [:]
            for (index, response) in (record.feedback?.responses ?? []).enumerated() {
                if let note = response.note { notes[index] = Markdown.renderInline(note, unsafeHTML: unsafe) }
            }
            return RecordTexts(body: body, summaryHTML: summaryHTML, summaryText: summaryText, items: items, notes: notes)
        }
        var records: [String: RecordTexts] = [:]
        for (record, texts) in zip(graph.records, rendered) { records[record.id] = texts }
        var themes: [String: RenderedMarkdown] = [:]
        for theme in graph.themes { themes[theme.slug] = Markdown.render(theme.body, unsafeHTML: unsafe) }
        var places: [String: RenderedMarkdown] = [:]
        for place in graph.places { places[place.slug] = Markdown.render(place.body, unsafeHTML: unsafe) }
        var councils: [String: RenderedMarkdown] = [:]
        for council in graph.councils { councils[council.slug] = council.file.map { Markdown.render($0.body, unsafeHTML: unsafe) } }
        return RenderedTexts(records: records, themes: themes, places: places, councils: councils)
    }

    /// The note of a feedback's response that gave a history step.
    func note(of step: HistoryStep) -> String? {
        records[step.feedback]?.notes[step.responseIndex]
    }
}
