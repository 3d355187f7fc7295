import Foundation

/// Records and definitions (themes, places, councils) as decoded at earlier builds of one site, by path (`serve` makes the
/// model anew after each edit): a document whose file was not parsed again, with the same
/// settings, gives the same record, so it is not decoded again. Decoding runs on all cores,
/// hence the lock.
package final class DecodedDocumentCache: @unchecked Sendable {
    typealias Decoded = (record: Record?, definition: Definition?, problems: [Diagnostic])

    private struct Entry {
        let source: SourceDocument
        let frontMatter: String
        let body: String
        let history: FileHistory?
        let decoded: Decoded
    }

    /// What decoding reads besides the document: settings, the time zone, the known formats.
    private var settings: (config: SiteConfig, zone: TimeZone, formats: [String])?
    private var entries: [String: Entry] = [:]
    /// Paths of records that the latest model took over with only a new body.
    private var textEdits = Set<String>()
    private let lock = NSLock()

    package init() {}

    /// Forgets every document when the decoder reads other settings than before.
    func use(_ decoder: RecordDecoder) {
        lock.lock()
        defer { lock.unlock() }
        textEdits = []
        if let settings, settings.config == decoder.config, settings.zone == decoder.zone, settings.formats == decoder.knownFormats { return }
        settings = (decoder.config, decoder.zone, decoder.knownFormats)
        entries = [:]
    }

    func decoded(_ document: LoadedDocument) -> Decoded? {
        lock.lock()
        defer { lock.unlock() }
        let body = document.frontMatter.body
        guard let entry = entries[document.source.path], entry.source == document.source, entry.history == document.history,
              entry.frontMatter == document.frontMatter.text else { return nil }
        if entry.body == body { return entry.decoded }
        // Only the text changed, and whether there is any (all decoding reads of a body).
        guard let record = entry.decoded.record, RecordDecoder.hasText(entry.body) == RecordDecoder.hasText(body) else { return nil }
        let decoded: Decoded = (record.replacingBody(body), nil, entry.decoded.problems)
        entries[document.source.path] = Entry(source: entry.source, frontMatter: entry.frontMatter, body: body, history: entry.history, decoded: decoded)
        textEdits.insert(document.source.path)
        return decoded
    }

    /// The paths of the records the latest model took over with only a new body.
    package var textEdited: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return textEdits
    }

    func store(_ decoded: Decoded, for document: LoadedDocument) {
        lock.lock()
        defer { lock.unlock() }
        entries[document.source.path] = Entry(source: document.source, frontMatter: document.frontMatter.text,
                                              body: document.frontMatter.body, history: document.history, decoded: decoded)
    }

    /// Forgets documents that are gone.
    package func keepOnly(_ paths: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { paths.contains($0.key) }
    }
}
