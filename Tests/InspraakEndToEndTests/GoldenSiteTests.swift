import Foundation
import InspraakSite
import XCTest

/// The example site, built with a fixed day, compared file by file with Tests/Golden/example-site/.
/// `RECORD_GOLDEN=1` (make golden) writes the goldens anew and fails, so a re-recording is
/// never mistaken for a pass; review `git diff Tests/Golden` and commit.
final class GoldenSiteTests: XCTestCase {
    let golden = repositoryRoot.appendingPathComponent("Tests/Golden/example-site")

    func testExampleSiteMatchesGolden() throws {
        let output = try temporaryFolder().appendingPathComponent("public")
        let report = SiteBuild.build(exampleOptions(output: output))
        XCTAssertEqual(report.diagnostics.map(\.description), [], "the example site must build without errors or warnings")
        XCTAssertTrue(report.succeeded)
        let built = try snapshot(output)

        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in built {
                let target = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            XCTFail("recorded \(built.count) golden files in Tests/Golden/example-site; review the diff, commit, and run again without RECORD_GOLDEN")
            return
        }

        let expected = try snapshot(golden)
        XCTAssertFalse(expected.isEmpty, "no golden files: run `make golden` once")
        let expectedPaths = Set(expected.map(\.0)), builtPaths = Set(built.map(\.0))
        XCTAssertEqual(expectedPaths.subtracting(builtPaths).sorted(), [], "files in the golden copy that the build no longer writes")
        XCTAssertEqual(builtPaths.subtracting(expectedPaths).sorted(), [], "files the build writes that the golden copy lacks")
        let goldenByPath = Dictionary(uniqueKeysWithValues: expected)
        var differing = 0
        for (path, data) in built {
            guard let want = goldenByPath[path], want != data else { continue }
            differing += 1
            if differing <= 5 {
                XCTFail("\(path) differs from its golden copy:\n" + lineDiff(String(decoding: want, as: UTF8.self), String(decoding: data, as: UTF8.self)))
            }
        }
        XCTAssertEqual(differing, 0, "\(differing) files differ from Tests/Golden/example-site (make golden re-records them)")
    }
}
