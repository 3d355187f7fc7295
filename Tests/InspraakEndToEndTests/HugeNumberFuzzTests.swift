import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// The fuzz class "huge integers": every number field of the example site (YAML and TOML records,
/// themes, site.toml) set to the extremes of a 64-bit integer and just past its bounds. `check`
/// must refuse each with a located error, and whatever `check` accepts must also build: before the
/// range checks, `attendees` at the largest integer passed `check` and trapped in `build`.
final class HugeNumberFuzzTests: XCTestCase {
    static let values = ["9223372036854775807", "-9223372036854775808", "99999999999999999999",
                         "1000001", "-1", "0", "100000000"]
    /// (file, the line's start as written, the text between key and value).
    static let fields = [
        ("content/meetings/2019-03-19-stamtafel-eenzaamheid.md", "attendees", ": "),
        ("content/meetings/2019-10-08-thematafel-lotgenotengroep.md", "attendees", " = "),
        ("content/themes/wonen.md", "order", ": "),
        ("site.toml", "response_days", " = "),
        ("site.toml", "expected_days", " = "),
        ("site.toml", "limit", " = "),
        ("site.toml", "size", " = "),
    ]

    func testHugeNumbersAreRefusedWithALocationAndNeverCrashABuild() throws {
        let work = try temporaryFolder()
        let source = work.appendingPathComponent("site")
        try copyExampleSite(to: source)
        var built = 0, refused = 0
        for (path, key, separator) in Self.fields {
            let url = source.appendingPathComponent(path)
            let original = try String(contentsOf: url, encoding: .utf8)
            let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
            let index = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(key + separator) }, "\(path) has no \(key)")
            for value in Self.values {
                var changed = lines.map(String.init)
                changed[index] = key + separator + value
                try changed.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
                var options = BuildOptions(source: source, output: work.appendingPathComponent("public"), today: Day(iso: "2026-11-15")!)
                options.useGitHistory = false
                let report = SiteBuild.check(options)
                let errors = report.diagnostics.filter { $0.severity == .error }
                if errors.isEmpty {
                    XCTAssertTrue(SiteBuild.build(options).succeeded, "\(path): \(key) = \(value) passed check but not build")
                    built += 1
                } else {
                    refused += 1
                    for error in errors {
                        XCTAssertEqual(error.location.path, path, "\(key) = \(value): \(error)")
                        XCTAssertEqual(error.location.line, index + 1, "\(key) = \(value): \(error)")
                    }
                }
            }
            try original.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertGreaterThan(refused, built)
    }
}
