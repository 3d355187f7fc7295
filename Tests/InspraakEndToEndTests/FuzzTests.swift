import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// Mutates the example site's files many times (fixed seed) and checks that `check` never
/// crashes and always either succeeds or says where the problem is.
final class FuzzTests: XCTestCase {
    /// A small, seeded generator (SplitMix64), so every run mutates the same way.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static func mutate(_ bytes: [UInt8], _ random: inout Seeded) -> [UInt8] {
        guard !bytes.isEmpty else { return [0xFF] }
        var bytes = bytes
        switch random.below(6) {
        case 0: bytes = Array(bytes.prefix(random.below(bytes.count)))                       // truncate
        case 1: bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))             // flip a bit
        case 2: bytes[random.below(bytes.count)] = [0x00, 0xFF, 0xC3, 0x22, 0x3A, 0x0A, 0x23, 0x5B][random.below(8)]
        case 3:                                                                               // swap two lines
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let a = random.below(lines.count), b = random.below(lines.count)
            lines.swapAt(a, b)
            bytes = Array(lines.joined(separator: [0x0A]))
        case 4:                                                                               // delete a fence
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if let fence = lines.indices.filter({ lines[$0] == Array("---".utf8) || lines[$0] == Array("+++".utf8) }).randomElement(using: &random) {
                lines.remove(at: fence)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        default:                                                                              // duplicate a slice
            let start = random.below(bytes.count)
            let end = min(bytes.count, start + random.below(200))
            bytes.insert(contentsOf: bytes[start..<end], at: random.below(bytes.count))
        }
        return bytes
    }

    func testMutatedSitesNeverCrashAndAlwaysLocateTheirErrors() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 300
        let work = try temporaryFolder()
        let source = work.appendingPathComponent("site")
        try copyExampleSite(to: source)
        let files = try snapshot(source).map(\.0).filter { $0.hasSuffix(".md") || $0.hasSuffix(".toml") }
        var random = Seeded(state: 20261115)
        var failing = 0
        for _ in 0..<iterations {
            let path = files[random.below(files.count)]
            let url = source.appendingPathComponent(path)
            let original = try Data(contentsOf: url)
            let mutated = Self.mutate([UInt8](original), &random)
            try Data(mutated).write(to: url)
            var options = BuildOptions(source: source, today: Day(iso: "2026-11-15")!)
            options.useGitHistory = false
            let report = SiteBuild.check(options)
            if report.diagnostics.hasErrors {
                failing += 1
                for diagnostic in report.diagnostics where diagnostic.severity == .error {
                    XCTAssertFalse(diagnostic.location.path.isEmpty, "an error without a file after mutating \(path): \(diagnostic)")
                    XCTAssertFalse(diagnostic.message.isEmpty)
                }
            }
            try original.write(to: url)
        }
        // Most mutations break something; if none did, the mutations are not reaching the parser.
        XCTAssertGreaterThan(failing, iterations / 5)
    }
}

extension FuzzTests.Seeded: RandomNumberGenerator {}

