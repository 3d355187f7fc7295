import Foundation
import XCTest
import InspraakCore

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
