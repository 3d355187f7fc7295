import Foundation
import InspraakTestSupport
import XCTest
@testable import InspraakSite
@testable import InspraakSource

final class OpenDataTests: XCTestCase {
    func testCSVFieldsAreQuotedOnlyWhenNeeded() {
        XCTAssertEqual(CSVText.field("plain"), "plain")
        XCTAssertEqual(CSVText.field(""), "")
        XCTAssertEqual(CSVText.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.field("zei \"ja\""), "\"zei \"\"ja\"\"\"")
        XCTAssertEqual(CSVText.field("regel\nregel"), "\"regel\nregel\"")
        XCTAssertEqual(CSVText.field("cr\rhere"), "\"cr\rhere\"")
        XCTAssertEqual(CSVText.field("café; één"), "café; één")
    }

    func testCSVRecordsEndInCRLF() {
        XCTAssertEqual(CSVText.table(header: ["id", "note"], rows: [["a", "x, \"y\""], ["b", ""]]),
                       "id,note\r\na,\"x, \"\"y\"\"\"\r\nb,\r\n")
    }

    func testJSONEscapesAndKeepsKeyOrder() {
        let value = JSONText.object([("z", .string("</script>\u{2028}\"\\\n")), ("a", .number(1)), ("b", .null), ("c", .bool(false))])
        XCTAssertEqual(value.pretty(), "{\n  \"z\": \"\\u003c/script\\u003e\\u2028\\\"\\\\\\n\",\n  \"a\": 1,\n  \"b\": null,\n  \"c\": false\n}")
    }

    func testTurtleAndJSONLDComeFromTheSameTriples() {
        var graph = RDFGraph()
        graph.type("https://x.nl/data/#d", "dcat:Dataset")
        graph.add("https://x.nl/data/#d", "dct:title", .text("Titel \"met\" quotes", language: "nl"))
        graph.add("https://x.nl/data/#d", "dcat:byteSize", .literal("12", datatype: "xsd:nonNegativeInteger"))
        XCTAssertTrue(graph.turtle.contains("<https://x.nl/data/#d>\n    a dcat:Dataset ;\n    dct:title \"Titel \\\"met\\\" quotes\"@nl ;\n    dcat:byteSize \"12\"^^xsd:nonNegativeInteger .\n"))
        XCTAssertTrue(graph.jsonLD.contains("\"@type\": [\n        \"http://www.w3.org/ns/dcat#Dataset\"\n      ]"))
        XCTAssertTrue(graph.jsonLD.contains("\"@type\": \"http://www.w3.org/2001/XMLSchema#nonNegativeInteger\""))
    }

