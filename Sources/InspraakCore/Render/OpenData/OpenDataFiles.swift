/// Everything under `data/`: each table as CSV and JSON with its CSVW metadata, the data
/// dictionary (README.md), a page listing the files, and the DCAT catalog, made last because it
/// states each data file's size in bytes.
enum OpenDataFiles {
    /// The page listing the files, as a page path (in the sitemap, linked from the footer).
    static let pagePath = "data/"

    static func files(_ graph: SiteGraph, paths: SitePaths) -> [(path: String, bytes: [UInt8])] {
        let config = graph.config
        let licence = OpenDataLicence.accepted[config.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
        let tables = OpenDataTables.all(graph, paths: paths)
        var files: [(path: String, bytes: [UInt8])] = []
        var distributions: [DataCatalog.Distribution] = []
        for table in tables {
            let csv = Array(table.csv.utf8), json = Array(table.json.utf8)
            files.append(("data/\(table.name).csv", csv))
            files.append(("data/\(table.name).json", json))
            files.append(("data/\(table.name).csv-metadata.json", Array(CSVWMetadata.json(table, licence: licence).utf8)))
            distributions.append(.init(file: "\(table.name).csv", title: "\(table.title) (CSV)", byteSize: csv.count))
            distributions.append(.init(file: "\(table.name).json", title: "\(table.title) (JSON)", byteSize: json.count))
        }
        let catalog = DataCatalog.graph(config: config, paths: paths, today: graph.today, distributions: distributions)
        files.append(("data/catalog.ttl", Array(catalog.turtle.utf8)))
        files.append(("data/catalog.jsonld", Array(catalog.jsonLD.utf8)))
        files.append(("data/README.md", Array(readme(tables, config: config, licence: licence).utf8)))
        files.append(("data/index.html", Array(indexPage(tables, config: config, licence: licence).utf8)))
        return files
    }

    static func readme(_ tables: [DataTable], config: SiteConfig, licence: OpenDataLicence.Licence) -> String {
        var out = "# Open data: \(config.title)\n\n"
        out += "Licentie: \(licence.name) (`\(config.dataLicense)`), \(licence.page)\n\n"
        out += "Elke tabel staat er twee keer: als CSV (RFC 4180: UTF-8, kopregel, regels eindigen op CRLF) en als JSON "
        out += "(een lijst van objecten met dezelfde velden, in dezelfde volgorde; een leeg CSV-veld is `null`). "
        out += "Bij elke CSV hoort `<naam>.csv-metadata.json` (W3C CSVW) met de kolommen en hun typen. "
        out += "Rijen staan op kenmerk (id), punten in de volgorde van het record. "
        out += "De beschrijving volgens DCAT-AP-NL 3.0 staat in `catalog.ttl` en `catalog.jsonld`.\n\n"
        out += "Met `answers.csv` zijn de cijfers van de site na te rekenen: de uitkomst van een punt is die van de "
        out += "laatste terugkoppeling (op datum, dan kenmerk) die het beantwoordt.\n"
        for table in tables {
            out += "\n## \(table.name).csv / \(table.name).json: \(table.title)\n\n\(table.description)"
            if !table.primaryKey.isEmpty { out += " Sleutel: `\(table.primaryKey.joined(separator: "`, `"))`." }
            out += "\n\n| kolom | type | verplicht | betekenis |\n|---|---|---|---|\n"
            for column in table.columns {
                out += "| `\(column.name)` | \(column.datatype) | \(column.required ? "ja" : "nee") | \(column.description) |\n"
            }
        }
        return out
    }

    static func indexPage(_ tables: [DataTable], config: SiteConfig, licence: OpenDataLicence.Licence) -> String {
        let title = "Open data – " + config.title
        var out = "<!DOCTYPE html>\n<html lang=\"\(config.language)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(XMLText.escape(title))</title>\n"
        out += "<link rel=\"alternate\" type=\"text/turtle\" href=\"catalog.ttl\">\n"
        out += "<link rel=\"alternate\" type=\"application/ld+json\" href=\"catalog.jsonld\">\n</head>\n<body>\n<main>\n"
        out += "<h1>\(XMLText.escape(title))</h1>\n"
        out += "<p>Licentie: <a href=\"\(XMLText.escape(licence.page))\">\(XMLText.escape(licence.name))</a>. "
        out += "Uitleg van elke kolom: <a href=\"README.md\">README.md</a>. Beschrijving (DCAT-AP-NL 3.0): "
        out += "<a href=\"catalog.ttl\">catalog.ttl</a>, <a href=\"catalog.jsonld\">catalog.jsonld</a>.</p>\n<ul>\n"
        for table in tables {
            out += "<li>\(XMLText.escape(table.title)) (\(table.rows.count)): <a href=\"\(table.name).csv\">CSV</a>, "
            out += "<a href=\"\(table.name).json\">JSON</a>, <a href=\"\(table.name).csv-metadata.json\">CSVW</a></li>\n"
        }
        out += "</ul>\n<p><a href=\"../\">\(XMLText.escape(config.title))</a></p>\n</main>\n</body>\n</html>\n"
        return out
    }
}
