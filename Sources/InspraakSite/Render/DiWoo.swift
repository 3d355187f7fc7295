import InspraakSource

/// DiWoo 0.9.8 sitemaps for the national Woo index (only with `[woo]` in site.toml): a sitemap
/// index and its sitemaps, one `<url>` per advice page, advice document (PDF in its bundle) and
/// feedback that answers an advice, each with a `diwoo:Document/diwoo:DiWoo` block. Elements are
/// written in the order of the XSD's declarations (`DiWooType` is an `xs:all`, so any order is
/// valid; this one is stable).
enum DiWoo {
    static let namespace = "https://standaarden.overheid.nl/diwoo/metadata/"
    static let indexPath = "sitemapindex-diwoo-infocat010.xml"
    /// The sitemap protocol's limit per file.
    static let urlsPerSitemap = 50_000

    static let categoryAdvice = "https://identifier.overheid.nl/tooi/def/thes/kern/c_99a836c7"
    static let documentTypeAdvice = "https://identifier.overheid.nl/tooi/def/thes/kern/c_d506b718"
    static let actReceipt = "https://identifier.overheid.nl/tooi/def/thes/kern/c_dfcee535"
    static let actAdoption = "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76"
    static let languageDutch = "http://publications.europa.eu/resource/authority/language/NLD"
    static let formatHTML = "http://publications.europa.eu/resource/authority/file-type/HTML"
    static let formatPDF = "http://publications.europa.eu/resource/authority/file-type/PDF"

    static func sitemapPath(_ number: Int) -> String {
        "sitemap-diwoo-infocat010-\(Day.pad(number, 3)).xml"
    }

    struct Entry {
        let location: String
        let lastModified: Day
        let block: String
    }

