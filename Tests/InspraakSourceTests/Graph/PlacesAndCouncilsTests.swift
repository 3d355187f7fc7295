import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// Places and councils in the graph: which records each has, how council names fold into one
/// council, and every mistake with its file and line.
final class PlacesAndCouncilsTests: XCTestCase {
    static let base = [
        "content/themes/armoede.md": "---\ntitle: Armoede\n---\n",
        "content/places/kerkeind.md": "---\ntitle: Kerkeind\norder: 2\n---\nHet dorp.\n",
        "content/places/de-horst.md": "---\ntitle: De Horst\norder: 1\n---\n",
    ]

    func site(_ extra: [String: String]) -> InMemorySite {
        InMemorySite(Self.base.merging(extra) { _, new in new })
    }

    func advice(_ date: String, council: String, places: String = "") -> String {
        "---\ntitle: Advies \(date)\ndate: \(date)\nthemes: [armoede]\n\(places)council: \(council)\n---\n"
    }

    func testPlacesAreListedByTheRecordsThatNameThemAndNotInherited() throws {
        let (built, diagnostics) = site([
            "content/meetings/2024-01-10-stamtafel.md": "---\ntitle: S\ndate: 2024-01-10\nthemes: [armoede]\nplaces: [kerkeind, de-horst, kerkeind]\n---\n",
            "content/advice/2024-02-01-advies.md": "---\ntitle: A\ndate: 2024-02-01\ncouncil: Raad\nbased_on: [2024-01-10-stamtafel]\n---\n",
        ]).graph(today: "2024-03-01")
        XCTAssertEqual(lines(diagnostics), [])
        let graph = try XCTUnwrap(built)
        XCTAssertEqual(graph.places.map(\.slug), ["de-horst", "kerkeind"], "by order")
        XCTAssertEqual(graph.records(inPlace: "kerkeind").map(\.id), ["2024-01-10-stamtafel"], "named twice, listed once; the advice inherits themes, not places")
        XCTAssertEqual(graph.records(inPlace: "de-horst").map(\.id), ["2024-01-10-stamtafel"])
        XCTAssertEqual(graph.places(of: graph.record("2024-01-10-stamtafel")!).map(\.slug), ["de-horst", "kerkeind"])
    }

    func testUnknownPlaceInvalidSlugAndWrongTypeAreErrorsAtTheirLines() {
        let (_, diagnostics) = site([
            "content/meetings/2024-01-10-a.md": "---\ntitle: A\ndate: 2024-01-10\nthemes: [armoede]\nplaces: [kerkiend]\n---\n",
            "content/meetings/2024-01-11-b.md": "---\ntitle: B\ndate: 2024-01-11\nthemes: [armoede]\nplaces: [De Horst]\n---\n",
            "content/meetings/2024-01-12-c.md": "---\ntitle: C\ndate: 2024-01-12\nthemes: [armoede]\nplaces: {naam: kerkeind}\n---\n",
            "content/meetings/2024-01-13-d.md": "---\ntitle: D\ndate: 2024-01-13\nthemes: [armoede]\nplaces: [\"\", \"?!\"]\n---\n",
        ]).graph(today: "2024-03-01")
        XCTAssertEqual(lines(diagnostics), [
            "content/meetings/2024-01-10-a.md:5: error: the place `kerkiend` does not exist; add content/places/kerkiend.md or use an existing place",
            "content/meetings/2024-01-11-b.md:5: error: `De Horst` is not a valid place slug",
            "content/meetings/2024-01-12-c.md:5: error: `places` should be a list of texts, not a set of fields",
            "content/meetings/2024-01-13-d.md:5: error: an empty text is not a place slug",
            "content/meetings/2024-01-13-d.md:5: error: `?!` is not a valid place slug",
        ])
        // Nothing to fold into a slug: no "rename it to ``".
        let leaveOut = "write the name of a file in content/places/ without .md, or leave the entry out"
        XCTAssertEqual(diagnostics.map(\.hint), ["did you mean `kerkeind`?", "rename it to `de-horst`", nil, leaveOut, leaveOut])
    }

    func testCouncilNamesThatFoldAlikeAreOneCouncilNamedByTheFirstSpelling() throws {
        let (built, diagnostics) = site([
            "content/advice/2024-01-01-a.md": advice("2024-01-01", council: "Jongerenraad Lindeveen"),
            "content/advice/2024-02-01-b.md": advice("2024-02-01", council: "jongerenraad  lindeveen"),
            "content/advice/2024-03-01-c.md": advice("2024-03-01", council: "Cliëntenraad"),
        ]).graph(today: "2024-04-01")
        XCTAssertEqual(lines(diagnostics), [])
        let graph = try XCTUnwrap(built)
        XCTAssertEqual(graph.councils.map(\.slug), ["clientenraad", "jongerenraad-lindeveen"], "by title")
        let jongerenraad = try XCTUnwrap(graph.council("jongerenraad-lindeveen"))
        // "J" sorts before "j": the first spelling in sort order names the council.
        XCTAssertEqual(jongerenraad.title, "Jongerenraad Lindeveen")
        XCTAssertEqual(jongerenraad.names, ["Jongerenraad Lindeveen", "jongerenraad  lindeveen"])
        XCTAssertEqual(graph.records(ofCouncil: "jongerenraad-lindeveen").map(\.id), ["2024-01-01-a", "2024-02-01-b"])
        XCTAssertEqual(graph.council("clientenraad")?.title, "Cliëntenraad")
        XCTAssertNil(graph.council("clientenraad")?.file)
    }

