import InspraakSource

/// Everything under `data/`: each table as CSV and JSON with its CSVW metadata, the data
/// dictionary (README.md), and the DCAT catalog (the page listing them, `data/index.html`, is
/// drawn by the theme: `DataPage`), made last because it
/// states each data file's size in bytes.
enum OpenDataFiles {
    /// The page listing the files, as a page path (in the sitemap, linked from the footer).
    static let pagePath = "data/"
    /// The tables' file names, in the order the page lists them (`OpenDataTables.all`'s order).
    static let tableNames = ["meetings", "input-points", "advice", "recommendations", "feedback", "answers"]

    /// The paths `files` makes, in its order, known without making them.
    static let paths = tableNames.flatMap { ["data/\($0).csv", "data/\($0).json", "data/\($0).csv-metadata.json"] }
        + ["data/catalog.ttl", "data/catalog.jsonld", "data/README.md"]

    static func files(_ graph: SiteGraph, settings config: RenderSettings, paths: SitePaths,
                      tables: [DataTable]? = nil) -> [(path: String, bytes: [UInt8])] {
        let licence = OpenDataLicence.accepted[config.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
        let tables = tables ?? OpenDataTables.all(graph, paths: paths)
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
        return files
    }

    static func readme(_ tables: [DataTable], config: RenderSettings, licence: OpenDataLicence.Licence) -> String {
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
}