/// Classes of hostile input, each run through the built `inspraak` (`check` and `build`) so a
/// crash or a hang is a failed assertion here, not the end of the test run: deep nesting,
/// special files, control characters, huge integers.
extension FuzzTests {
    /// A small valid site: one theme, one meeting, one record file to replace.
    func smallSite(_ name: String = #function) throws -> URL {
        let site = try temporaryFolder(name).appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/meetings"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/themes"), withIntermediateDirectories: true)
        try Data("title = \"Inspraak\"\nbase_url = \"https://example.nl/\"\n".utf8).write(to: site.appendingPathComponent("site.toml"))
        try Data("---\ntitle: Wonen\n---\nOver wonen.\n".utf8).write(to: site.appendingPathComponent("content/themes/wonen.md"))
        try Data("---\ntitle: Stamtafel\ndate: 2024-01-01\nthemes: [wonen]\nattendees: 24\n---\nVerslag.\n".utf8)
            .write(to: site.appendingPathComponent("content/meetings/2024-01-01-stamtafel.md"))
        return site
    }

    /// `check` and `build` on a site: both must end by themselves, with status 0 or 1.
    func runBoth(_ site: URL, _ label: String, timeout: TimeInterval = 60) throws -> [CommandOutcome] {
        guard FileManager.default.fileExists(atPath: inspraakExecutable.path) else { throw XCTSkip("inspraak not built beside the tests") }
        let output = site.deletingLastPathComponent().appendingPathComponent("public")
        let check = try runInspraak(["check", "--source", site.path, "--now", "2024-02-01"], timeout: timeout)
        let build = try runInspraak(["build", "--source", site.path, "--output", output.path, "--now", "2024-02-01", "--no-git"], timeout: timeout)
        for (name, outcome) in [("check", check), ("build", build)] {
            XCTAssertFalse(outcome.crashed, "\(label): \(name) crashed: \(outcome.err.prefix(300))")
            XCTAssertFalse(outcome.hung, "\(label): \(name) did not finish")
        }
        return [check, build]
    }

    func testDeepNestingIsALocatedError() throws {
        let site = try smallSite()
        let record = site.appendingPathComponent("content/meetings/2024-01-02-diep.md")
        for depth in [6_000, 100_000] {
            let yaml = [
                "extra: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
                "extra: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth),
                "extra:\n" + String(repeating: "- ", count: depth) + "x",
            ].map { "---\ntitle: Diep\ndate: 2024-01-02\n\($0)\n---\n" }
            let toml = [
                "extra = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
                "extra = " + String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth),
                Array(repeating: "a", count: depth).joined(separator: ".") + " = 1",
                "[" + Array(repeating: "a", count: depth).joined(separator: ".") + "]\nb = 1",
            ].map { "+++\ntitle = \"Diep\"\ndate = 2024-01-02\n\($0)\n+++\n" }
            for text in yaml + toml {
                try Data(text.utf8).write(to: record)
                let label = "\(depth) levels: \(text.prefix(30))"
                for outcome in try runBoth(site, label) {
                    // `check` prints diagnostics on standard output, `build` on standard error.
                    let said = outcome.out + outcome.err
                    XCTAssertEqual(outcome.status, 1, label)
                    XCTAssertTrue(said.contains("content/meetings/2024-01-02-diep.md:4:") || said.contains("content/meetings/2024-01-02-diep.md:5:"),
                                  "\(label): \(said.prefix(300))")
                    XCTAssertTrue(said.contains("nested more than 64 levels"), "\(label): \(said.prefix(300))")
                }
            }
        }
        try FileManager.default.removeItem(at: record)
        // The same parser reads site.toml.
        let config = site.appendingPathComponent("site.toml")
        try Data(("title = \"Inspraak\"\nbase_url = \"https://example.nl/\"\n" + Array(repeating: "a", count: 6_000).joined(separator: ".") + " = 1\n").utf8).write(to: config)
        for outcome in try runBoth(site, "site.toml") {
            XCTAssertTrue((outcome.out + outcome.err).contains("site.toml:3:1: error: the fields are nested more than 64"), outcome.out)
        }
    }

    func testSpecialFilesAreRefusedWithoutBeingOpened() throws {
        let site = try smallSite()
        let meetings = site.appendingPathComponent("content/meetings")
        let bundle = meetings.appendingPathComponent("2024-01-03-bundel")
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try Data("---\ntitle: Bundel\ndate: 2024-01-03\nthemes: [wonen]\n---\n".utf8).write(to: bundle.appendingPathComponent("index.md"))
        // Named pipes: opening one for reading waits for a writer that never comes.
        XCTAssertEqual(mkfifo(meetings.appendingPathComponent("2024-01-04-pijp.md").path, 0o644), 0)
        XCTAssertEqual(mkfifo(meetings.appendingPathComponent("pijp").path, 0o644), 0)
        XCTAssertEqual(mkfifo(bundle.appendingPathComponent("bijlage.pdf").path, 0o644), 0)
        // A link to a pipe inside the site, a link to nothing, a link to the folder it stands in.
        try FileManager.default.createSymbolicLink(atPath: meetings.appendingPathComponent("2024-01-05-link.md").path, withDestinationPath: "pijp")
        try FileManager.default.createSymbolicLink(atPath: meetings.appendingPathComponent("2024-01-06-weg.md").path, withDestinationPath: "nergens.md")
        try FileManager.default.createSymbolicLink(atPath: bundle.appendingPathComponent("terug").path, withDestinationPath: ".")
        let pipe = "this is a named pipe (FIFO), not an ordinary file, so it is not read; remove it, or put the file itself here"
        let expected = [
            "content/meetings/2024-01-03-bundel/bijlage.pdf:1:1: error: \(pipe)",
            "content/meetings/2024-01-03-bundel/terug:1:1: error: this is a link to a folder it stands in, so it is not followed; remove the link",
            "content/meetings/2024-01-04-pijp.md:1:1: error: \(pipe)",
            "content/meetings/2024-01-05-link.md:1:1: error: \(pipe)",
            "content/meetings/2024-01-06-weg.md:1:1: error: this is a link to a file or folder that does not exist; remove the link or copy the file in",
            "content/meetings/pijp:1:1: error: \(pipe)",
        ]
        for outcome in try runBoth(site, "special files", timeout: 20) {
            XCTAssertEqual(outcome.status, 1)
            XCTAssertEqual((outcome.out + outcome.err).split(separator: "\n").filter { $0.hasPrefix("content/") }.map(String.init), expected)
        }
        // site.toml and a theme's file as pipes.
        let other = try smallSite("pipes-in-config")
        try FileManager.default.removeItem(at: other.appendingPathComponent("site.toml"))
        XCTAssertEqual(mkfifo(other.appendingPathComponent("site.toml").path, 0o644), 0)
        for outcome in try runBoth(other, "site.toml pipe", timeout: 20) {
            XCTAssertEqual((outcome.out + outcome.err).split(separator: "\n").filter { $0.contains(": error: ") }, ["site.toml:1:1: error: \(pipe)"])
        }
        let themed = try smallSite("pipe-in-theme")
        try Data("title = \"Inspraak\"\nbase_url = \"https://example.nl/\"\ntheme = \"eigen\"\n".utf8).write(to: themed.appendingPathComponent("site.toml"))
        let templates = themed.appendingPathComponent("themes/eigen/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("extends = \"default\"\n".utf8).write(to: themed.appendingPathComponent("themes/eigen/theme.toml"))
        XCTAssertEqual(mkfifo(templates.appendingPathComponent("record.mustache").path, 0o644), 0)
        for outcome in try runBoth(themed, "theme pipe", timeout: 20) {
            XCTAssertEqual((outcome.out + outcome.err).split(separator: "\n").filter { $0.contains(": error: ") },
                           ["themes/eigen/templates/record.mustache:1:1: error: \(pipe)"])
        }
    }

    /// Every control character but tab, line feed and carriage return, escaped in a YAML or TOML
    /// text: an error at the field's line; none reaches a page.
    func testControlCharactersAreLocatedErrors() throws {
        let site = try smallSite()
        let record = site.appendingPathComponent("content/meetings/2024-01-02-teken.md")
        let codes = Array(0x01...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) } + Array(0x7F...0x9F)
        for code in codes {
            let hex = String(code, radix: 16, uppercase: true)
            let escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            for text in ["---\ntitle: Teken\ndate: 2024-01-02\nsummary: \"a\(escape)b\"\n---\n",
                         "+++\ntitle = \"Teken\"\ndate = 2024-01-02\nsummary = \"a\(escape)b\"\n+++\n"] {
                try Data(text.utf8).write(to: record)
                var options = BuildOptions(source: site, today: Day(iso: "2024-02-01")!)
                options.useGitHistory = false
                let report = SiteBuild.check(options)
                XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.location.description),
                               ["content/meetings/2024-01-02-teken.md:4:\(text.hasPrefix("+++") ? 1 : 10)"], "\(escape) in \(text.prefix(3))")
                XCTAssertTrue(report.diagnostics.first?.message.contains("U+" + String(repeating: "0", count: 4 - hex.count) + hex) ?? false)
            }
        }
    }

    /// Integers at and beyond the 64-bit range, in front matter and site.toml: never a crash,
    /// and a failure always says where.
    func testHugeIntegersDoNotCrash() throws {
        let site = try smallSite()
        let record = site.appendingPathComponent("content/meetings/2024-01-02-getal.md")
        let config = site.appendingPathComponent("site.toml")
        let configBase = "title = \"Inspraak\"\nbase_url = \"https://example.nl/\"\n"
        let numbers = ["9223372036854775807", "-9223372036854775808", "99999999999999999999999", "1e400"]
        var cases: [(field: String, label: String, record: String?, config: String?)] = []
        for number in numbers {
            cases.append(("attendees", "attendees: \(number) (YAML)", "---\ntitle: Getal\ndate: 2024-01-02\nthemes: [wonen]\nattendees: \(number)\n---\n", nil))
            cases.append(("attendees", "attendees = \(number) (TOML)", "+++\ntitle = \"Getal\"\ndate = 2024-01-02\nthemes = [\"wonen\"]\nattendees = \(number)\n+++\n", nil))
            for setting in ["pagination.size", "advice.response_days", "feedback.expected_days", "feeds.limit"] {
                let parts = setting.split(separator: ".")
                cases.append((setting, "\(setting) = \(number)", nil, configBase + "[\(parts[0])]\n\(parts[1]) = \(number)\n"))
            }
        }
        for (_, label, text, configText) in cases {
            if let text { try Data(text.utf8).write(to: record) } else { try? FileManager.default.removeItem(at: record) }
            try Data((configText ?? configBase).utf8).write(to: config)
            guard FileManager.default.fileExists(atPath: inspraakExecutable.path) else { throw XCTSkip("inspraak not built beside the tests") }
            let output = site.deletingLastPathComponent().appendingPathComponent("public")
            for arguments in [["check", "--source", site.path, "--now", "2024-02-01"],
                              ["build", "--source", site.path, "--output", output.path, "--now", "2024-02-01", "--no-git"]] {
                let outcome = try runInspraak(arguments)
                XCTAssertTrue(outcome.endedNormally, "\(arguments[0]) \(label): status \(outcome.status), \(outcome.err.prefix(200))")
                if outcome.status == 1 { XCTAssertTrue((outcome.out + outcome.err).contains(": error: "), "\(label): a failure without a located error") }
            }
        }
    }
}
