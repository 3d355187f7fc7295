/// What the template engine says about a template it cannot parse, for theme authors.
enum TemplateMessage {
    static func tagNotClosed(_ open: String, _ close: String) -> String { "a tag that starts with `\(open)` is not closed with `\(close)`" }
    static let badDelimiters = "the set-delimiter tag must look like `{{=<% %>=}}`: two delimiters without spaces in them, between `=` signs"
    static func onlyOverridesInParent(_ parent: String) -> String {
        "inside `{{<\(parent)}}` only block overrides `{{$name}}…{{/name}}` may stand"
    }
    static func unknownPragma(_ content: String) -> String {
        "`{{%\(content)}}` is not a pragma inspraak knows; use `{{%CONTENT_TYPE: TEXT}}` or `{{%CONTENT_TYPE: HTML}}`"
    }
    static func notATemplateName(_ content: String, parent: Bool) -> String {
        "`{{\(parent ? "<" : ">")\(content)}}` does not name a template; a template name has letters, digits, `-`, `_`, `.` and `/`"
    }
    static func transformOnBlock(_ content: String) -> String {
        "a transform such as `empty(…)` cannot be applied to a block `{{$\(content)}}`"
    }
    static func notABlockName(_ content: String) -> String { "`{{$\(content)}}` is not a block name; a name has letters, digits, `-` and `_`" }
    static func closesNothing(_ content: String) -> String { "`{{/\(content)}}` closes a section that was never opened" }
    /// `open` is the open tag's sigil and name (`#items`), `name` its name alone.
    static func closesWrongSection(_ content: String, open: String, line: Int, name: String) -> String {
        "`{{/\(content)}}` closes `\(content)`, but the section `{{\(open)}}` from line \(line) is still open (add `{{/\(name)}}` before it)"
    }
    static func neverClosed(_ open: String, name: String) -> String { "the section `{{\(open)}}` is never closed (add `{{/\(name)}}`)" }
    static func missingClosingParenthesis(_ source: String) -> String { "`\(source)` is missing a closing `)`" }
    static func unknownTransform(_ function: String, in source: String, known: [String]) -> String {
        "`\(function)` in `{{\(source)}}` is not a transform; the transforms are \(known.map { "`\($0)`" }.joined(separator: ", "))"
    }
    static func strayClosingParenthesis(_ source: String) -> String { "`\(source)` has a `)` without its `(`" }
    static func notALookupName(_ source: String) -> String {
        "`{{\(source)}}` is not a name a template can look up; a name has letters, digits, `-`, `_` and `.` between parts"
    }
    static let emptyTag = "a tag `{{}}` needs a name"
}
