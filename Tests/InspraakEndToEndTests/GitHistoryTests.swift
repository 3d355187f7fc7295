import Foundation
import XCTest

/// Dates and histories from a real git repository with scripted commits (fixed dates and
/// author), including a rename and a shallow clone of it, built with the `inspraak` binary.
final class GitHistoryTests: XCTestCase {
    var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
    }

    @discardableResult
    func run(_ tool: URL, _ arguments: [String], in folder: URL? = nil, date: String? = nil) throws -> (status: Int32, out: String, err: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Geheime Auteur"
        environment["GIT_AUTHOR_EMAIL"] = "auteur@example.org"
        environment["GIT_COMMITTER_NAME"] = "Geheime Auteur"
        environment["GIT_COMMITTER_EMAIL"] = "auteur@example.org"
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        return try runCapturing(tool, arguments, in: folder, environment: environment)
    }

    let git = URL(fileURLWithPath: "/usr/bin/git")

    func commit(_ repo: URL, _ message: String, on date: String) throws {
        XCTAssertEqual(try run(git, ["add", "-A"], in: repo).status, 0)
        let result = try run(git, ["commit", "-q", "-m", message], in: repo, date: date)
        XCTAssertEqual(result.status, 0, result.err)
    }

    func write(_ repo: URL, _ path: String, _ text: String) throws {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ url: URL, _ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    static let advice = """
    ---
    title: Advies armoede
    date: 2024-02-01
    council: Adviesraad
    themes: [armoede]
    based_on: [2024-01-10-stamtafel]
    recommendations:
      - id: r1
        text: Een meedoenbudget
      - id: r2
        text: Een lotgenotengroep
    ---
    Het advies.
    """

    /// The repository: an import, feedback with a promise, an edit, a rename, the decision and
    /// the report that it was carried out.
    func makeRepository() throws -> (repo: URL, commits: [String]) {
        let repo = try temporaryFolder().appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        XCTAssertEqual(try run(git, ["init", "-q", "-b", "main"], in: repo).status, 0)
        try write(repo, "site.toml", "title = \"Teststad\"\nbase_url = \"https://example.nl/\"\n\n[history]\nshow = true\n")
        try write(repo, "content/themes/armoede.md", "---\ntitle: Armoede\n---\n")
        try write(repo, "content/meetings/2024-01-10-stamtafel.md",
                  "---\ntitle: Stamtafel\ndate: 2024-01-10\nthemes: [armoede]\ninput:\n  - id: i1\n    text: Een kledingbank\n---\nVerslag.\n")
        try write(repo, "content/advice/2024-02-01-advies.md", Self.advice)
        try commit(repo, "Archief ingelezen", on: "2024-02-05T12:00:00Z")
        try write(repo, "content/feedback/2024-03-01-reactie.md", """
            ---
            title: Eerste reactie
            date: 2024-03-01
            updated: 2024-04-15
            responds_to:
              - ref: "2024-02-01-advies#r1"
                outcome: in-progress
                expected: 2024-06-01
                note: We onderzoeken het.
              - ref: "2024-02-01-advies#r2"
                outcome: adopted
                implementation: planned
                expected: 2024-09-30
              - ref: "2024-01-10-stamtafel"
                outcome: noted
            ---
            """)
        try commit(repo, "Eerste reactie op het advies", on: "2024-03-01T12:00:00Z")
        try write(repo, "content/advice/2024-02-01-advies.md", Self.advice.replacingOccurrences(of: "Het advies.", with: "Het advies, met bijlage."))
        try commit(repo, "Tikfout in het advies", on: "2024-04-02T12:00:00Z")
        XCTAssertEqual(try run(git, ["mv", "content/meetings/2024-01-10-stamtafel.md", "content/meetings/2024-01-10-stamtafel-armoede.md"], in: repo).status, 0)
        for path in ["content/advice/2024-02-01-advies.md", "content/feedback/2024-03-01-reactie.md"] {
            try write(repo, path, try read(repo, path).replacingOccurrences(of: "2024-01-10-stamtafel", with: "2024-01-10-stamtafel-armoede"))
        }
        try commit(repo, "Stamtafel hernoemd", on: "2024-05-20T12:00:00Z")
        try write(repo, "content/feedback/2024-06-10-besluit.md", """
            ---
            title: Besluit meedoenbudget
            date: 2024-06-10
            responds_to:
              - ref: "2024-02-01-advies#r1"
                outcome: adopted
                implementation: underway
                expected: 2024-12-31
                note: Het budget komt er.
            ---
            """)
        try commit(repo, "Besluit over het meedoenbudget", on: "2024-06-10T12:00:00Z")
        try write(repo, "content/feedback/2025-01-10-uitgevoerd.md", """
            ---
            title: Meedoenbudget ingevoerd
            date: 2025-01-10
            responds_to:
              - ref: "2024-02-01-advies#r1"
                implementation: done
                note: Sinds 1 januari.
            ---
            """)
        try commit(repo, "Meedoenbudget uitgevoerd", on: "2025-01-10T12:00:00Z")
        let log = try run(git, ["log", "--format=%H", "--reverse"], in: repo).out.split(separator: "\n").map(String.init)
        return (repo, log)
    }

    func testDatesHistoriesAndFiguresFromGit() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let (repo, commits) = try makeRepository()
        XCTAssertEqual(commits.count, 6)
        let output = repo.deletingLastPathComponent().appendingPathComponent("public")
        let result = try run(executable, ["build", "--source", repo.path, "--output", output.path, "--now", "2025-02-01"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(withoutSearchNote(result.err), "")

        // The advice changed after the commit that added it: the rename commit changed it last.
        let advice = try read(output, "advice/2024-02-01-advies/index.html")
        XCTAssertTrue(advice.contains("<dt>Bijgewerkt</dt><dd><time datetime=\"2024-05-20\">20 mei 2024</time>"), advice)
        // The meeting was imported and then only renamed: no "Bijgewerkt".
        let meeting = try read(output, "meetings/2024-01-10-stamtafel-armoede/index.html")
        XCTAssertFalse(meeting.contains("Bijgewerkt"))
        // Its change log follows the rename back to the import; never an author.
        XCTAssertTrue(meeting.contains("20 mei 2024</time>: Stamtafel hernoemd"), meeting)
        XCTAssertTrue(meeting.contains("5 februari 2024</time>: Archief ingelezen"), meeting)
        XCTAssertFalse(meeting.contains("Geheime Auteur") || meeting.contains("auteur@example.org"))
        // Front matter wins over git.
        XCTAssertTrue(try read(output, "feedback/2024-03-01-reactie/index.html").contains("<time datetime=\"2024-04-15\">15 april 2024</time>"))
        // Added once, never changed: no "Bijgewerkt".
        XCTAssertFalse(try read(output, "feedback/2025-01-10-uitgevoerd/index.html").contains("Bijgewerkt"))

        let sitemap = try read(output, "sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.nl/advice/2024-02-01-advies/</loc><lastmod>2024-05-20</lastmod>"), sitemap)
        XCTAssertTrue(sitemap.contains("<loc>https://example.nl/meetings/2024-01-10-stamtafel-armoede/</loc><lastmod>2024-01-10</lastmod>"), sitemap)

        // r1's history on the advice page: done now, adopted and in progress before, newest first.
        let r1 = try XCTUnwrap(advice.range(of: "id=\"r1\"").map { String(advice[$0.lowerBound...].prefix(3000)) })
        XCTAssertTrue(r1.contains("<span class=\"badge badge-adopted\">overgenomen</span> <span class=\"badge badge-implementation-done\">uitgevoerd</span>"), r1)
        let besluit = try XCTUnwrap(r1.range(of: "Besluit meedoenbudget")), eerste = try XCTUnwrap(r1.range(of: "Eerste reactie"))
        XCTAssertLessThan(besluit.lowerBound, eerste.lowerBound, "newest first")
        XCTAssertTrue(r1.contains("We onderzoeken het."))
        // The first feedback says what happened later.
        XCTAssertTrue(try read(output, "feedback/2024-03-01-reactie/index.html").contains("later: overgenomen, uitgevoerd, 10 januari 2025"))
        // r2: planned for 30 September 2024 and not reported done: implementation overdue.
        let open = try read(output, "open/index.html")
        XCTAssertTrue(open.contains("Uitvoering over tijd"), open)
        XCTAssertTrue(open.contains("klaar beloofd voor 30 september 2024 · 124 dagen over tijd"), open)
        // Figures: of two adopted recommendations, one done and one planned.
        let home = try read(output, "index.html")
        XCTAssertTrue(home.contains("uitgevoerd</th><td class=\"num\">1</td><td class=\"num\">50%</td>"), home)
        XCTAssertTrue(home.contains("uitvoering gepland</th><td class=\"num\">1</td><td class=\"num\">50%</td>"), home)
    }

    func testBrokenPromiseAtAnEarlierCommit() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let (repo, commits) = try makeRepository()
        XCTAssertEqual(try run(git, ["checkout", "-q", commits[3]], in: repo).status, 0)
        let output = repo.deletingLastPathComponent().appendingPathComponent("public")
        for (day, promised) in [("2024-06-01", false), ("2024-06-02", true)] {
            let result = try run(executable, ["build", "--source", repo.path, "--output", output.path, "--now", day])
            XCTAssertEqual(result.status, 0, result.err)
            let open = try read(output, "open/index.html")
            let overdueGroup = open.range(of: "open-overdue-heading").map { String(open[$0.lowerBound...]) } ?? ""
            XCTAssertEqual(overdueGroup.contains("beloofd voor 1 juni 2024 · 1 dag over tijd"), promised, open)
            XCTAssertEqual(open.contains("beloofd voor 1 juni 2024 · vandaag is de laatste dag"), !promised, open)
        }
    }

    func testShallowCloneFailsWithTheFix() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let (repo, _) = try makeRepository()
        let shallow = repo.deletingLastPathComponent().appendingPathComponent("shallow")
        let clone = try run(git, ["clone", "-q", "--depth", "1", "file://" + repo.path, shallow.path])
        XCTAssertEqual(clone.status, 0, clone.err)
        let output = repo.deletingLastPathComponent().appendingPathComponent("shallow-public")

        let build = try run(executable, ["build", "--source", shallow.path, "--output", output.path, "--now", "2025-02-01"])
        XCTAssertNotEqual(build.status, 0)
        for fix in ["shallow git clone", "fetch-depth: 0", "GIT_DEPTH: 0", "git fetch --unshallow", "--allow-shallow"] {
            XCTAssertTrue(build.err.contains(fix), build.err)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let check = try run(executable, ["check", "--source", shallow.path, "--now", "2025-02-01"])
        XCTAssertNotEqual(check.status, 0)
        XCTAssertTrue(check.out.contains("fetch-depth: 0"), check.out)

        let allowed = try run(executable, ["build", "--source", shallow.path, "--output", output.path, "--now", "2025-02-01", "--allow-shallow"])
        XCTAssertEqual(allowed.status, 0, allowed.err)
        XCTAssertEqual(allowed.err.components(separatedBy: "warning:").count - 1, 1, allowed.err)
        XCTAssertFalse(try read(output, "advice/2024-02-01-advies/index.html").contains("Bijgewerkt"))
        XCTAssertTrue(try read(output, "sitemap.xml").contains("<loc>https://example.nl/advice/2024-02-01-advies/</loc><lastmod>2024-02-01</lastmod>"))
    }

    func testOutsideAGitRepositoryDatesAreTheRecordsOwnWithoutWarning() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let (repo, _) = try makeRepository()
        let plain = repo.deletingLastPathComponent().appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        for name in ["site.toml", "content"] {
            try FileManager.default.copyItem(at: repo.appendingPathComponent(name), to: plain.appendingPathComponent(name))
        }
        let output = plain.appendingPathComponent("public")
        let build = try run(executable, ["build", "--source", plain.path, "--output", output.path, "--now", "2025-02-01"])
        XCTAssertEqual(build.status, 0, build.err)
        XCTAssertEqual(withoutSearchNote(build.err), "")
        XCTAssertFalse(try read(output, "advice/2024-02-01-advies/index.html").contains("Bijgewerkt"))
    }
}
