import Foundation
import Mustache
import XCTest
@testable import InspraakSite
@testable import InspraakSource
@testable import InspraakTemplates

/// inspraak renders templates with its own walker; swift-mustache (the library the SPEC names
/// for templates) is the reference. Every page of the example site, and a set of small
/// templates, must come out byte for byte the same from both.
final class TemplateOracleTests: XCTestCase {
    /// The value as swift-mustache expects it: plain Swift strings, numbers, arrays, dictionaries.
    func reference(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): return text
        case .bool(let flag): return flag
        case .number(let number): return number
        case .list(let items): return items.map(reference)
        case .object(let fields): return fields.mapValues(reference)
        case .viewObject: return (value.fields ?? [:]).mapValues(reference)
        }
    }

    func compare(_ templates: [String: String], _ view: View, main: String = "main", file: StaticString = #filePath, line: UInt = #line) throws {
        var library = MustacheLibrary()
        var ours: [String: [TemplateNode]] = [:]
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: text), named: name)
            guard case .success(let parsed) = TemplateParser.parse(text) else { return XCTFail("\(name) does not parse", file: file, line: line) }
            ours[name] = parsed.nodes
        }
        let expected = library.render(reference(.object(view)), withTemplate: main)
        let actual = TemplateSet(templates: ours).render(view, template: main).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(actual, expected, file: file, line: line)
    }

    func testSmallTemplatesRenderAsSwiftMustacheRendersThem() throws {
        let view: View = [
            "title": "Jan & <Piet> 's \"x\"", "n": 7, "yes": true, "no": false, "blank": "", "none": [],
            "t": ["kind": ["open": "Open"]],
            "items": [["title": "A", "n": 1], ["x": "B"], ["title": "C & D"]],
            "words": ["a", "b", "c"],
        ]
        try compare(["main": "{{title}}|{{{title}}}|{{&title}}|{{n}}|{{yes}}|{{missing}}|{{t.kind.open}}"], view)
        try compare(["main": "{{#items}}[{{title}}|{{.title}}|{{n}}]{{/items}}"], view)
        try compare(["main": "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#n}}{{n}}{{/n}}{{#blank}}B{{/blank}}{{#none}}L{{/none}}{{^none}}!L{{/none}}{{^no}}!N{{/no}}{{^missing}}!M{{/missing}}"], view)
        try compare(["main": "<ul>\n  {{#items}}\n<li>{{title}}</li>\n  {{/items}}\n</ul>\n{{! note }}\n{{^none}}\nnone\n{{/none}}\nend\n"], view)
        try compare(["main": "{{^empty(words)}}{{count(words)}}:{{first(words)}}-{{last(words)}}{{/empty(words)}}{{#empty(blank)}} blank{{/empty(blank)}}"], view)
        try compare(["main": "{{#words}}{{#first()}}[{{/first()}}{{.}}{{index()}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/words}}"], view)
        try compare(["main": "{{#items}}{{>card}}{{/items}}", "card": "<li>{{title}}{{#yes}}!{{/yes}}</li>\n"], view)
        try compare([
            "base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "main": "{{<base}}\n{{$title}}{{title}}{{/title}}\n{{$main}}\n<h1>{{t.kind.open}}</h1>\n{{#items}}{{>card}}{{/items}}\n{{/main}}\n{{/base}}\n",
            "card": "<p>{{title}}</p>\n",
        ], view)
    }

    /// Every page of the example site in the repository, with the default theme.
    func testExampleSitePagesRenderAsSwiftMustacheRendersThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let (site, loadProblems) = SiteLoader.load(source: root, options: LoadOptions(baseURL: "https://example.nl/participatie/", useGitHistory: false))
        XCTAssertFalse(loadProblems.hasErrors)
        let loaded = try XCTUnwrap(site)
        let (model, _) = ModelBuilder.build(loaded, includeDrafts: false)
        let (graph, _) = SiteGraph.build(model, settings: GraphSettings(loaded.config), today: Day(iso: "2026-11-15")!)
        let (templates, problems) = TemplateSet.compile(loaded.theme)
        XCTAssertEqual(problems, [])
        var library = MustacheLibrary()
        for (name, file) in loaded.theme.templates {
            library.register(try MustacheTemplate(string: file.text), named: name)
        }
        let pages = SiteRenderer.views(graph, settings: RenderSettings(loaded.config), theme: loaded.theme)
        XCTAssertGreaterThan(pages.count, 60)
        var differing: [String] = []
        for page in pages {
            let expected = library.render(reference(page.view), withTemplate: page.template)
            let actual = try XCTUnwrap(templates).render(page.view, template: page.template).map { String(decoding: $0, as: UTF8.self) }
            if actual != expected { differing.append(page.path) }
        }
        XCTAssertEqual(differing, [], "pages that swift-mustache renders differently")
    }
}
