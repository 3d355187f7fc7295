import Foundation
import InspraakMarkdown
import InspraakSource

/// Every piece of Markdown in the site rendered once (in parallel), then looked up by pages.
struct RenderedTexts: Sendable {
    /// A class: pages look a record's texts up thousands of times, and a struct of this size
    /// was copied (each of its strings and tables retained) for every lookup.
    final class RecordTexts: Sendable {
        /// The body as HTML: shown on the record's own page only.
        var bodyHTML: String { body.html }
        private let body: BodyHTML
        /// Inline HTML of the summary (written, or the body's first paragraph).
        let summaryHTML: String?
        /// Plain text of the same, for meta descriptions and feeds.
        let summaryText: String?
        /// Inline HTML per item id.
        let items: [String: String]
        /// Inline HTML of each response's note, by position in `responds_to`.
        let notes: [Int: String]

        init(_ record: Record, unsafeHTML unsafe: Bool) {
            // The body's first paragraph stands in for a summary only where none is written.
            let body = Markdown.render(record.body, unsafeHTML: unsafe, firstParagraph: record.summary == nil)
            self.body = BodyHTML(body.html)
            summaryHTML = record.summary.map { Markdown.renderInline($0, unsafeHTML: unsafe) } ?? body.firstParagraphHTML
            summaryText = record.summary.map { Markdown.plainText($0) } ?? body.firstParagraphText
            var items: [String: String] = [:]
            for item in record.items { items[item.id] = Markdown.renderInline(item.text, unsafeHTML: unsafe) }
            self.items = items
            var notes: [Int: String] = [:]
            for (index, response) in (record.feedback?.responses ?? []).enumerated() {
                if let note = response.note { notes[index] = Markdown.renderInline(note, unsafeHTML: unsafe) }
            }
            self.notes = notes
        }

        /// Lets the body's HTML go: a build calls it once the record's page is written, the
        /// only file that shows it (10,000 bodies were a quarter of a build's peak memory).
        func releaseBody() { body.release() }
        var holdsBody: Bool { body.isHeld }
    }

    /// A body's HTML until it is released. Reading it after that is a mistake in the order of
    /// the write stage, not something a site can cause.
    final class BodyHTML: @unchecked Sendable {
        private let lock = NSLock()
        private var text: String?

        init(_ html: String) { text = html }

        var html: String {
            lock.lock()
            defer { lock.unlock() }
            assert(text != nil, "a record body was read after its page was written")
            return text ?? ""
        }

        func release() {
            lock.lock()
            text = nil
            lock.unlock()
        }

        var isHeld: Bool {
            lock.lock()
            defer { lock.unlock() }
            return text != nil
        }
    }

    /// Variable for `replacingTexts(of:unsafeHTML:)` (serve), never changed while rendering.
    var records: RecordTextTable
    let themes: [String: RenderedMarkdown]
    /// The texts of place and council files, by slug.
    let places: [String: RenderedMarkdown]
    let councils: [String: RenderedMarkdown]

    static func render(_ graph: SiteGraph, unsafeHTML unsafe: Bool) -> RenderedTexts {
        let rendered = graph.records.parallelMap { record in RecordTexts(record, unsafeHTML: unsafe) }
        var themes: [String: RenderedMarkdown] = [:]
        for theme in graph.themes { themes[theme.slug] = Markdown.render(theme.body, unsafeHTML: unsafe) }
        return RenderedTexts(graph, records: rendered, themes: themes, unsafeHTML: unsafe)
    }

    /// Texts in the order of `graph.records`; the few place and council files rendered here.
    init(_ graph: SiteGraph, records rendered: [RecordTexts], themes: [String: RenderedMarkdown], unsafeHTML unsafe: Bool) {
        var records: [String: RecordTexts] = [:]
        for (record, texts) in zip(graph.records, rendered) { records[record.id] = texts }
        self.records = RecordTextTable(records)
        self.themes = themes
        var places: [String: RenderedMarkdown] = [:]
        for place in graph.places { places[place.slug] = Markdown.render(place.body, unsafeHTML: unsafe) }
        self.places = places
        var councils: [String: RenderedMarkdown] = [:]
        for council in graph.councils { councils[council.slug] = council.file.map { Markdown.render($0.body, unsafeHTML: unsafe) } }
        self.councils = councils
    }

    /// The note of a feedback's response that gave a history step.
    func note(of step: HistoryStep) -> String? {
        records[step.feedback]?.notes[step.responseIndex]
    }
}

/// Each record's texts by id. `serve` replaces a few after an edit: they are kept beside the
/// whole table, so 10,000 texts are not copied for one.
struct RecordTextTable: Sendable {
    private let all: [String: RenderedTexts.RecordTexts]
    private var replaced: [String: RenderedTexts.RecordTexts] = [:]

    init(_ all: [String: RenderedTexts.RecordTexts]) {
        self.all = all
    }

    subscript(id: String) -> RenderedTexts.RecordTexts? {
        get { replaced[id] ?? all[id] }
        set { replaced[id] = newValue }
    }
}
