import XCTest
@testable import InspraakSite
@testable import InspraakSource
@testable import InspraakTemplates
import InspraakTestSupport

/// The template renderer on its own: Mustache behaviour with known answers, and the messages a
/// theme author gets for a broken template.
final class TemplateEngineTests: XCTestCase {
    /// Renders `main` with the other templates available as partials.
    func render(_ main: String, _ view: View, partials: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> String {
        var templates: [String: [TemplateNode]] = [:]
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { _, main in main }) {
            switch TemplateParser.parse(text) {
            case .success(let parsed): templates[name] = parsed.nodes
            case .failure(let error): XCTFail("\(name): \(error.message)", file: file, line: line); return ""
            }
        }
        let bytes = TemplateSet(templates: templates).render(view, template: "main") ?? []
        return String(decoding: bytes, as: UTF8.self)
    }

    func error(_ text: String) -> String {
        guard case .failure(let error) = TemplateParser.parse(text) else { return "parsed" }
        return "\(error.line):\(error.column): \(error.message)"
    }

    /// A dictionary tree indexed into `TemplateTable`s (the UI strings) renders exactly as the
    /// dictionaries do: names, nested names, climbing, sections, inverted sections and the
    /// transforms that read a value's fields.
    func testIndexedTreeRendersAsTheDictionaries() {
        let tree: View = [
            "t": ["kind": ["meetings": "Bijeenkomsten", "advice": "Adviezen & meer"], "skip": "Naar de inhoud", "empty": [:]],
            "list": [["name": "een"], ["name": "twee", "t": ["skip": "eigen"]]],
            "title": "Titel",
        ]
        let template = "{{t.kind.meetings}} {{t.kind.advice}} {{{t.kind.advice}}} [{{t.kind.missing}}]\n"
            + "{{#t}}{{skip}} {{title}}{{/t}} {{^t.nothing}}geen{{/t.nothing}} {{#t.empty}}leeg-maar-waar{{/t.empty}}\n"
            + "{{#list}}{{name}}: {{t.skip}};{{/list}}\n"
            + "{{count(t.kind)}} {{#empty(t.empty)}}leeg{{/empty(t.empty)}} {{^empty(t.kind)}}vol{{/empty(t.kind)}}\n"
            + "{{#sorted(t.kind)}}{{key}}={{value}},{{/sorted(t.kind)}}|{{#enumerated(t.kind)}}{{key}},{{/enumerated(t.kind)}}\n"
        let plain = render(template, tree)
        XCTAssertEqual(render(template, tree.mapValues { $0.indexed() }), plain)
        XCTAssertTrue(plain.hasPrefix("Bijeenkomsten Adviezen &amp; meer Adviezen & meer []\nNaar de inhoud Titel geen leeg-maar-waar\neen: Naar de inhoud;twee: eigen;\n2 leeg vol\n"), plain)
        guard case .viewObject = tree["t"]?.indexed() else { return XCTFail("an object becomes a table") }
    }

    /// A view's names are found by the hash the parser made: every name at its own position,
    /// names it does not have (also ones that share a slot) not at all.
    func testKeyTableFindsEachNameAndNothingElse() {
        let names = (0..<150).map { "name\($0)" } + ["t", "title", "a-b", "x?"]
        let table = KeyTable(names)
        for (position, name) in names.enumerated() { XCTAssertEqual(table.position(of: TemplateKey(name)), position, name) }
        for missing in ["", "name150", "Title", "titl", "name1 ", "a_b"] { XCTAssertNil(table.position(of: TemplateKey(missing)), missing) }
        XCTAssertNil(KeyTable([]).position(of: TemplateKey("title")))
    }

    func testInterpolationEscapesUnlessTripleOrAmpersand() {
        let view: View = ["name": "Jan & <Piet> \"'s\"", "n": 42, "yes": true]
        XCTAssertEqual(render("{{name}}|{{{name}}}|{{& name }}|{{n}}|{{yes}}|{{missing}}", view),
                       "Jan &amp; &lt;Piet&gt; &quot;&#39;s&quot;|Jan & <Piet> \"'s\"|Jan & <Piet> \"'s\"|42|true|")
        XCTAssertEqual(render("é {{name}} ü", ["name": "ø€😀"]), "é ø€😀 ü")
    }

