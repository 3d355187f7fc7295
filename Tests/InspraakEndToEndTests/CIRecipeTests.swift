import Foundation
import InspraakSite
import XCTest
import Yams

/// The CI recipes in docs/ are real YAML, and every inspraak command and flag they use exists.
final class CIRecipeTests: XCTestCase {
    let examples = repositoryRoot.appendingPathComponent("docs/examples")

    /// Every `inspraak …` command line inside the recipes' run/script steps.
    func commands(in node: Node) -> [String] {
        switch node {
        case .scalar(let scalar):
            return scalar.string.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: "inspraak ") , line[..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "-" }) || line.hasPrefix("- inspraak") else { return nil }
                return String(line[range.lowerBound...])
            }
        case .mapping(let mapping): return mapping.flatMap { commands(in: $0.value) }
        case .sequence(let sequence): return sequence.flatMap { commands(in: $0) }
        default: return []
        }
    }

    /// A shallow clone fails the build, so every recipe fetches the full history, for every job:
    /// each GitHub checkout step has `fetch-depth: 0`; GitLab sets `GIT_DEPTH: 0` for the whole
    /// pipeline and no job sets it back.
    func testRecipesFetchTheFullHistory() throws {
        let github = try Yams.compose(yaml: String(contentsOf: examples.appendingPathComponent("github-actions.yml"), encoding: .utf8))
        let jobs: [Node] = github?["jobs"]?.mapping.map { Array($0.values) } ?? []
        let steps: [Node] = jobs.flatMap { job -> [Node] in job["steps"]?.sequence.map { Array($0) } ?? [] }
        let checkouts = steps.filter { $0["uses"]?.string?.hasPrefix("actions/checkout") == true }
        XCTAssertFalse(checkouts.isEmpty, "the GitHub recipe checks out the repository")
        for step in checkouts {
            XCTAssertEqual(step["with"]?["fetch-depth"]?.int, 0, "every checkout fetches the full history")
        }
        let gitlab = try Yams.compose(yaml: String(contentsOf: examples.appendingPathComponent("gitlab-ci.yml"), encoding: .utf8))
        XCTAssertEqual(gitlab?["variables"]?["GIT_DEPTH"]?.int, 0, "the pipeline sets GIT_DEPTH: 0")
        let gitlabJobs = (gitlab?.mapping.map { Array($0) } ?? []).filter { $0.value["script"] != nil }
        XCTAssertGreaterThanOrEqual(gitlabJobs.count, 2)
        for (name, job) in gitlabJobs {
            XCTAssertNil(job["variables"]?["GIT_DEPTH"].flatMap { $0.int == 0 ? nil : $0 }, "job \(name.string ?? "") sets GIT_DEPTH back")
        }
    }

    func testRecipesParseAndUseExistingCommandsAndFlags() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
        guard FileManager.default.fileExists(atPath: binary.path) else { throw XCTSkip("inspraak not built beside the tests") }
        var seen: [String] = []
        for name in ["github-actions.yml", "gitlab-ci.yml"] {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            let node = try XCTUnwrap(try Yams.compose(yaml: text), "\(name) is empty")
            let found = commands(in: node)
            XCTAssertFalse(found.isEmpty, "\(name) runs no inspraak command")
            seen += found
        }
        let hook = try String(contentsOf: examples.appendingPathComponent("pre-commit"), encoding: .utf8)
        seen += hook.split(separator: "\n").filter { $0.contains("inspraak check") }.map { line in String(line[line.range(of: "inspraak")!.lowerBound...]) }
        XCTAssertTrue(seen.contains { $0.contains("check --format github") })
        for command in seen {
            // Words up to a shell substitution or redirection belong to inspraak.
            let words = command.split(separator: " ").map(String.init).prefix { !$0.contains("$(") && !$0.hasPrefix(">") && $0 != "||" }
            let subcommand = words[1]
            XCTAssertTrue(["build", "check", "new", "init"].contains(subcommand), "unknown subcommand in: \(command)")
            let help = Process()
            help.executableURL = binary
            help.arguments = [subcommand, "--help"]
            let pipe = Pipe()
            help.standardOutput = pipe
            try help.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            help.waitUntilExit()
            for flag in words where flag.hasPrefix("--") {
                XCTAssertTrue(text.contains(flag), "`inspraak \(subcommand)` has no option \(flag) (used in: \(command))")
            }
        }
    }

    /// docs/examples holds what `inspraak init` writes (for version 0.1.0), and docs/ci.md shows
    /// the same YAML, so the three never drift apart. RECORD_CI_EXAMPLES=1 rewrites the examples.
    func testExamplesAreWhatInitWritesAndWhatTheGuideShows() throws {
        let recipes = CIRecipes(version: "0.1.0")
        let guide = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        for (name, text) in [("github-actions.yml", recipes.github), ("gitlab-ci.yml", recipes.gitlab)] {
            let url = examples.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["RECORD_CI_EXAMPLES"] != nil {
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), text, "docs/examples/\(name) is not what init writes")
            XCTAssertTrue(guide.contains("```yaml\n" + text + "```\n"), "docs/ci.md does not show docs/examples/\(name) as it is")
        }
    }
}