    /// Nil without `[woo]`; else the index and its sitemaps (at least one, empty when nothing qualifies).
    /// `limit`: addresses per sitemap (smaller only in tests).
    static func files(_ graph: SiteGraph, settings: RenderSettings, paths: SitePaths, limit: Int = urlsPerSitemap) -> [(path: String, text: String)]? {
        guard let publisher = settings.wooPublisher else { return nil }
        let entries = self.entries(graph, paths: paths, publisher: publisher, site: settings.publisherName)
        var chunks = stride(from: 0, to: entries.count, by: limit).map { Array(entries[$0..<min($0 + limit, entries.count)]) }
        if chunks.isEmpty { chunks = [[]] }
        var files: [(path: String, text: String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (offset, chunk) in chunks.enumerated() {
            let path = sitemapPath(offset + 1)
            index += "  <sitemap><loc>\(XMLText.escape(paths.absolute(path)))</loc>"
            if let newest = chunk.map(\.lastModified).max() { index += "<lastmod>\(newest.iso)</lastmod>" }
            index += "</sitemap>\n"
            var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:diwoo=\"\(namespace)\">\n"
            for entry in chunk {
                out += "  <url>\n    <loc>\(XMLText.escape(entry.location))</loc>\n    <lastmod>\(entry.lastModified.iso)</lastmod>\n"
                out += "    <diwoo:Document>\n      <diwoo:DiWoo>\n\(entry.block)      </diwoo:DiWoo>\n    </diwoo:Document>\n  </url>\n"
            }
            files.append((path, out + "</urlset>\n"))
        }
        files.insert((indexPath, index + "</sitemapindex>\n"), at: 0)
        return files
    }

    /// What the index lists, before any text is made: each advice, each PDF in an advice's
    /// bundle, each feedback that answers an advice (with the advice it answers).
    enum Listed {
        case advice(Record, Advice)
        case document(Record, Advice, Attachment)
        case feedback(Record, answered: [Record])
    }

    static func listed(_ graph: SiteGraph) -> [Listed] {
        var listed: [Listed] = []
        for record in graph.records {
            if let advice = record.advice {
                listed.append(.advice(record, advice))
                for document in record.documents {
                    guard let file = document.file, file.lowercased().hasSuffix(".pdf") else { continue }
                    listed.append(.document(record, advice, document))
                }
            } else if record.kind == .feedback {
                var answered: [Record] = []
                for link in graph.links[record.id, default: []] {
                    if let target = graph.record(link.target), target.kind == .advice, !answered.contains(where: { $0.id == target.id }) {
                        answered.append(target)
                    }
                }
                if !answered.isEmpty { listed.append(.feedback(record, answered: answered)) }
            }
        }
        return listed
    }

    /// The files `files` makes, by path, without making them (nil without `[woo]`).
    static func paths(_ graph: SiteGraph, settings: RenderSettings, limit: Int = urlsPerSitemap) -> [String]? {
        guard settings.wooPublisher != nil else { return nil }
        let sitemaps = max(1, (listed(graph).count + limit - 1) / limit)
        return [indexPath] + (1...sitemaps).map(sitemapPath)
    }

    static func entries(_ graph: SiteGraph, paths: SitePaths, publisher: String, site: String) -> [Entry] {
        listed(graph).map { listed -> Entry in
            switch listed {
            case .advice(let record, let advice):
                return Entry(location: paths.absolute(SitePaths.record(record)), lastModified: record.updated ?? record.date.day, block: block(
                    publisher: publisher, site: site, author: graph.councilName(of: record) ?? advice.council, title: record.title, created: record.date.day,
                    format: (formatHTML, "html"), documentType: true, act: (actReceipt, "ontvangst", record.date), isPartOf: nil, replyTo: []))
            case .document(let record, let advice, let document):
                let page = paths.absolute(SitePaths.record(record))
                return Entry(location: page + (document.file ?? ""), lastModified: record.updated ?? record.date.day, block: block(
                    publisher: publisher, site: site, author: graph.councilName(of: record) ?? advice.council, title: document.title, created: record.date.day,
                    format: (formatPDF, "pdf"), documentType: true, act: (actReceipt, "ontvangst", record.date),
                    isPartOf: (page, record.title), replyTo: []))
            case .feedback(let record, let answered):
                return Entry(location: paths.absolute(SitePaths.record(record)), lastModified: record.updated ?? record.date.day, block: block(
                    publisher: publisher, site: site, author: answered[0].advice!.addressedTo, title: record.title, created: record.date.day,
                    format: (formatHTML, "html"), documentType: false, act: (actAdoption, "vaststelling", record.date), isPartOf: nil,
                    replyTo: answered.map { (paths.absolute(SitePaths.record($0)), $0.title) }))
            }
        }.sorted { $0.location < $1.location }
    }

    private static func element(_ name: String, _ text: String, resource: String? = nil, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let attribute = resource.map { " resource=\"\(XMLText.escape($0))\"" } ?? ""
        return "\(pad)<diwoo:\(name)\(attribute)>\(XMLText.escape(text))</diwoo:\(name)>\n"
    }

    private static func block(publisher: String, site: String, author: String, title: String, created: Day,
                              format: (String, String), documentType: Bool, act: (String, String, Moment),
                              isPartOf: (String, String)?, replyTo: [(String, String)]) -> String {
        var out = element("publisher", site, resource: publisher, indent: 8)
        out += element("naamOpsteller", author, indent: 8)
        out += "        <diwoo:titelcollectie>\n" + element("officieleTitel", title, indent: 10) + "        </diwoo:titelcollectie>\n"
        out += "        <diwoo:classificatiecollectie>\n          <diwoo:informatiecategorieen>\n"
        out += element("informatiecategorie", "adviezen", resource: categoryAdvice, indent: 12)
        out += "          </diwoo:informatiecategorieen>\n"
        if documentType {
            out += "          <diwoo:documentsoorten>\n" + element("documentsoort", "advies", resource: documentTypeAdvice, indent: 12)
            out += "          </diwoo:documentsoorten>\n"
        }
        out += "        </diwoo:classificatiecollectie>\n"
        out += "        <diwoo:creatiedatum>\(created.iso)</diwoo:creatiedatum>\n"
        out += element("language", "Nederlands", resource: languageDutch, indent: 8)
        out += element("format", format.1, resource: format.0, indent: 8)
        if let (url, title) = isPartOf { out += element("isPartOf", title, resource: url, indent: 8) }
        out += "        <diwoo:documenthandelingen>\n          <diwoo:documenthandeling>\n"
        out += element("soortHandeling", act.1, resource: act.0, indent: 12)
        out += "            <diwoo:atTime>\(act.2.isoDateTimeOrMidnight)</diwoo:atTime>\n"
        out += "          </diwoo:documenthandeling>\n        </diwoo:documenthandelingen>\n"
        if !replyTo.isEmpty {
            out += "        <diwoo:documentrelaties>\n"
            for (url, title) in replyTo {
                out += "          <diwoo:documentrelatie>\n" + element("role", "is reactie op", indent: 12)
                out += element("relation", title, resource: url, indent: 12) + "          </diwoo:documentrelatie>\n"
            }
            out += "        </diwoo:documentrelaties>\n"
        }
        return out
    }

    /// When the site lives under a sub-path, harvesters still read only the host's root
    /// robots.txt: the lines it must carry, for the build summary.
    static func robotsNote(_ config: RenderSettings, paths: SitePaths) -> String? {
        guard config.wooPublisher != nil, config.basePath != "/" else { return nil }
        return RenderMessage.robotsNote(basePath: config.basePath, robots: config.origin + "/robots.txt", sitemap: paths.absolute(indexPath))
    }
}