    func testDottedNamesAndContextClimbing() {
        let view: View = ["t": ["kind": ["open": "Open"]], "title": "Site", "list": [["title": "A"], ["x": "B"]]]
        XCTAssertEqual(render("{{t.kind.open}}", view), "Open")
        // `title` is found on the element, then on the page; `.title` only on the element.
        XCTAssertEqual(render("{{#list}}[{{title}}|{{.title}}]{{/list}}", view), "[A|A][Site|]")
        // Once the first part is found, the rest must resolve from there.
        XCTAssertEqual(render("{{#list}}{{t.kind.missing}}{{/list}}", view), "")
        XCTAssertEqual(render("{{#items}}{{.}},{{/items}}", ["items": ["a", "b"]]), "a,b,")
    }

    func testSectionsFollowSwiftMustacheTruthiness() {
        let view: View = ["yes": true, "no": false, "zero": 0, "empty": "", "none": [], "object": ["a": "1"]]
        XCTAssertEqual(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#zero}}0{{/zero}}{{#empty}}E{{/empty}}{{#none}}L{{/none}}{{#object}}{{a}}{{/object}}{{#missing}}M{{/missing}}", view),
                       "Y0E1")
        XCTAssertEqual(render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^zero}}0{{/zero}}{{^none}}L{{/none}}{{^missing}}M{{/missing}}", view), "NLM")
    }

    func testStandaloneTagsTakeTheirLine() {
        let template = "<ul>\n  {{#items}}\n<li>{{.}}</li>\n  {{/items}}\n</ul>\n{{! a comment }}\nend"
        XCTAssertEqual(render(template, ["items": ["a", "b"]]), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nend")
        // Two tags on a line are not standalone: the line stays.
        XCTAssertEqual(render("a\n{{#yes}}{{/yes}}\nb", ["yes": true]), "a\n\nb")
        XCTAssertEqual(render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", ["yes": true]), "a\r\nb\r\n")
    }

    func testStandalonePartialIsIndentedLineByLine() {
        let partials = ["item": "<p>{{text}}</p>\n<p>two</p>\n"]
        XCTAssertEqual(render("<div>\n  {{>item}}\n</div>", ["text": "a\nb"], partials: partials),
                       "<div>\n  <p>a\nb</p>\n  <p>two</p>\n</div>")
        XCTAssertEqual(render("[{{>item}}]", ["text": "x"], partials: partials), "[<p>x</p>\n<p>two</p>\n]")
        XCTAssertEqual(render("[{{>nothing}}]", [:], partials: partials), "[]")
    }

    /// A page longer than the renderer keeps is handed on in pieces: together they are the
    /// page rendered whole, byte for byte, also where a piece ends right before an indented
    /// partial's next line (whose indentation depends on the byte before it).
    func testLongPageHandedOnInPiecesIsThePageWhole() throws {
        let partials = ["item": "<li>{{text}}</li>\n<li>{{& html}}</li>\n"]
        let main = "<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n</ul>\n"
        var templates: [String: [TemplateNode]] = [:]
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { _, main in main }) {
            templates[name] = try TemplateParser.parse(text).get().nodes
        }
        var random = SeededRandom(seed: 19)
        // Items of uneven length, with escaped characters and line breaks, so pieces end anywhere.
        let items: [TemplateValue] = (0..<4_000).map { index in
            let length = Int.random(in: 0..<400, using: &random)
            let text = String(repeating: "a<b&\n", count: length / 5) + String(index)
            return ["text": .text(text), "html": .text("<b>\(index)</b>\n")]
        }
        let view: TemplateValue = ["items": .list(items)]
        let set = TemplateSet(templates: templates)
        let whole = try XCTUnwrap(set.render(view, template: "main"))
        XCTAssertGreaterThan(whole.count, 4 * TemplateRenderer.spillSize, "the page must be long enough to be handed on several times")

        var pieces: [[UInt8]] = []
        var rest: [UInt8] = []
        XCTAssertTrue(set.render(view, template: "main", into: &rest) { piece in
            pieces.append(piece)
            piece.removeAll(keepingCapacity: true)
        })
        XCTAssertGreaterThanOrEqual(pieces.count, 4)
        XCTAssertTrue(pieces.allSatisfy { $0.count >= TemplateRenderer.spillSize - 1 && $0.count < TemplateRenderer.spillSize + 4_096 })
        XCTAssertEqual(pieces.flatMap { $0 } + rest, whole)

        // A short page is never handed on.
        var short: [UInt8] = []
        var called = false
        XCTAssertTrue(set.render(["items": .list(Array(items.prefix(3)))], template: "main", into: &short) { _ in called = true })
        XCTAssertFalse(called)
        XCTAssertEqual(short, set.render(["items": .list(Array(items.prefix(3)))], template: "main"))
    }

    func testParentsAndBlocks() {
        let partials = [
            "base": "<title>{{$title}}Default{{/title}}</title>\n{{$main}}\n{{/main}}<footer>{{$footer}}F{{/footer}}</footer>\n",
            "middle": "{{<base}}\n{{$title}}Middle{{/title}}\n{{$footer}}M{{/footer}}\n{{/base}}\n",
        ]
        XCTAssertEqual(render("{{<base}}\n{{$main}}\n<h1>{{h}}</h1>\n{{/main}}\n{{/base}}\n", ["h": "Hi"], partials: partials),
                       "<title>Default</title>\n<h1>Hi</h1>\n<footer>F</footer>\n")
        // The outermost override wins; blocks it does not override come from the middle layer.
        XCTAssertEqual(render("{{<middle}}{{$title}}Page{{/title}}{{/middle}}", [:], partials: partials),
                       "<title>Page</title>\n<footer>M</footer>\n")
    }

    func testTransformsAndListPositions() {
        let view: View = ["items": ["a", "b", "c"], "none": [], "text": "", "n": 3, "fields": ["b": "2", "a": "1"]]
        XCTAssertEqual(render("{{^empty(items)}}has{{/empty(items)}}{{#empty(none)}} none{{/empty(none)}}{{#empty(text)}} blank{{/empty(text)}}", view),
                       "has none blank")
        XCTAssertEqual(render("{{count(items)}} {{first(items)}} {{last(items)}} {{#reversed(items)}}{{.}}{{/reversed(items)}} {{uppercased(first(items))}} {{plusone(n)}}", view),
                       "3 a c cba A 4")
        XCTAssertEqual(render("{{#items}}{{#first()}}[{{/first()}}{{.}}{{index()}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/items}}", view), "[a0,b1,c2]")
        XCTAssertEqual(render("{{#sorted(fields)}}{{key}}={{value}};{{/sorted(fields)}}", view), "a=1;b=2;")
    }

    func testSetDelimitersAndContentType() {
        XCTAssertEqual(render("{{=<% %>=}}<% name %> {{name}}<%={{ }}=%> {{name}}", ["name": "x"]), "x {{name}} x")
        XCTAssertEqual(render("{{a}} {{%CONTENT_TYPE: TEXT}}{{a}}", ["a": "<b>"]), "&lt;b&gt; <b>")
    }

    func testErrorsNameTheTagAndWhatToDo() {
        XCTAssertEqual(error("<p>\n{{#open}}\n{{/main}}"),
                       "3:1: `{{/main}}` closes `main`, but the section `{{#open}}` from line 2 is still open (add `{{/open}}` before it)")
        XCTAssertEqual(error("a\n  {{^empty(items)}}x"), "2:3: the section `{{^empty(items)}}` is never closed (add `{{/empty(items)}}`)")
        XCTAssertEqual(error("x {{/items}}"), "1:3: `{{/items}}` closes a section that was never opened")
        XCTAssertEqual(error("één {{title"), "1:5: a tag that starts with `{{` is not closed with `}}`")
        XCTAssertEqual(error("{{{title}}"), "1:1: a tag that starts with `{{` is not closed with `}}}`")
        XCTAssertTrue(error("{{#emtpy(items)}}{{/emtpy(items)}}").hasPrefix("1:1: `emtpy` in `{{emtpy(items)}}` is not a transform; the transforms are `empty`"))
        XCTAssertEqual(error("{{first name}}"), "1:1: `{{first name}}` is not a name a template can look up; a name has letters, digits, `-`, `_` and `.` between parts")
        XCTAssertEqual(error("{{<base}}{{title}}{{/base}}"), "1:10: inside `{{<base}}` only block overrides `{{$name}}…{{/name}}` may stand")
        XCTAssertEqual(error("{{=<%=}}"), "1:1: the set-delimiter tag must look like `{{=<% %>=}}`: two delimiters without spaces in them, between `=` signs")
    }

    func testThemeWithMissingPartialIsReportedWhereItIsNamed() {
        var theme = ThemeFiles(name: "eigen")
        for name in TemplateSet.required {
            theme.templates[name] = ThemeFiles.File(path: "themes/eigen/templates/\(name).mustache", bytes: Array("<p>\(name)</p>\n".utf8))
        }
        theme.templates["home"] = ThemeFiles.File(path: "themes/eigen/templates/home.mustache", bytes: Array("<main>\n  {{> kaart }}\n</main>\n".utf8))
        let (set, problems) = TemplateSet.compile(theme)
        XCTAssertNil(set)
        XCTAssertEqual(problems.map { "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)" },
                       ["themes/eigen/templates/home.mustache:2:3: this template includes `kaart`, but the theme `eigen` has no template `kaart` (templates/kaart.mustache)"])
    }
}
