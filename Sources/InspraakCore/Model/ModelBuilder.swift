import Foundation

/// Stage 2: loaded documents in, typed records and themes out (drafts set aside unless asked for).
public enum ModelBuilder {
    public static func build(_ site: LoadedSite, includeDrafts: Bool) -> (SiteModel, [Diagnostic]) {
        let zone = TimeZone(identifier: site.config.timezone) ?? TimeZone(identifier: "UTC")!
        let decoder = RecordDecoder(config: site.config, zone: zone)
        var diagnostics = Diagnostics()
        var records: [Record] = []
        var themes: [Theme] = []
        var drafts = Set<String>()
        var unreadable = site.unreadableNames
        let decoded = site.documents.parallelMap { document -> (Record?, Theme?, Bool, [Diagnostic]) in
            if document.source.folder == .themes {
                let (theme, draft, problems) = decoder.theme(document)
                return (nil, theme, draft, problems)
            }
            let (record, problems) = decoder.record(document)
            return (record, nil, record?.draft ?? false, problems)
        }
        for (document, result) in zip(site.documents, decoded) {
            let (record, theme, draft, problems) = result
            diagnostics.append(contentsOf: problems)
            if let record {
                if draft && !includeDrafts { drafts.insert(record.id) } else { records.append(record) }
            } else if let theme {
                if draft && !includeDrafts { drafts.insert(theme.slug) } else { themes.append(theme) }
            } else {
                unreadable.insert(document.source.name)
            }
        }
        records.sort { ($0.id, $0.source.path) < ($1.id, $1.source.path) }
        themes.sort { ($0.order, $0.title, $0.slug) < ($1.order, $1.title, $1.slug) }
        return (SiteModel(records: records, themes: themes, draftIDs: drafts, unreadableIDs: unreadable), diagnostics.all)
    }
}
