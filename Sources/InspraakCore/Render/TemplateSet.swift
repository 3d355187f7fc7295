import Mustache

/// The theme's Mustache templates, parsed once; a template that does not parse is reported
/// with its file, line and column.
struct TemplateSet: Sendable {
    /// The pages a theme must be able to render (a theme that extends `default` inherits them).
    static let required = ["home", "list", "record", "themes", "theme", "open", "accessibility", "404"]

    let library: MustacheLibrary

    static func compile(_ theme: ThemeFiles) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var library = MustacheLibrary()
        for name in theme.templates.keys.sorted() {
            let file = theme.templates[name]!
            do {
                library.register(try MustacheTemplate(string: file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let (line, column, message) = TemplateError.explain(error.error, text: file.text, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.error(SourceLocation(path: file.path, line: line, column: column), "this template cannot be read: \(message)")
            } catch {
                diagnostics.error(SourceLocation(path: file.path, line: 1, column: 1), "this template cannot be read: \(error)")
            }
        }
        for name in required where theme.templates[name] == nil {
            diagnostics.error(SourceLocation(path: "themes/\(theme.name)/templates/\(name).mustache"),
                              "the theme `\(theme.name)` has no template `\(name)`; add it or extend the default theme (extends = \"default\" in theme.toml)")
        }
        return (diagnostics.hasErrors ? nil : TemplateSet(library: library), diagnostics.all)
    }

    func render(_ context: [String: Any], template: String) -> String? {
        library.render(context, withTemplate: template)
    }
}
