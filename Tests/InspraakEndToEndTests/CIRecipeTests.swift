import Foundation
import InspraakCore
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
