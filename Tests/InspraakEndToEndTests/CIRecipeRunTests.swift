import Foundation
import XCTest

/// The CI recipes' shell steps, run offline (scripts/run-ci-recipes.py) against a tarball laid out
/// like a release but holding the executable built beside the tests. `make test-dist` runs the
/// same script against the real tarball from `make dist`.
final class CIRecipeRunTests: XCTestCase {
    func shell(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testRecipesInstallTheTarballAndCheckAndBuildANewSite() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
        guard FileManager.default.fileExists(atPath: binary.path) else { throw XCTSkip("inspraak not built beside the tests") }
        guard try shell(["python3", "-c", "import yaml"]).status == 0, try shell(["curl", "--version"]).status == 0 else {
            throw XCTSkip("python3 with PyYAML and curl are needed to run the recipes")
        }
        let folder = try temporaryFolder()
        let name = "inspraak-0.0.0-test-linux-x86_64"
        let stage = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: stage.appendingPathComponent("inspraak"))
        let tarball = folder.appendingPathComponent("\(name).tar.gz")
        XCTAssertEqual(try shell(["tar", "-czf", tarball.path, "-C", folder.path, name]).status, 0)
        let result = try shell(["python3", repositoryRoot.appendingPathComponent("scripts/run-ci-recipes.py").path],
                               environment: ["INSPRAAK_DIST_TARBALL": tarball.path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("GitHub Actions: installed inspraak 0.0.0-test from the release and the cache; built 3 records"), result.output)
        XCTAssertTrue(result.output.contains("GitLab CI: installed inspraak 0.0.0-test from the release and the cache; built 3 records"), result.output)
    }
}
