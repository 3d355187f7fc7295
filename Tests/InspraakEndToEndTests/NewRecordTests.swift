import Foundation
import XCTest
import InspraakCore

/// `inspraak new`: skeletons that check clean, valid ids, no overwriting, open items pre-filled.
final class NewRecordTests: XCTestCase {
    func testSkeletonsCheckCleanAndNeverOverwrite() throws {
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let today = Day(iso: "2026-11-15")!

        var meeting = NewRecord(kind: .meeting, title: "Thematafel Mantelzorg in De Horst!", date: Day(iso: "2025-03-04")!)
        meeting.themes = ["mantelzorg"]
        XCTAssertEqual(try meeting.write(in: site, today: today).get(), "content/meetings/2025-03-04-thematafel-mantelzorg-in-de-horst.md")
        var advice = NewRecord(kind: .advice, title: "Advies over cliëntondersteuning", date: today)
        advice.themes = ["clientondersteuning"]
        XCTAssertEqual(try advice.write(in: site, today: today).get(), "content/advice/2026-11-15-advies-over-clientondersteuning.md")
        XCTAssertEqual(try NewRecord(kind: .theme, title: "Eenzaamheid onder jongeren", date: today).write(in: site, today: today).get(),
                       "content/themes/eenzaamheid-onder-jongeren.md")
        var feedback = NewRecord(kind: .feedback, title: "Reactie op het advies armoede", date: today)
        feedback.respondsTo = ["2025-09-09-advies-armoede-en-meedoen"]
        let path = try feedback.write(in: site, today: today).get()
        let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        // r1 is in progress and r3, r4 are open; r2 was adopted and is not pre-filled.
        XCTAssertTrue(text.contains("ref: 2025-09-09-advies-armoede-en-meedoen#r1"))
        XCTAssertTrue(text.contains("ref: 2025-09-09-advies-armoede-en-meedoen#r3"))
        XCTAssertTrue(text.contains("ref: 2025-09-09-advies-armoede-en-meedoen#r4"))
        XCTAssertFalse(text.contains("#r2"))

        // The skeleton leaves every outcome empty: check fails until an editor chooses.
        var options = BuildOptions(source: site, today: today)
        options.useGitHistory = false
        XCTAssertEqual(SiteBuild.check(options).diagnostics.filter { $0.severity == .error }.map(\.message), ["r1", "r3", "r4"].map {
            "choose an outcome for `2025-09-09-advies-armoede-en-meedoen#\($0)`: adopted, partially-adopted, not-adopted, in-progress, referred or noted"
        })
        try text.replacingOccurrences(of: "    outcome:", with: "    outcome: noted #").write(to: site.appendingPathComponent(path), atomically: true, encoding: .utf8)
        XCTAssertEqual(SiteBuild.check(options).diagnostics.map(\.description), [])
        // `new advice` takes the council of the site's latest advice, not a fixed name.
        let adviceText = try String(contentsOf: site.appendingPathComponent("content/advice/2026-11-15-advies-over-clientondersteuning.md"), encoding: .utf8)
        XCTAssertTrue(adviceText.contains("council: \"Jongerenraad Lindeveen\""), adviceText)
        XCTAssertTrue(adviceText.contains("Adviesraad Sociaal Domein Lindeveen"), adviceText)

        guard case .failure(let refused) = meeting.write(in: site, today: today) else { return XCTFail("must not overwrite") }
        XCTAssertTrue(refused.message.contains("already exists"))
    }
}
