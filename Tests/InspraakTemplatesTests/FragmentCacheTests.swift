import XCTest
@testable import InspraakTemplates

/// Sections drawn once per fragment key (`FragmentCache`): kept when they depend on their value
/// alone, drawn anew when they reach past it.
final class FragmentCacheTests: XCTestCase {
    /// A page view whose names may come with a fragment key, as the site's frame gives them.
    final class KeyedPage: TemplateObject {
        let values: [String: TemplateValue]
        let fragments: [String: String]

        init(_ values: [String: TemplateValue], fragments: [String: String]) {
            self.values = values
            self.fragments = fragments
        }

        func value(for name: TemplateKey) -> TemplateValue? { values[name.text] }
        var templateKeys: [String] { values.keys.sorted() }
        func fragmentKey(for name: TemplateKey) -> String? { fragments[name.text] }
    }

    private func templates(_ main: String, partials: [String: String] = [:]) throws -> TemplateSet {
        var parsed: [String: [TemplateNode]] = [:]
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { _, main in main }) {
            parsed[name] = try TemplateParser.parse(text).get().nodes
        }
        return TemplateSet(templates: parsed)
    }

    private func page(title: String, labels: [String], key: String = "nav 2") -> TemplateValue {
        .view(KeyedPage(["title": .text(title), "nav": .list(labels.map { ["label": .text($0)] })], fragments: ["nav": key]))
    }

    private func draw(_ set: TemplateSet, _ view: TemplateValue, _ cache: FragmentCache?) -> String {
        var page: [UInt8] = []
        XCTAssertTrue(set.render(view, template: "main", into: &page, fragments: cache))
        return String(decoding: page, as: UTF8.self)
    }

    /// Drawn the first time, then copied for every page with the same key: a page whose
    /// navigation differs under the same key shows the first one's, which is how the test
    /// sees that it was not drawn again. Another key is drawn anew.
    func testSectionIsDrawnOncePerKey() throws {
        let set = try templates("<ul>{{#nav}}<li>{{label}}</li>{{/nav}}</ul> {{title}}")
        let cache = FragmentCache()
        XCTAssertEqual(draw(set, page(title: "A & B", labels: ["één", "<twee>"]), cache), "<ul><li>één</li><li>&lt;twee&gt;</li></ul> A &amp; B")
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(draw(set, page(title: "C", labels: ["anders"]), cache), "<ul><li>één</li><li>&lt;twee&gt;</li></ul> C")
        XCTAssertEqual(draw(set, page(title: "D", labels: ["drie"], key: "nav 3"), cache), "<ul><li>drie</li></ul> D")
        XCTAssertEqual(cache.count, 2)
        // Without a cache every page draws its own.
        XCTAssertEqual(draw(set, page(title: "C", labels: ["anders"]), nil), "<ul><li>anders</li></ul> C")
    }

    /// A section that reads a name from outside its value (the page's title inside the
    /// navigation), or climbs looking for a name that is nowhere, depends on more than its key:
    /// never kept, so every page gets its own.
    func testSectionReachingPastItsValueIsDrawnEveryTime() throws {
        for main in ["{{#nav}}[{{label}} {{title}}]{{/nav}}", "{{#nav}}[{{label}}{{missing}}]{{/nav}}{{title}}",
                     "{{#nav}}[{{label}}{{#title}}!{{/title}}]{{/nav}}"] {
            let set = try templates(main)
            let cache = FragmentCache()
            let first = draw(set, page(title: "A", labels: ["x"]), cache)
            let second = draw(set, page(title: "B", labels: ["y"]), cache)
            XCTAssertEqual(first, draw(set, page(title: "A", labels: ["x"]), nil), main)
            XCTAssertEqual(second, draw(set, page(title: "B", labels: ["y"]), nil), main)
            XCTAssertNotEqual(first, second, main)
            XCTAssertEqual(cache.count, 0, main)
        }
    }

    /// A block inside the section draws what the extending template gives: not kept. A
    /// section inside a partial indented on its line carries that indentation: not kept.
    func testBlocksAndIndentedPartialsAreDrawnEveryTime() throws {
        let base = try templates("{{<layout}}{{$inner}}eigen {{title}}{{/inner}}{{/layout}}",
                                 partials: ["layout": "{{#nav}}<{{label}}:{{$inner}}standaard{{/inner}}>{{/nav}}"])
        let cache = FragmentCache()
        XCTAssertEqual(draw(base, page(title: "A", labels: ["x"]), cache), "<x:eigen A>")
        XCTAssertEqual(draw(base, page(title: "B", labels: ["x"]), cache), "<x:eigen B>")
        XCTAssertEqual(cache.count, 0)

        let indented = try templates("<div>\n  {{>menu}}\n</div>", partials: ["menu": "{{#nav}}<a>{{label}}</a>\n{{/nav}}"])
        XCTAssertEqual(draw(indented, page(title: "A", labels: ["x", "y"]), cache), "<div>\n  <a>x</a>\n  <a>y</a>\n</div>")
        XCTAssertEqual(cache.count, 0)
    }

    /// Only the page's own values give keys: a list element's view is not asked, and a section
    /// with a transform (`{{#first(nav)}}`) is drawn every time.
    func testOnlyPlainNamesOfThePageAreKept() throws {
        let set = try templates("{{#reversed(nav)}}{{label}}{{/reversed(nav)}}|{{#nav}}{{label}}{{/nav}}")
        let cache = FragmentCache()
        XCTAssertEqual(draw(set, page(title: "A", labels: ["x", "y"]), cache), "yx|xy")
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(draw(set, page(title: "A", labels: ["p", "q"]), cache), "qp|xy")
    }
}