    func testWooPublisherMustBeATOOIMunicipality() {
        XCTAssertTrue(WooPublisher.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm0363"))
        XCTAssertFalse(WooPublisher.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm363"))
        XCTAssertFalse(WooPublisher.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/provincie/pv27"))
        XCTAssertFalse(WooPublisher.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm03630"))
    }

    func testConfigDefaultsAndNewKeys() throws {
        let (plain, _) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://x.nl/\"\n")
        XCTAssertEqual(plain?.dataLicense, "CC0-1.0")
        XCTAssertNil(plain?.wooPublisher)
        let (set, problems) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://x.nl/\"\n[data]\nlicense = \"CC-BY-4.0\"\n[woo]\npublisher = \"https://identifier.overheid.nl/tooi/id/gemeente/gm0363\"\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(set?.dataLicense, "CC-BY-4.0")
        XCTAssertEqual(set?.wooPublisher, "https://identifier.overheid.nl/tooi/id/gemeente/gm0363")
        let (_, wrong) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://x.nl/\"\n[data]\nlicense = 1\n")
        XCTAssertEqual(wrong.map(\.message), ["the setting `data.license` should be text between quotes, not a number"])
    }

    private func adviceSite(woo: Bool) throws -> (SiteGraph, SiteConfig) {
        var site = InMemorySite([
            "content/advice/2024-03-01-advies.md": "---\ntitle: Advies\ndate: 2024-03-01\ncouncil: Adviesraad\nthemes: [wonen]\nrecommendations: [{id: r1, text: \"Doe dit, \\\"nu\\\"\"}, {id: r2, text: x}]\n---\n",
            "content/feedback/2024-04-01-reactie.md": "---\ntitle: Reactie\ndate: 2024-04-01\nthemes: [wonen]\nresponds_to:\n  - ref: 2024-03-01-advies\n    outcome: adopted\n---\n",
            "content/themes/wonen.md": "---\ntitle: Wonen\n---\n",
        ])
        if woo { site.config += "\n[woo]\npublisher = \"https://identifier.overheid.nl/tooi/id/gemeente/gm0363\"\n" }
        let (graph, problems) = site.graph(today: "2024-05-01")
        XCTAssertEqual(lines(problems), [])
        return (try XCTUnwrap(graph), try XCTUnwrap(site.siteConfig))
    }

    /// A ref to a whole advice is an outcome for each recommendation: one row each.
    func testAnswersHaveOneRowPerOutcomeGivenPerItem() throws {
        let (graph, config) = try adviceSite(woo: false)
        let settings = RenderSettings(config)
        let paths = SitePaths(settings)
        XCTAssertEqual(String(decoding: OpenDataTables.answers(graph).csv, as: UTF8.self), """
            feedback,date,ref,record_kind,record,item,outcome,implementation,expected,note\r
            2024-04-01-reactie,2024-04-01,2024-03-01-advies#r1,advice,2024-03-01-advies,r1,adopted,,,\r
            2024-04-01-reactie,2024-04-01,2024-03-01-advies#r2,advice,2024-03-01-advies,r2,adopted,,,\r

            """)
        XCTAssertEqual(String(decoding: OpenDataTables.recommendations(graph, paths).csv, as: UTF8.self).split(separator: "\r\n")[1],
                       "2024-03-01-advies,r1,\"Doe dit, \"\"nu\"\"\",answered,adopted,https://example.nl/participatie/advice/2024-03-01-advies/#r1")
        XCTAssertNil(DiWoo.files(graph, settings: settings, paths: paths))
    }

    /// The Woo index's sitemaps split at the limit; the index names each.
    func testDiWooSitemapsSplitAtTheLimit() throws {
        let (graph, config) = try adviceSite(woo: true)
        let files = try XCTUnwrap(DiWoo.files(graph, settings: RenderSettings(config), paths: SitePaths(RenderSettings(config)), limit: 1))
        XCTAssertEqual(files.map(\.path), ["sitemapindex-diwoo-infocat010.xml", "sitemap-diwoo-infocat010-001.xml", "sitemap-diwoo-infocat010-002.xml"])
        XCTAssertTrue(files[0].text.contains("<loc>https://example.nl/participatie/sitemap-diwoo-infocat010-002.xml</loc>"))
        XCTAssertTrue(files[2].text.contains("<loc>https://example.nl/participatie/feedback/2024-04-01-reactie/</loc>"))
        XCTAssertTrue(files[2].text.contains("<diwoo:role>is reactie op</diwoo:role>"))
        XCTAssertTrue(files[2].text.contains("<diwoo:atTime>2024-04-01T00:00:00+02:00</diwoo:atTime>"))
    }

    /// A table's JSON, written straight into bytes, is what the JSON writer prints for the same
    /// rows as objects; an empty table is an empty array.
    func testTableJSONIsThePrettyJSONOfItsRows() {
        let columns = ["id", "note", "count", "flag"].map { DataTable.Column(name: $0, datatype: "string", required: false, description: "") }
        let rows: [[DataTable.Value]] = [
            [.text("a"), .text("zei \"ja\", <b> & \u{2028}\n\u{1}"), .integer(-3), .boolean(true)],
            [.text("b"), .none, .integer(0), .boolean(false)],
            [],
        ]
        let table = DataTable(name: "t", title: "T", description: "", columns: columns, primaryKey: [], foreignKeys: [], rows: rows)
        let expected = JSONText.array(rows.map { row in .object(zip(columns, row).map { ($0.name, $1.json) }) }).pretty() + "\n"
        XCTAssertEqual(String(decoding: table.json, as: UTF8.self), expected)
        let empty = DataTable(name: "t", title: "T", description: "", columns: columns, primaryKey: [], foreignKeys: [], rows: [])
        XCTAssertEqual(String(decoding: empty.json, as: UTF8.self), "[]\n")
        XCTAssertEqual(String(decoding: table.csv, as: UTF8.self),
                       "id,note,count,flag\r\na,\"zei \"\"ja\"\", <b> & \u{2028}\n\u{1}\",-3,true\r\nb,,0,false\r\n\r\n")
    }
    /// A build writes a table's CSV and JSON in pieces as they are made: the pieces together are
    /// the file made whole, and the catalog states the sizes of what was written, whether it is
    /// made after the tables were written or before (then it makes them, and they are handed over whole).
    func testTablesWrittenInPiecesAreTheTablesAndTheCatalogStatesTheirSize() throws {
        let columns = ["id", "note"].map { DataTable.Column(name: $0, datatype: "string", required: false, description: "") }
        let rows: [[DataTable.Value]] = (0..<6_000).map { [.text("r\($0)"), .text(String(repeating: "zei \"ja\", ", count: $0 % 40))] }
        let table = DataTable(name: "t", title: "T", description: "", columns: columns, primaryKey: [], foreignKeys: [], rows: rows)
        for (whole, write) in [(table.csv, table.writeCSV), (table.json, table.writeJSON)] {
            XCTAssertGreaterThan(whole.count, 3 * DataTable.spillSize)
            var pieces: [[UInt8]] = []
            var rest: [UInt8] = []
            write(&rest) { piece in
                pieces.append(piece)
                piece.removeAll(keepingCapacity: true)
            }
            XCTAssertGreaterThanOrEqual(pieces.count, 3)
            XCTAssertTrue(pieces.allSatisfy { $0.count >= DataTable.spillSize })
            XCTAssertEqual(pieces.flatMap { $0 } + rest, whole)
        }

        let (graph, config) = try adviceSite(woo: false)
        let settings = RenderSettings(config)
        let paths = SitePaths(settings)
        let expected = Dictionary(uniqueKeysWithValues: OpenDataFiles.files(graph, settings: settings, paths: paths))
        for catalogFirst in [false, true] {
            let made = OpenDataFiles.Made(graph, settings: settings, paths: paths, tables: Once { OpenDataTables.all(graph, paths: paths) })
            var written: [String: [UInt8]] = [:]
            let catalog = catalogFirst ? made.bytes(at: "data/catalog.ttl") : nil
            for path in OpenDataFiles.paths where path != "data/catalog.ttl" {
                var buffer: [UInt8] = []
                var file: [UInt8] = []
                if made.stream(at: path, into: &buffer, spill: { file += $0; $0.removeAll() }) {
                    written[path] = file + buffer
                } else {
                    written[path] = made.bytes(at: path)
                }
            }
            written["data/catalog.ttl"] = catalog ?? made.bytes(at: "data/catalog.ttl")
            XCTAssertEqual(written, expected, "catalog made first: \(catalogFirst)")
        }
        let turtle = String(decoding: expected["data/catalog.ttl"] ?? [], as: UTF8.self)
        XCTAssertTrue(turtle.contains("dcat:byteSize \"\(expected["data/answers.json"]?.count ?? -1)\""), turtle)
    }
}
