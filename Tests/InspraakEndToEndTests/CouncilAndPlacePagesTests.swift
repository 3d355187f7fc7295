import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// The example site's council and place pages, read back from the built HTML, against figures
/// worked out here from the records themselves (the feedback's own `responds_to`), not by the
/// figures code the pages use.
final class CouncilAndPlacePagesTests: XCTestCase {
    struct Built {
        let output: URL
        let records: [Record]
        let today: Day
    }

    func built() throws -> Built {
        let output = try temporaryFolder().appendingPathComponent("public")
        let options = exampleOptions(output: output)
        let report = SiteBuild.build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        let analysis = SiteBuild.analysis(options)
        return Built(output: output, records: try XCTUnwrap(analysis.graph).records, today: analysis.today)
    }

    func page(_ built: Built, _ path: String) throws -> String {
        try String(contentsOf: built.output.appendingPathComponent(path), encoding: .utf8)
    }

    func matches(_ pattern: String, in html: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (1..<match.numberOfRanges).map { String(html[Range(match.range(at: $0), in: html)!]) }
        }
    }

    /// The figure rows of a page, label → value.
    func figureRows(_ html: String) throws -> [String: String] {
        Dictionary(try matches(#"<dt>([^<]*)</dt><dd>([^<]*)</dd>"#, in: html).map { ($0[0], $0[1]) }) { first, _ in first }
    }

    /// The outcome table of a page: label → count.
    func outcomeRows(_ html: String) throws -> [String: Int] {
        guard let table = html.range(of: #"<table class="outcome-table">"#) else { return [:] }
        let end = html[table.upperBound...].range(of: "</table>")!.lowerBound
        let rows = try matches(#"</span>([^<]*)</th><td class="num">(\d+)</td>"#, in: String(html[table.upperBound..<end]))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], Int($0[1])!) })
    }

    /// The records a page lists as cards, by id, in page order.
    func cards(_ html: String) throws -> [String] {
        try matches(#"class="card-title"><a href="[^"]*/([^/"]+)/">"#, in: html).map { $0[0] }
    }

    func testCouncilPageFiguresMatchItsAdviceAndItsAnswers() throws {
        let built = try built()
        let advice = built.records.filter { $0.advice?.council == "Adviesraad Sociaal Domein Lindeveen" || $0.advice?.council == "adviesraad-sociaal-domein-lindeveen" }
        XCTAssertGreaterThan(advice.count, 4)
        let html = try page(built, "councils/adviesraad-sociaal-domein-lindeveen/index.html")
        XCTAssertTrue(html.contains("<h1>Adviesraad Sociaal Domein Lindeveen</h1>"))
        XCTAssertTrue(html.contains(#"<a href="mailto:adviesraad@lindeveen.example">adviesraad@lindeveen.example</a>"#))

        // Newest first.
        let newestFirst = advice.sorted { ($0.date.epochSeconds, $0.id) > ($1.date.epochSeconds, $1.id) }.map(\.id)
        XCTAssertEqual(try cards(html), newestFirst)

        // Each answer, in the order that decides the latest: feedback date, then id.
        let feedback = built.records.filter { $0.kind == .feedback }.sorted { ($0.date.epochSeconds, $0.id) < ($1.date.epochSeconds, $1.id) }
        var firstAnswer: [String: Day] = [:]
        var latest: [String: Outcome] = [:]   // "advice#item" → outcome
        for answer in feedback {
            for response in answer.feedback!.responses {
                guard let target = advice.first(where: { $0.id == response.ref.target }), let outcome = response.outcome else { continue }
                if firstAnswer[target.id] == nil { firstAnswer[target.id] = answer.date.day }
                let items = response.ref.item.map { [$0] } ?? target.items.map(\.id)
                for item in items { latest[target.id + "#" + item] = outcome }
            }
        }
        let days = advice.compactMap { record in firstAnswer[record.id].map { record.date.day.days(until: $0) } }.sorted()
        let median = days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
        let inTime = advice.filter { record in firstAnswer[record.id].map { $0 <= record.advice!.responseDue } ?? false }.count
        let judged = advice.filter { firstAnswer[$0.id] != nil || built.today > $0.advice!.responseDue }.count

        let rows = try figureRows(html)
        XCTAssertEqual(rows["Adviezen gegeven"], String(advice.count))
        XCTAssertEqual(rows["Gevraagde adviezen"], String(advice.filter { $0.advice!.kind == .requested }.count))
        XCTAssertEqual(rows["Ongevraagde adviezen"], String(advice.filter { $0.advice!.kind == .unsolicited }.count))
        XCTAssertEqual(rows["Reactietijd op advies (middelste waarde)"], "\(median) dagen")
        let percent = Int((Double(inTime) * 100 / Double(judged)).rounded())
        XCTAssertEqual(rows["Adviezen op tijd beantwoord"], "\(percent)% (\(inTime) van \(judged))")
        XCTAssertNil(rows["Bijeenkomsten gehouden"], "a council's figures have no meetings")

        let counts = Dictionary(grouping: latest.values, by: { $0 }).mapValues(\.count)
        let outcomes = try outcomeRows(html)
        XCTAssertEqual(outcomes["overgenomen"], counts[.adopted] ?? 0)
        XCTAssertEqual(outcomes["deels overgenomen"], counts[.partiallyAdopted] ?? 0)
        XCTAssertEqual(outcomes["niet overgenomen"], counts[.notAdopted] ?? 0)
        XCTAssertEqual(outcomes["in behandeling"], counts[.inProgress] ?? 0)
        XCTAssertEqual(outcomes["doorverwezen"], counts[.referred] ?? 0)
        XCTAssertEqual(outcomes.values.reduce(0, +), latest.count)
    }

    func testCouncilsIndexListsEveryCouncilWithItsAdviceAndLinksResolveBothWays() throws {
        let built = try built()
        let html = try page(built, "councils/index.html")
        let listed = try matches(#"<h2><a href="([^"]*)">([^<]*)</a></h2>.*?<p class="muted">(\d+) advie"#, in: html)
        XCTAssertEqual(listed.map { $0[1] }, ["Adviesraad Sociaal Domein Lindeveen", "Cliëntenraad Werk en Inkomen", "Jongerenraad Lindeveen"])
        for row in listed {
            let count = built.records.filter { record in
                guard let council = record.advice?.council else { return false }
                return council == row[1] || RecordID.folded(council) == RecordID.folded(row[1])
            }.count
            XCTAssertEqual(Int(row[2]), count, row[1])
        }
        // An advice page and card link its council's page.
        let advicePage = try page(built, "advice/2025-09-09-advies-armoede-en-meedoen/index.html")
        XCTAssertTrue(advicePage.contains(#"<dt>Adviesraad</dt><dd><a href="../../councils/adviesraad-sociaal-domein-lindeveen/">Adviesraad Sociaal Domein Lindeveen</a></dd>"#),
                      "named by slug, shown by its file's title")
        XCTAssertTrue(try page(built, "advice/index.html").contains(#"· <a href="../councils/jongerenraad-lindeveen/">Jongerenraad Lindeveen</a> ·"#))
        let feed = try page(built, "councils/jongerenraad-lindeveen/feed.xml")
        XCTAssertEqual(try matches(#"<item>"#, in: feed).count, 3)
    }

    func testPlacePageListsTheRecordsThatNameItWithTheirOpenItemsAndFigures() throws {
        let built = try built()
        for slug in ["kerkeind", "oosterbroek", "de-horst"] {
            let html = try page(built, "places/\(slug)/index.html")
            let members = built.records.filter { $0.places.contains(slug) }
            XCTAssertFalse(members.isEmpty, slug)
            XCTAssertEqual(Set(try cards(html)), Set(members.map(\.id)), slug)
            let held = members.filter { $0.meeting.map { !$0.cancelled } ?? false && $0.date.day <= built.today }
            let rows = try figureRows(html)
            XCTAssertEqual(rows["Bijeenkomsten gehouden"], String(held.count), slug)
            XCTAssertEqual(rows["Aanwezigen in totaal"], String(held.compactMap { $0.meeting?.attendees }.reduce(0, +)), slug)
            // Every open item comes from one of its records.
            let open = try matches(#"<p class="open-meta">[^<]*<a href="[^"]*/([^/"]+)/">"#, in: html).map { $0[0] }
            XCTAssertTrue(Set(open).isSubset(of: Set(members.map(\.id))), slug)
            // Each of its records names it, linked.
            for record in members {
                let recordPage = try page(built, "\(record.kind.rawValue)/\(record.id)/index.html")
                XCTAssertTrue(recordPage.contains(#"<a href="../../places/\#(slug)/">"#), record.id)
            }
        }
        let kerkeind = try page(built, "places/kerkeind/index.html")
        XCTAssertGreaterThan(try matches(#"<li class="open-item">"#, in: kerkeind).count, 0, "the planned and answered meetings leave open points in Kerkeind")
        let index = try page(built, "places/index.html")
        XCTAssertEqual(try matches(#"<h2><a href="[^"]*">([^<]*)</a></h2>"#, in: index).map { $0[0] }, ["Kerkeind", "Oosterbroek", "De Horst"], "by order")
    }
}
