import Foundation
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

    /// A shallow clone fails the build, so every recipe fetches the full history, for every job.
    func testRecipesFetchTheFullHistory() throws {
        let github = try String(contentsOf: examples.appendingPathComponent("github-actions.yml"), encoding: .utf8)
        XCTAssertTrue(github.contains("uses: actions/checkout@v4\n        with:\n          fetch-depth: 0"), github)
        let gitlab = try String(contentsOf: examples.appendingPathComponent("gitlab-ci.yml"), encoding: .utf8)
        let shared = try XCTUnwrap(gitlab.range(of: ".inspraak: &inspraak").map { String(gitlab[$0.lowerBound...].prefix { _ in true }) })
        let anchor = String(shared[..<(shared.range(of: "\n\n")?.lowerBound ?? shared.endIndex)])
        XCTAssertTrue(anchor.contains("GIT_DEPTH: 0"), "the shared job settings must set GIT_DEPTH: 0:\n\(anchor)")
        XCTAssertEqual(gitlab.components(separatedBy: "<<: *inspraak").count - 1, 2, "both jobs use the shared settings")
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
            XCTAssertTrue(["build", "check", "new"].contains(subcommand), "unknown subcommand in: \(command)")
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
}
