import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource
@testable import InspraakTemplates

/// `docs/themes.md` is the theme contract: every name each view type gives templates, with its
/// meaning. The document and the view types must agree in both directions, and the default
/// theme may only use documented names.
final class ThemeContractTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The document's tables: the view type named in each heading ("… (`RecordCard`)") and the
    /// names in the first column of the table under it.
    func documentedViews() throws -> [String: [String]] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let heading = try NSRegularExpression(pattern: #"^#{2,3} .*\(`(\w+)`\)\s*$"#)
        let row = try NSRegularExpression(pattern: #"^\| `([^`]+)` \|"#)
        var views: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let range = NSRange(line.startIndex..., in: line)
            if line.hasPrefix("#") {
                current = heading.firstMatch(in: line, range: range).map { String(line[Range($0.range(at: 1), in: line)!]) }
                if let current {
                    XCTAssertNil(views[current], "\(current) is documented twice")
                    views[current] = []
                }
            } else if let current, let match = row.firstMatch(in: line, range: range) {
                views[current]!.append(String(line[Range(match.range(at: 1), in: line)!]))
            }
        }
        return views
    }

    var registered: [String: [String]] {
        var views: [String: [String]] = [:]
        for page in ThemeContract.pages { views[page.type] = page.keys }
        for part in ThemeContract.parts { views[part.type] = part.keys }
        return views
    }

    func testDocumentAndViewTypesAgree() throws {
        let documented = try documentedViews()
        let registered = registered
        XCTAssertEqual(Set(documented.keys).subtracting(registered.keys).sorted(), [], "documented in docs/themes.md, but no such view type")
        XCTAssertEqual(Set(registered.keys).subtracting(documented.keys).sorted(), [], "view types docs/themes.md does not document")
        for (type, keys) in registered.sorted(by: { $0.key < $1.key }) {
            guard let written = documented[type] else { continue }
            XCTAssertEqual(Set(keys).subtracting(written).sorted(), [], "names of \(type) that docs/themes.md does not document")
            XCTAssertEqual(Set(written).subtracting(keys).sorted(), [], "names docs/themes.md documents for \(type) that it does not have")
            XCTAssertEqual(written.count, Set(written).count, "a name of \(type) is documented twice")
        }
    }

    /// A view type left out of `ThemeContract` would escape the comparison above.
    func testEveryViewTypeIsInTheContract() throws {
        let folder = root.appendingPathComponent("Sources/InspraakSite/Render/Views")
        let declaration = try NSRegularExpression(pattern: #"struct (\w+)(<[^>]*>)?: TemplateView\b"#)
        var declared: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                declared.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertGreaterThan(declared.count, 30)
        XCTAssertEqual(declared.subtracting(registered.keys).sorted(), [], "view types missing from ThemeContract")
    }

    /// A page's own names and the frame's are looked up together; one must not hide the other.
    func testPageNamesNeverHideTheFrame() {
        let frame = Set(PageFrame.keys)
        for page in ThemeContract.pages {
            XCTAssertEqual(Set(page.keys).intersection(frame).sorted(), [], "\(page.type) reuses names of the frame")
        }
    }

    /// Every name the default theme's templates use is documented (a misspelt name would
    /// otherwise render as nothing, silently).
    func testDefaultTemplatesUseOnlyDocumentedNames() throws {
        var documented = Set(try documentedViews().values.joined())
        documented.insert("t")
        let folder = root.appendingPathComponent("themes/default/templates")
        let tag = try NSRegularExpression(pattern: #"\{\{\{?([#^/&]?)\s*([^}!>$<]*?)\s*\}?\}\}"#)
        var unknown: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                // A closing tag repeats its opening one (or closes a `{{$block}}`).
                guard text[Range(match.range(at: 1), in: text)!] != "/" else { continue }
                var name = String(text[Range(match.range(at: 2), in: text)!])
                if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")") {
                    name = String(name[name.index(after: open)..<close]) // `empty(themes)` uses `themes`
                }
                guard let first = name.split(separator: ".").first.map(String.init), !first.isEmpty else { continue }
                if !documented.contains(first) { unknown.insert("\(file): \(name)") }
            }
        }
        XCTAssertEqual(unknown.sorted(), [], "names the default templates use that docs/themes.md does not document")
    }
}
