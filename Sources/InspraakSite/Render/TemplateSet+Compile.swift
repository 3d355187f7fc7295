import InspraakSource
import InspraakTemplates

/// The theme's Mustache templates, parsed once. A template that does not parse, or names a
/// partial the theme does not have, is reported with its file, line and column.
///
/// The syntax is Mustache as hummingbird-project/swift-mustache reads it (sections, inverted
/// sections, partials, `{{<parent}}` with `{{$block}}` overrides, transforms such as
/// `empty(…)`); the end-to-end tests render the default theme with both and compare. inspraak
/// renders with its own walker because swift-mustache's reflection-based lookups took most of a
/// build's time (issue 7).
extension TemplateSet {
    /// The pages a theme must be able to render (a theme that extends `default` inherits them).
    static let required = ["home", "list", "record", "themes", "theme", "councils", "council", "places", "place", "open", "accessibility", "data", "404"]

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
                diagnostics.error(SourceLocation(path: file.path, line: error.line, column: error.column), RenderMessage.templateUnreadable(error.message))
            }
        }
        for (file, reference) in references where theme.templates[reference.name] == nil {
            diagnostics.error(SourceLocation(path: file.path, line: reference.line, column: reference.column),
                              RenderMessage.missingPartial(reference.name, theme: theme.name))
        }
        for name in required where theme.templates[name] == nil {
            diagnostics.error(SourceLocation(path: "themes/\(theme.name)/templates/\(name).mustache"),
                              RenderMessage.missingTemplate(name, theme: theme.name))
        }
        return (diagnostics.hasErrors ? nil : TemplateSet(templates: templates), diagnostics.all)
    }
}
