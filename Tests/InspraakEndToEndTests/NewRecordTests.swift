import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// `inspraak new`: skeletons that check clean, valid ids, no overwriting, open items pre-filled.
final class NewRecordTests: XCTestCase {
    /// The site as `inspraak new` reads it, once per record written.
    private func analysed(_ site: URL, _ today: Day) -> SiteAnalysis {
        var options = BuildOptions(source: site, today: today)
        options.useGitHistory = false
        return SiteBuild.analysis(options)
    }

    func testSkeletonsCheckCleanAndNeverOverwrite() throws {
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let today = Day(iso: "2026-11-15")!

        var meeting = NewRecord(kind: .meeting, title: "Thematafel Mantelzorg in De Horst!", date: Day(iso: "2025-03-04")!)
        meeting.themes = ["mantelzorg"]
        XCTAssertEqual(try meeting.write(into: analysed(site, today)).get(), "content/meetings/2025-03-04-thematafel-mantelzorg-in-de-horst.md")
        var advice = NewRecord(kind: .advice, title: "Advies over cliëntondersteuning", date: today)
        advice.themes = ["clientondersteuning"]
        XCTAssertEqual(try advice.write(into: analysed(site, today)).get(), "content/advice/2026-11-15-advies-over-clientondersteuning.md")
        XCTAssertEqual(try NewRecord(kind: .theme, title: "Eenzaamheid onder jongeren", date: today).write(into: analysed(site, today)).get(),
                       "content/themes/eenzaamheid-onder-jongeren.md")
        var feedback = NewRecord(kind: .feedback, title: "Reactie op het advies armoede", date: today)
        feedback.respondsTo = ["2025-09-09-advies-armoede-en-meedoen"]
        let path = try feedback.write(into: analysed(site, today)).get()
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
        // The others, each once: a council with a file by its slug, which its advice may use.
        XCTAssertTrue(adviceText.contains("andere: adviesraad-sociaal-domein-lindeveen, Cliëntenraad Werk en Inkomen"), adviceText)

        guard case .failure(let refused) = meeting.write(into: analysed(site, today)) else { return XCTFail("must not overwrite") }
        XCTAssertTrue(refused.message.contains("already exists"))
        guard case .failure(let nul) = NewRecord(kind: .meeting, title: "Nul\u{0}teken", date: today).write(into: analysed(site, today)) else {
            return XCTFail("a NUL in a title must be refused")
        }
        XCTAssertTrue(nul.message.hasPrefix("the title must be one line"), nul.message)
    }
}

/// `inspraak new` as typed on the command line: titles that are not one line and unknown themes
/// are refused (exit 1, nothing written); every other title reads back as typed.
extension CommandLineTests {
    /// The files under content/, to show that a refusal wrote nothing.
    func contentFiles(_ site: URL) throws -> [String] {
        try snapshot(site.appendingPathComponent("content")).map(\.0)
    }

