/// The theme's Mustache templates, parsed once. A template that does not parse, or names a
/// partial the theme does not have, is reported with its file, line and column.
///
/// The syntax is Mustache as hummingbird-project/swift-mustache reads it (sections, inverted
/// sections, partials, `{{<parent}}` with `{{$block}}` overrides, transforms such as
/// `empty(…)`); the end-to-end tests render the default theme with both and compare. inspraak
/// renders with its own walker because swift-mustache's reflection-based lookups took most of a
/// build's time (issue 7).
struct TemplateSet: Sendable {
    /// The pages a theme must be able to render (a theme that extends `default` inherits them).
    static let required = ["home", "list", "record", "themes", "theme", "open", "accessibility", "data", "404"]

    let templates: [String: [TemplateNode]]

    static func compile(_ theme: ThemeFiles) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var templates: [String: [TemplateNode]] = [:]
        var references: [(file: ThemeFiles.File, reference: TemplateReference)] = []
        for name in theme.templates.keys.sorted() {
            let file = theme.templates[name]!
            switch TemplateParser.parse(file.text) {
            case .success(let parsed):
                templates[name] = parsed.nodes
                references += parsed.references.map { (file, $0) }
            case .failure(let error):
                diagnostics.error(SourceLocation(path: file.path, line: error.line, column: error.column), "this template cannot be read: \(error.message)")
            }
        }
        for (file, reference) in references where theme.templates[reference.name] == nil {
            diagnostics.error(SourceLocation(path: file.path, line: reference.line, column: reference.column),
                              "this template includes `\(reference.name)`, but the theme `\(theme.name)` has no template `\(reference.name)` (templates/\(reference.name).mustache)")
        }
        for name in required where theme.templates[name] == nil {
            diagnostics.error(SourceLocation(path: "themes/\(theme.name)/templates/\(name).mustache"),
                              "the theme `\(theme.name)` has no template `\(name)`; add it or extend the default theme (extends = \"default\" in theme.toml)")
        }
        return (diagnostics.hasErrors ? nil : TemplateSet(templates: templates), diagnostics.all)
    }

    /// The page as UTF-8, or nil when the theme has no such template.
    func render(_ view: TemplateValue, template: String) -> [UInt8]? {
        var page: [UInt8] = []
        return render(view, template: template, into: &page) ? page : nil
    }

    /// The page into `page` (emptied first, its capacity kept for the next one); false when
    /// the theme has no such template.
    func render(_ view: TemplateValue, template: String, into page: inout [UInt8]) -> Bool {
        page.removeAll(keepingCapacity: true)
        guard let nodes = templates[template] else { return false }
        var renderer = TemplateRenderer(templates: templates, root: view, output: page)
        page = []   // the renderer holds the only reference, so appending does not copy
        renderer.render(nodes)
        page = renderer.output
        return true
    }
}
