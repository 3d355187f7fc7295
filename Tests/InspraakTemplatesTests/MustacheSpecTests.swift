import Foundation
import XCTest
@testable import InspraakTemplates

/// The official Mustache specification (github.com/mustache/spec, copied verbatim into
/// Tests/Data/mustache-spec) run against inspraak's template engine: every case of the parts
/// the engine supports must render exactly as `expected`, apart from the cases listed in
/// `deliberatelyDifferent` with the reason.
///
/// `~lambdas.json` is not copied: views are data, never code. Template inheritance
/// (`{{<parent}}`, `{{$block}}`) is compared with swift-mustache in `TemplateOracleTests`.
final class MustacheSpecTests: XCTestCase {
    static let files = ["interpolation", "sections", "inverted", "comments", "partials", "delimiters"]

    /// Spec cases the engine deliberately does not follow, by "file: name", with why. A case
    /// listed here that starts to pass fails the test, so the list cannot go stale.
    static let deliberatelyDifferent: [String: String] = [:]

    /// One test case of a spec file.
    struct Case: Decodable {
        let name: String
        let data: SpecValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    struct SpecFile: Decodable {
        let tests: [Case]
    }

    /// A JSON value of a case's `data`, turned into the engine's value type.
    ///
    /// The engine has no null and no decimal (views never hold them): null becomes `false`, as
    /// an absent optional view value does (`TemplateValue.optional`), and a decimal becomes its
    /// text, as `ExtraValue.templateValue` passes a decimal from front matter.
    struct SpecValue: Decodable {
        let value: TemplateValue

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .bool(false)
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .number(number)
            } else if let number = try? container.decode(Double.self) {
                value = .text(String(number))
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else if let items = try? container.decode([SpecValue].self) {
                value = .list(items.map(\.value))
            } else {
                value = .object(try container.decode([String: SpecValue].self).mapValues(\.value))
            }
        }
    }

    static var specFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/mustache-spec")
    }

    /// The output of one case, or the template error that stopped it.
    func render(_ specCase: Case) -> String {
        var templates: [String: [TemplateNode]] = [:]
        let sources = (specCase.partials ?? [:]).merging(["__spec_main__": specCase.template]) { _, main in main }
        for (name, text) in sources {
            switch TemplateParser.parse(text) {
            case .success(let parsed): templates[name] = parsed.nodes
            case .failure(let error): return "template error in \(name) at \(error.line):\(error.column): \(error.message)"
            }
        }
        guard case .object(let view) = specCase.data.value else { return "data is not an object" }
        let bytes = TemplateSet(templates: templates).render(.object(view), template: "__spec_main__") ?? []
        return String(decoding: bytes, as: UTF8.self)
    }

    func testEngineRendersTheSpecCasesOfTheFeaturesItSupports() throws {
        var total = 0, passed = 0, skipped = 0
        var seenDifferent: Set<String> = []
        for file in Self.files {
            let data = try Data(contentsOf: Self.specFolder.appendingPathComponent("\(file).json"))
            let spec = try JSONDecoder().decode(SpecFile.self, from: data)
            XCTAssertFalse(spec.tests.isEmpty, file)
            for specCase in spec.tests {
                total += 1
                let key = "\(file): \(specCase.name)"
                let actual = render(specCase)
                if let reason = Self.deliberatelyDifferent[key] {
                    seenDifferent.insert(key)
                    skipped += 1
                    XCTAssertNotEqual(actual, specCase.expected, "\(key) passes now; remove it from deliberatelyDifferent (\(reason))")
                    continue
                }
                if actual == specCase.expected {
                    passed += 1
                } else {
                    XCTFail("\(key)\n  template: \(specCase.template.debugDescription)\n  expected: \(specCase.expected.debugDescription)\n  actual:   \(actual.debugDescription)")
                }
            }
        }
        XCTAssertEqual(Set(Self.deliberatelyDifferent.keys).subtracting(seenDifferent), [], "listed cases that no spec file has")
        XCTAssertEqual(passed + skipped, total)
        print("Mustache spec: \(total) cases, \(passed) passed, \(skipped) deliberately different")
    }
}