    /// (A NUL cannot be passed on a command line; `NewRecord` refuses it like the others.)
    func testNewRefusesATitleThatIsNotOneLine() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let before = try contentFiles(site)
        for title in ["Stamtafel\n---\ndraft: true", "Twee\nregels", "Terug\rnaar begin", "Met\ttab", "Met\u{7F}wissen",
                      "Met\u{85}volgende regel", "Regel\u{2028}scheiding", "Alinea\u{2029}scheiding"] {
            let result = try run(["new", "meeting", title, "--source", site.path, "--date", "2025-01-01"])
            XCTAssertEqual(result.status, 1, title.debugDescription)
            XCTAssertEqual(result.err, "title:1:1: error: the title must be one line of text, without line breaks, tabs or other control characters; nothing was written\n",
                           title.debugDescription)
            XCTAssertEqual(result.out, "")
        }
        XCTAssertEqual(try contentFiles(site), before)
    }

    /// `new` checks its own --now and --source, and shows its own usage (it used to re-parse
    /// them as a made-up command, whose usage line read `Usage: site …`).
    func testNewUsageErrorsAreNewsOwn() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let before = try contentFiles(site)
        let cases: [(arguments: [String], says: String)] = [
            (["--now", "2026-13-01", "--source", site.path], "Error: --now must be a date like 2026-01-15, not \"2026-13-01\""),
            (["--source", site.path + "/nergens"], "Error: --source: there is no folder \(site.path)/nergens"),
            (["--source", site.path + "/site.toml"], "Error: --source must be the site's folder (with site.toml and content/), not a file: \(site.path)/site.toml"),
        ]
        for (arguments, says) in cases {
            let result = try run(["new", "meeting", "Stamtafel"] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.err)")
            XCTAssertTrue(result.err.hasPrefix(says + "\nUsage: inspraak new <kind> <title>"), "\(arguments): \(result.err)")
        }
        XCTAssertEqual(try contentFiles(site), before, "a usage error writes nothing")
    }

    func testNewRefusesAnUnknownThemeAndSuggestsTheClosest() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        let before = try contentFiles(site)
        let misspelt = try run(["new", "meeting", "Stamtafel wonen", "--theme", "wonen", "--theme", "mantelzrog", "--source", site.path])
        XCTAssertEqual(misspelt.status, 1)
        XCTAssertEqual(misspelt.err, "--theme:1:1: error: there is no theme `mantelzrog` (the themes are: armoede, betaalbaarheid, "
                       + "clientondersteuning, eenzaamheid, jeugd, mantelzorg, veiligheid, wonen); check the spelling, or make the theme "
                       + "first with `inspraak new theme`; nothing was written (did you mean `mantelzorg`?)\n")
        let unknown = try run(["new", "advice", "Advies sport", "--theme", "sport", "--source", site.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.hasPrefix("--theme:1:1: error: there is no theme `sport` ("), unknown.err)
        XCTAssertFalse(unknown.err.contains("did you mean"), unknown.err)
        XCTAssertEqual(try contentFiles(site), before)

        let known = try run(["new", "meeting", "Stamtafel wonen", "--theme", "wonen", "--theme", "mantelzorg", "--source", site.path, "--date", "2025-01-01"])
        XCTAssertEqual(known.status, 0, known.err)
        let text = try String(contentsOf: site.appendingPathComponent("content/meetings/2025-01-01-stamtafel-wonen.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("\nthemes: [wonen, mantelzorg]\n"), text)
    }

    /// Each title written by `new` and read back by inspraak's own front matter reader is the
    /// same text, and the site still checks clean.
    func testNewWritesTitlesThatReadBackAsTyped() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let site = try temporaryFolder().appendingPathComponent("site")
        try copyExampleSite(to: site)
        // What YAML reads specially at the start of a value, each alone; the rest together.
        let titles = [
            "Wonen: wat nu? a: b # c \"Citaat\" en 'apostrof' back\\slash \\n", "# geen commentaar", "'enkel'", "\"dubbel\"",
            "- begint met een streep", "--- drie strepen", "[haken]", "{accolades}", "*ster", "&anker", "!tag", "%procent", "@apenstaart",
            "`backtick`", "yes", "no", "null", "true", "~ tilde", "2024", "1e5", "? vraag", "| pijp", "> groter",
            "🏠 café – één\u{A0}\u{FEFF}", "  spaties  ",
        ]
        for (index, title) in titles.enumerated() {
            let date = Day(iso: "2030-01-01")!.adding(days: index).iso
            let result = try run(["new", "meeting", "--source", site.path, "--date", date, "--theme", "wonen", "--", title])
            XCTAssertEqual(result.status, 0, "\(title.debugDescription): \(result.err)")
            let path = result.out.hasPrefix("wrote ") ? String(result.out.dropFirst(6).dropLast()) : ""
            let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            guard case .success(let frontMatter) = FrontMatter.split(text, path: path),
                  case .success(let fields) = frontMatter.fields(path: path) else { XCTFail("\(path) does not read:\n\(text)"); continue }
            guard case .string(let read)? = fields["title"]?.value else { XCTFail("\(path): title is \(String(describing: fields["title"]?.value))"); continue }
            XCTAssertEqual(read, title, text)
        }
        var options = BuildOptions(source: site, today: Day(iso: "2026-11-15")!)
        options.useGitHistory = false
        XCTAssertEqual(SiteBuild.check(options).diagnostics.filter { $0.severity == .error }.map(\.description), [])
    }
}
