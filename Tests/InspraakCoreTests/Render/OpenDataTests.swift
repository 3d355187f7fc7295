import Foundation
import XCTest
@testable import InspraakCore

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
        let value = JSONValue.object([("z", .string("</script>\u{2028}\"\\\n")), ("a", .number(1)), ("b", .null), ("c", .bool(false))])
        XCTAssertEqual(value.text(), "{\n  \"z\": \"\\u003c/script>\\u2028\\\"\\\\\\n\",\n  \"a\": 1,\n  \"b\": null,\n  \"c\": false\n}")
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
        XCTAssertTrue(DiWoo.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm0363"))
        XCTAssertFalse(DiWoo.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm363"))
        XCTAssertFalse(DiWoo.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/provincie/pv27"))
        XCTAssertFalse(DiWoo.isMunicipalityURI("https://identifier.overheid.nl/tooi/id/gemeente/gm03630"))
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
}
