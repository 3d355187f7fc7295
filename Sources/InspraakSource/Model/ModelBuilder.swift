import Foundation

/// Stage 2: loaded documents in, typed records and themes out (drafts set aside unless asked for).
public enum ModelBuilder {
    public static func build(_ site: LoadedSite, includeDrafts: Bool) -> (SiteModel, [Diagnostic]) {
        build(site, includeDrafts: includeDrafts, cache: nil)
    }

    /// The same, taking from `cache` what earlier builds of the site decoded (`serve`).
    package static func build(_ site: LoadedSite, includeDrafts: Bool, cache: DecodedDocumentCache?) -> (SiteModel, [Diagnostic]) {
        let decoder = decoder(for: site)
        var diagnostics = Diagnostics()
        var records: [Record] = []
        var definitions: [Definition] = []
        var drafts = Set<String>()
        // A record or definition with errors is kept (see `RecordGaps`): refs to it are checked, not lost.
        cache?.use(decoder)
        let decoded = site.documents.parallelMap { document -> DecodedDocumentCache.Decoded in
            if let known = cache?.decoded(document) { return known }
            let made: DecodedDocumentCache.Decoded
            if document.source.folder.isDefinition {
                let (definition, problems) = decoder.definition(document)
                made = (nil, definition, problems)
            } else {
                let (record, problems) = decoder.record(document)
                made = (record, nil, problems)
            }
            cache?.store(made, for: document)
            return made
        }
        for (record, definition, problems) in decoded {
            diagnostics.append(contentsOf: problems)
            if let record {
                if record.draft && !includeDrafts { drafts.insert(record.id) } else { records.append(record) }
            } else if let definition, !definition.draft || includeDrafts {
                definitions.append(definition)
            } else if let definition, definition.folder == .themes {
                drafts.insert(definition.slug)
            }
        }
        records.sort { ($0.id, $0.origin.path) < ($1.id, $1.origin.path) }
        let byOrder = { (a: Definition, b: Definition) in (a.order, a.title, a.slug, a.location.path) < (b.order, b.title, b.slug, b.location.path) }
        let themes = definitions.filter { $0.folder == .themes }.sorted(by: byOrder).map(\.theme)
        let places = definitions.filter { $0.folder == .places }.sorted(by: byOrder).map(\.place)
        let councils = definitions.filter { $0.folder == .councils }.sorted { ($0.slug, $0.location.path) < ($1.slug, $1.location.path) }.map(\.council)
        return (SiteModel(records: records, themes: themes, places: places, councils: councils, draftIDs: drafts,
                          unreadableIDs: site.unreadableNames), diagnostics.all)
    }
}

extension ModelBuilder {
    /// What records are decoded with: the site's settings, its time zone, the meeting formats
    /// it and its theme know.
    static func decoder(for site: LoadedSite) -> RecordDecoder {
        let zone = TimeZone(identifier: site.config.timezone) ?? TimeZone(identifier: "UTC")!
        let themeFormats = site.theme.strings.values.flatMap(\.keys).filter { $0.hasPrefix("formats.") }.map { String($0.dropFirst("formats.".count)) }
        let formats = Set(RecordDecoder.builtInFormats + site.config.formats.keys + themeFormats).sorted()
        return RecordDecoder(config: site.config, zone: zone, knownFormats: formats)
    }

    /// `model`, made from `site` by `build` with `cache`, after `documents` (records of `site`)
    /// were read again: each decoded anew, when it is still a record (not a draft) with the
    /// same id at the same path; nil otherwise (then `build` is needed). With the records, what
    /// decoding them said: a record's problems lie in its own file.
    package static func replacingRecords(in model: SiteModel, of site: LoadedSite, documents: [LoadedDocument], includeDrafts: Bool,
                                         cache: DecodedDocumentCache) -> (SiteModel, problems: [Diagnostic])? {
        let decoder = decoder(for: site)
        cache.use(decoder)
        var records = model.records
        var problems: [Diagnostic] = []
        for document in documents {
            guard !document.source.folder.isDefinition, let index = records.firstIndex(where: { $0.origin.path == document.source.path }) else { return nil }
            let decoded = cache.decoded(document) ?? {
                let (record, problems) = decoder.record(document)
                let made: DecodedDocumentCache.Decoded = (record, nil, problems)
                cache.store(made, for: document)
                return made
            }()
            guard let record = decoded.record, record.id == records[index].id, !record.draft || includeDrafts else { return nil }
            records[index] = record
            problems += decoded.problems
        }
        return (SiteModel(records: records, themes: model.themes, places: model.places, councils: model.councils,
                          draftIDs: model.draftIDs, unreadableIDs: model.unreadableIDs), problems)
    }

    /// `model`, made from `site` by `build` with `cache`, after `documents` (records of `site`)
    /// were read again: their records with the new bodies, when each changed only in its text
    /// (`DecodedDocumentCache`); nil otherwise (then `build` is needed). Its diagnostics are
    /// the model's before: a text does not change them.
    package static func replacingTexts(in model: SiteModel, of site: LoadedSite, documents: [LoadedDocument], cache: DecodedDocumentCache) -> SiteModel? {
        cache.use(decoder(for: site))
        var records = model.records
        for document in documents {
            guard let decoded = cache.decoded(document), let record = decoded.record,
                  let index = records.firstIndex(where: { $0.origin.path == record.origin.path }), records[index].id == record.id else { return nil }
            // Saved without a change: the very same record.
            guard record !== records[index] else { continue }
            guard cache.textEdited.contains(document.source.path) else { return nil }
            records[index] = record
        }
        return SiteModel(records: records, themes: model.themes, places: model.places, councils: model.councils,
                         draftIDs: model.draftIDs, unreadableIDs: model.unreadableIDs)
    }
}

/// A theme, place or council file as read: one shape for the three, typed by `ModelBuilder`.
struct Definition {
    let folder: ContentFolder
    let slug: String
    let title: String
    let description: String
    let order: Int
    let contact: String?
    let draft: Bool
    let body: String
    let location: SourceLocation

    var theme: Theme { Theme(slug: slug, title: title, description: description, order: order, body: body, location: location) }
    var place: Place { Place(slug: slug, title: title, description: description, order: order, body: body, location: location) }
    var council: CouncilFile {
        CouncilFile(slug: slug, title: title, description: description, contact: contact, body: body, location: location)
    }
}
