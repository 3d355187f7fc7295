/// A parsed template: what the renderer walks. Text is kept as UTF-8 bytes, names are split
/// and their transforms resolved once, when the theme is loaded.
package indirect enum TemplateNode: Sendable {
    /// Literal text; `endsLine` when it ends with the line's newline (partial indentation
    /// starts again after it).
    case text([UInt8], endsLine: Bool)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with its block overrides; `indentation` is the
    /// whitespace before a partial that stands alone on its line.
    case partial(String, dynamic: Bool, indentation: [UInt8], overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a template that others may extend.
    case block(String, [TemplateNode])
    /// `{{%CONTENT_TYPE: TEXT}}` (no escaping) or `HTML` for the rest of the template.
    case escaping(Bool)
}

/// A name in a tag: `title`, `t.kind.meetings`, `.`, `.title`, `empty(items)`, `first()`.
package struct TemplateName: Sendable {
    enum Root: Sendable {
        /// `.`: the current element.
        case current
        /// `first()`, `index()`…: the position in the enclosing list.
        case position
        /// `.title`: looked up in the current element only.
        case currentOnly
        /// `title`: looked up in the current element, then in each enclosing one.
        case anywhere
    }

    let root: Root
    let path: [TemplateKey]
    /// Applied in this order (the innermost of `a(b(x))` first).
    let transforms: [TemplateTransform]
    /// As written, for matching a close tag and for messages.
    let source: String
}

/// A template that cannot be parsed: where, and what a theme author should change.
package struct TemplateSyntaxError: Error, Sendable {
    package let line: Int
    package let column: Int
    package let message: String
}

/// A partial or parent a template names, checked against the theme once all are parsed.
package struct TemplateReference: Sendable {
    package let name: String
    package let line: Int
    package let column: Int
}
