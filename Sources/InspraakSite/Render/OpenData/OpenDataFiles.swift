import Foundation
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
        let files = Made(graph, settings: config, paths: paths, tables: Once { tables ?? OpenDataTables.all(graph, paths: paths) })
        return Self.paths.map { ($0, files.bytes(at: $0)) }
    }

    /// The files, each made when it is first asked for: the jobs rendering them split the work
    /// (a table's CSV and JSON on different cores), and the catalog, which states every data
    /// file's size, waits only for those.
    final class Made: Sendable {
        private let graph: SiteGraph
        private let config: RenderSettings
        private let paths: SitePaths
        private let tables: Once<[DataTable]>
        private let csv: [HandedOnce]
        private let json: [HandedOnce]
        private let catalog: Once<RDFGraph>

        init(_ graph: SiteGraph, settings config: RenderSettings, paths: SitePaths, tables: Once<[DataTable]>) {
            self.graph = graph
            self.config = config
            self.paths = paths
            self.tables = tables
            let csv = tableNames.indices.map { index in
                HandedOnce({ tables.value[index].csv }, streamed: { buffer, spill in
                    withoutActuallyEscaping(spill) { tables.value[index].writeCSV(into: &buffer, spill: $0) }
                })
            }
            let json = tableNames.indices.map { index in
                HandedOnce({ tables.value[index].json }, streamed: { buffer, spill in
                    withoutActuallyEscaping(spill) { tables.value[index].writeJSON(into: &buffer, spill: $0) }
                })
            }
            self.csv = csv
            self.json = json
            catalog = Once {
                var distributions: [DataCatalog.Distribution] = []
                for (index, table) in tables.value.enumerated() {
                    distributions.append(.init(file: "\(table.name).csv", title: "\(table.title) (CSV)", byteSize: csv[index].size))
                    distributions.append(.init(file: "\(table.name).json", title: "\(table.title) (JSON)", byteSize: json[index].size))
                }
                return DataCatalog.graph(config: config, paths: paths, today: graph.today, distributions: distributions)
            }
        }

        private var licence: OpenDataLicence.Licence {
            OpenDataLicence.accepted[config.dataLicense] ?? OpenDataLicence.accepted["CC0-1.0"]!
        }

        /// A table's CSV or JSON into `buffer`, handed to `spill` in pieces as it is made (the
        /// write stage writes each and empties it); false for another file.
        func stream(at path: String, into buffer: inout [UInt8], spill: (inout [UInt8]) -> Void) -> Bool {
            for (index, name) in tableNames.enumerated() {
                if path == "data/\(name).csv" { csv[index].stream(into: &buffer, spill: spill); return true }
                if path == "data/\(name).json" { json[index].stream(into: &buffer, spill: spill); return true }
            }
            return false
        }

        /// The bytes of the file at `path` (one of `OpenDataFiles.paths`); empty for another.
        func bytes(at path: String) -> [UInt8] {
            switch path {
            case "data/catalog.ttl": return Array(catalog.value.turtle.utf8)
            case "data/catalog.jsonld": return Array(catalog.value.jsonLD.utf8)
            case "data/README.md": return Array(readme(tables.value, config: config, licence: licence).utf8)
            default: break
            }
            for (index, name) in tableNames.enumerated() {
                switch path {
                case "data/\(name).csv": return csv[index].handOver()
                case "data/\(name).json": return json[index].handOver()
                case "data/\(name).csv-metadata.json": return Array(CSVWMetadata.json(tables.value[index], licence: licence).utf8)
                default: continue
                }
            }
            return []
        }
    }

    /// A data file's bytes, made once by whichever job asks first, and not kept once the job
    /// writing the file has them: the catalog needs only their size, and the biggest tables
    /// held until the end of the build were a fifth of its peak memory at 10,000 records.
    final class HandedOnce: @unchecked Sendable {
        private let lock = NSLock()
        private let make: @Sendable () -> [UInt8]
        private let makeStreamed: @Sendable (inout [UInt8], (inout [UInt8]) -> Void) -> Void
        private var bytes: [UInt8]?
        private var count: Int?

        /// `streamed` makes the same bytes in pieces (see `stream`).
        init(_ make: @escaping @Sendable () -> [UInt8], streamed: @escaping @Sendable (inout [UInt8], (inout [UInt8]) -> Void) -> Void) {
            self.make = make
            makeStreamed = streamed
        }

        /// The bytes into `buffer`: made in pieces, each handed to `spill` (which empties it)
        /// and counted for `size`; or whole, when `size` made them already. `size` waits meanwhile.
        func stream(into buffer: inout [UInt8], spill: (inout [UInt8]) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            if let made = bytes {
                bytes = nil
                buffer = made
                return
            }
            buffer.removeAll(keepingCapacity: true)
            var handed = 0
            makeStreamed(&buffer) { piece in
                handed += piece.count
                spill(&piece)
            }
            count = handed + buffer.count
        }

        var size: Int {
            lock.lock()
            defer { lock.unlock() }
            if let count { return count }
            let made = make()
            (bytes, count) = (made, made.count)
            return made.count
        }

        /// The bytes, given up; asked again (it is not), they are made again.
        func handOver() -> [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            if let made = bytes {
                bytes = nil
                return made
            }
            let made = make()
            count = made.count
            return made
        }
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