    func testACouncilFileNamesItsCouncilBySlugAndByName() throws {
        let (built, diagnostics) = site([
            "content/councils/adviesraad-sociaal-domein.md": "---\ntitle: Adviesraad Sociaal Domein\ncontact: raad@example.nl\n---\nNegen leden.\n",
            "content/councils/ouderenraad.md": "---\ntitle: Ouderenraad\n---\n",
            "content/advice/2024-01-01-a.md": advice("2024-01-01", council: "adviesraad-sociaal-domein"),
            "content/advice/2024-02-01-b.md": advice("2024-02-01", council: "Adviesraad Sociaal Domein"),
            "content/advice/2024-03-01-c.md": advice("2024-03-01", council: "Wmo-raad Lindeveen"),
        ]).graph(today: "2024-04-01")
        XCTAssertEqual(lines(diagnostics), [])
        let graph = try XCTUnwrap(built)
        XCTAssertEqual(graph.councils.map(\.slug), ["adviesraad-sociaal-domein", "ouderenraad", "wmo-raad-lindeveen"])
        XCTAssertEqual(graph.records(ofCouncil: "adviesraad-sociaal-domein").map(\.id), ["2024-01-01-a", "2024-02-01-b"])
        XCTAssertEqual(graph.council("adviesraad-sociaal-domein")?.file?.contact, "raad@example.nl")
        XCTAssertEqual(graph.council("adviesraad-sociaal-domein")?.names, ["Adviesraad Sociaal Domein"], "the slug is no spelling of its name")
        XCTAssertEqual(graph.records(ofCouncil: "ouderenraad").map(\.id), [], "a council file without advice still has a council")
        XCTAssertEqual(graph.councilName(of: graph.record("2024-01-01-a")!), "Adviesraad Sociaal Domein")
        XCTAssertEqual(graph.councilName(of: graph.record("2024-03-01-c")!), "Wmo-raad Lindeveen")
    }

    func testAnUnknownCouncilSlugIsAnErrorOnlyWhenCouncilFilesExist() {
        let withFiles = site([
            "content/councils/adviesraad-sociaal-domein.md": "---\ntitle: Adviesraad Sociaal Domein\n---\n",
            "content/advice/2024-01-01-a.md": advice("2024-01-01", council: "adviesraad-sociaal-domien"),
            "content/advice/2024-02-01-b.md": advice("2024-02-01", council: "Raad van 100%"),
            "content/advice/2024-03-01-c.md": advice("2024-03-01", council: "\"!!!\""),
        ]).graph(today: "2024-04-01").1
        XCTAssertEqual(lines(withFiles), [
            "content/advice/2024-01-01-a.md:5: error: there is no council `adviesraad-sociaal-domien` (no file content/councils/adviesraad-sociaal-domien.md); use the file name of an existing council, or write the council's full name",
            "content/advice/2024-03-01-c.md:5: error: the council \"!!!\" has no letters or digits, so it cannot get a page; write the council's name",
        ])
        XCTAssertEqual(withFiles.first?.hint, "did you mean `adviesraad-sociaal-domein`?")
        let withoutFiles = site(["content/advice/2024-01-01-a.md": advice("2024-01-01", council: "jongerenraad")]).graph(today: "2024-04-01")
        XCTAssertEqual(lines(withoutFiles.1), [])
        XCTAssertEqual(withoutFiles.0?.councils.map(\.title), ["jongerenraad"])
    }

    func testASlugDefinedTwiceIsAnError() {
        let (_, diagnostics) = site([
            "content/places/kerkeind/index.md": "---\ntitle: Kerkeind (map)\n---\n",
            "content/councils/raad.md": "---\ntitle: Raad\n---\n",
            "content/councils/raad/index.md": "---\ntitle: Raad (map)\n---\n",
        ]).graph(today: "2024-04-01")
        XCTAssertEqual(lines(diagnostics), [
            "content/councils/raad/index.md:1: error: `raad` is defined twice: here and in content/councils/raad.md; keep one file per slug in content/councils",
            "content/places/kerkeind/index.md:1: error: `kerkeind` is defined twice: here and in content/places/kerkeind.md; keep one file per slug in content/places",
        ])
    }

    func testUnknownKeysOfPlaceAndCouncilFilesAreTyposOfTheirOwnKeys() {
        let (_, diagnostics) = site([
            "content/places/oosterbroek.md": "---\ntitle: Oosterbroek\ndescripton: Het dorp\n---\n",
            "content/councils/raad.md": "---\ntitle: Raad\ncontakt: raad@example.nl\n---\n",
        ]).graph(today: "2024-04-01")
        XCTAssertEqual(lines(diagnostics), [
            "content/councils/raad.md:3: warning: unknown field `contakt` (kept for the theme; did you mean `contact`?)",
            "content/places/oosterbroek.md:3: warning: unknown field `descripton` (kept for the theme; did you mean `description`?)",
        ])
    }
}
