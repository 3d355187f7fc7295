import Foundation
import XCTest
import Yams
@testable import InspraakSource

/// inspraak reads front matter with its own libyaml event reader; Yams is the reference. Every
/// YAML front matter of the example site and of the test fixtures, and a seeded corpus of
/// generated ones, must read the same in both, field by field, value and line (see
/// `YAMLOracle` for the differences that are there by design).
final class YAMLOracleTests: XCTestCase {
    /// The YAML front matters of every record file under a folder of the repository.
    func compareFiles(under folder: String) throws -> (YAMLOracle.Tally, skipped: [String]) {
        var tally = YAMLOracle.Tally()
        var skipped: [String] = []
        let base = repositoryRoot.appendingPathComponent(folder)
        let paths = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        for relative in paths {
            let path = folder + "/" + relative
            guard let text = String(data: try Data(contentsOf: base.appendingPathComponent(relative)), encoding: .utf8) else {
                skipped.append("\(path) (not UTF-8)")
                continue
            }
            switch FrontMatter.split(text, path: path) {
            case .success(let frontMatter) where frontMatter.format == .yaml:
                tally.add(YAMLOracle.compare(frontMatter, path: path))
            case .success:
                skipped.append("\(path) (TOML)")
            case .failure(let problem):
                skipped.append("\(path) (no front matter: \(problem.message))")
            }
        }
        return (tally, skipped)
    }

    func report(_ name: String, _ tally: YAMLOracle.Tally) {
        let differences = YAMLOracle.Difference.allCases.compactMap { difference in
            tally.differences[difference].map { "\(difference): \($0)" }
        }
        print("""
            YAML oracle, \(name): \(tally.documents) front matters, \(tally.fields) fields (\(tally.scalars) scalars, \
            \(tally.agreeing) as Yams reads them, \(tally.differences.values.reduce(0, +)) documented differences), \
            \(tally.bothRejected) rejected by both, \(tally.refusedByDesign) refused by design; \(differences.joined(separator: ", "))
            """)
        XCTAssertEqual(tally.mismatches, [], "\(name): fields inspraak reads differently from Yams")
    }

    func testExampleContentReadsAsYamsReadsIt() throws {
        let (tally, skipped) = try compareFiles(under: "content")
        report("content", tally)
        XCTAssertGreaterThan(tally.documents, 50)
        XCTAssertGreaterThan(tally.fields, 1000)
        XCTAssertEqual(tally.bothRejected + tally.refusedByDesign, 0, "the example site is valid")
        XCTAssertEqual(skipped.filter { !$0.hasSuffix("(TOML)") }, [])
    }

    /// Fixtures meant to be invalid YAML must be rejected by both readers.
    func testFixtureFrontMattersReadAsYamsReadsThem() throws {
        let (tally, skipped) = try compareFiles(under: "Tests/Fixtures")
        report("fixtures", tally)
        XCTAssertGreaterThan(tally.documents, 100)
        XCTAssertEqual(tally.rejectedPaths, [
            "Tests/Fixtures/invalid/duplicate-yaml-key/site/content/meetings/2025-03-11-stamtafel-wonen.md",
            "Tests/Fixtures/invalid/invalid-yaml-indentation/site/content/meetings/2025-03-11-stamtafel-wonen.md",
            "Tests/Fixtures/invalid/yaml-deep-nesting/site/content/meetings/2025-03-11-stamtafel-wonen.md",
            "Tests/Fixtures/invalid/yaml-tab-indentation/site/content/meetings/2025-03-11-stamtafel-wonen.md",
            "Tests/Fixtures/invalid/yaml-unclosed-quote/site/content/meetings/2025-03-11-stamtafel-wonen.md",
        ])
        print("YAML oracle, fixtures not compared: \(skipped.count) (\(skipped.filter { $0.hasSuffix("(TOML)") }.count) TOML)")
    }

    func testGeneratedFrontMattersReadAsYamsReadsThem() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 3000
        var corpus = YAMLCorpus(seed: 20261115)
        var tally = YAMLOracle.Tally()
        var invalid: [String] = []
        for index in 0..<iterations {
            let text = corpus.frontMatter()
            let path = "generated/\(index).md"
            let frontMatter = try FrontMatter.split("---\n" + text + "---\nTekst\n", path: path).get()
            XCTAssertEqual(frontMatter.text, text)
            let result = YAMLOracle.compare(frontMatter, path: path)
            if result.bothRejected > 0, invalid.count < 3 { invalid.append("\(path):\n\(text)") }
            tally.add(result)
        }
        report("generated", tally)
        XCTAssertEqual(tally.documents, iterations)
        // The generator writes valid YAML only: a case Yams rejects is a generator mistake.
        XCTAssertEqual(tally.bothRejected, 0, "generated front matters Yams rejects:\n\(invalid.joined(separator: "\n"))")
        if iterations >= 1000 {
            for difference in YAMLOracle.Difference.allCases {
                XCTAssertNotNil(tally.differences[difference], "the corpus never reached: \(difference.rawValue)")
            }
        }
    }

    /// Each documented difference once, by hand, with what inspraak reads.
    func testDocumentedDifferencesFromYams() throws {
        func fields(_ yaml: String) throws -> FieldTable {
            try FrontMatter.split("---\n" + yaml + "---\n", path: "x.md").get().fields(path: "x.md").get()
        }
        func text(_ field: Field?) -> String? {
            if case .string(let text)? = field?.value { return text }
            return nil
        }
        let table = try fields("""
            a: yes
            b: off
            c: 010
            d: 0x1F
            e: 1_000
            f: 2019-05-14
            g: .inf
            h: 12:30
            True: key
            null: key
            i: !!str 42
            j: 0x1p3
            k: -inf
            l: +5.5
            m: 1e3

            """)
        XCTAssertEqual(text(table["a"]), "yes")
        XCTAssertEqual(text(table["b"]), "off")
        guard case .integer(10)? = table["c"]?.value else { return XCTFail("010 is ten") }
        XCTAssertEqual(text(table["d"]), "0x1F")
        XCTAssertEqual(text(table["e"]), "1_000")
        XCTAssertEqual(text(table["f"]), "2019-05-14")
        XCTAssertEqual(text(table["g"]), ".inf")
        XCTAssertEqual(text(table["h"]), "12:30")
        // Swift's Double(_:) reads these too; YAML does not.
        XCTAssertEqual(text(table["j"]), "0x1p3")
        XCTAssertEqual(text(table["k"]), "-inf")
        guard case .number(5.5)? = table["l"]?.value, case .number(1000)? = table["m"]?.value else {
            return XCTFail("+5.5 and 1e3 are decimals, as +5 is an integer")
        }
        XCTAssertEqual(table.keys, ["a", "b", "c", "d", "e", "f", "g", "h", "True", "null", "i", "j", "k", "l", "m"])
        // Explicit tags are not read: a plain scalar is typed by how it is written.
        guard case .integer(42)? = table["i"]?.value else { return XCTFail("a tag does not change the type") }

        // An alias is refused where it stands (Yams would resolve it).
        let alias = FrontMatter.split("---\nbase: &b x\ncopy: *b\n---\n", path: "x.md").flatMap { $0.fields(path: "x.md") }
        guard case .failure(let problem) = alias else { return XCTFail("an alias is refused") }
        XCTAssertEqual("\(problem.location.line):\(problem.location.column) \(problem.message)", "3:7 \(LoadMessage.yamlAlias)")
        XCTAssertNotNil(try Yams.compose(yaml: "base: &b x\ncopy: *b\n"))
    }
}
