import Foundation

/// Stage 2: loaded documents in, typed records and themes out (drafts set aside unless asked for).
public enum ModelBuilder {
    public static func build(_ site: LoadedSite, includeDrafts: Bool) -> (SiteModel, [Diagnostic]) {
        build(site, includeDrafts: includeDrafts, cache: nil)
    }

    /// The same, taking from `cache` what earlier builds of the site decoded (`serve`).
    package static func build(_ site: LoadedSite, includeDrafts: Bool, cache: DecodedDocumentCache?) -> (SiteModel, [Diagnostic]) {
        let zone = TimeZone(identifier: site.config.timezone) ?? TimeZone(identifier: "UTC")!
        let themeFormats = site.theme.strings.values.flatMap(\.keys).filter { $0.hasPrefix("formats.") }.map { String($0.dropFirst("formats.".count)) }
        let formats = Set(RecordDecoder.builtInFormats + site.config.formats.keys + themeFormats).sorted()
        let decoder = RecordDecoder(config: site.config, zone: zone, knownFormats: formats)
        var diagnostics = Diagnostics()
        var records: [Record] = []
        var themes: [Theme] = []
        var drafts = Set<String>()
        // A record or theme with errors is kept (see `RecordGaps`): refs to it are checked, not lost.
        cache?.use(decoder)
        let decoded = site.documents.parallelMap { document -> DecodedDocumentCache.Decoded in
            if let known = cache?.decoded(document) { return known }
            let made: DecodedDocumentCache.Decoded
            if document.source.folder == .themes {
                let (theme, draft, problems) = decoder.theme(document)
                made = (nil, theme, draft, problems)
            } else {
                let (record, problems) = decoder.record(document)
                made = (record, nil, record.draft, problems)
            }
            cache?.store(made, for: document)
            return made
        }
        for (record, theme, draft, problems) in decoded {
            diagnostics.append(contentsOf: problems)
            if let record {
                if draft && !includeDrafts { drafts.insert(record.id) } else { records.append(record) }
            } else if let theme {
                if draft && !includeDrafts { drafts.insert(theme.slug) } else { themes.append(theme) }
            }
        }
        records.sort { ($0.id, $0.origin.path) < ($1.id, $1.origin.path) }
        themes.sort { ($0.order, $0.title, $0.slug) < ($1.order, $1.title, $1.slug) }
        return (SiteModel(records: records, themes: themes, draftIDs: drafts, unreadableIDs: site.unreadableNames), diagnostics.all)
    }
}
