import Foundation
import Mustache

/// A Mustache parse error in words a theme author understands, at the tag that causes it.
enum TemplateError {
    struct Tag {
        let sigil: Character?
        let name: String
        let line: Int
        let column: Int
    }

    static func explain(_ error: Error, text: String, line: Int, column: Int) -> (line: Int, column: Int, message: String) {
        let tags = scan(text)
        let opening: Set<Character> = ["#", "^", "$", "<"]
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            // The close tag on the error line, and what was still open when it came.
            var stack: [Tag] = []
            for tag in tags {
                if let sigil = tag.sigil, opening.contains(sigil) { stack.append(tag); continue }
                guard tag.sigil == "/" else { continue }
                if let top = stack.last, top.name == tag.name { stack.removeLast(); continue }
                if let open = stack.last {
                    return (tag.line, tag.column,
                            "`{{/\(tag.name)}}` closes `\(tag.name)`, but the section `{{\(open.sigil.map(String.init) ?? "#")\(open.name)}}` from line \(open.line) is still open (add `{{/\(open.name)}}` before it)")
                }
                return (tag.line, tag.column, "`{{/\(tag.name)}}` closes a section that was never opened")
            }
            return (line, column, "a section is closed with the wrong name")
        case MustacheTemplate.Error.expectedSectionEnd:
            var stack: [Tag] = []
            for tag in tags {
                if let sigil = tag.sigil, opening.contains(sigil) { stack.append(tag) }
                else if tag.sigil == "/", stack.last?.name == tag.name { stack.removeLast() }
            }
            if let open = stack.last {
                return (open.line, open.column, "the section `{{\(open.sigil.map(String.init) ?? "#")\(open.name)}}` is never closed (add `{{/\(open.name)}}`)")
            }
            return (line, column, "a section is never closed")
        case MustacheTemplate.Error.unfinishedName:
            return (line, column, "a tag that starts with `{{` is not closed with `}}`")
        case MustacheTemplate.Error.invalidSetDelimiter:
            return (line, column, "the set-delimiter tag `{{=<% %>=}}` is malformed")
        case MustacheTemplate.Error.textInsideInheritSection, MustacheTemplate.Error.illegalTokenInsideInheritSection:
            return (line, column, "inside `{{<parent}}` only block overrides `{{$name}}…{{/name}}` may stand")
        case MustacheTemplate.Error.transformAppliedToInheritanceSection:
            return (line, column, "a transform such as `empty(…)` cannot be applied to `{{<parent}}` or `{{$block}}`")
        default:
            return (line, column, "\(error)")
        }
    }

    /// Every `{{…}}` tag with its sigil, name and position.
    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "{", text[index...].hasPrefix("{{"), let end = text[index...].range(of: "}}") {
                var inner = text[text.index(index, offsetBy: 2)..<end.lowerBound].trimmingSpaces()
                var sigil: Character?
                if let first = inner.first, "#^$</>!&{=".contains(first) {
                    sigil = first
                    inner = String(inner.dropFirst()).trimmingSpaces()
                }
                tags.append(Tag(sigil: sigil, name: inner, line: line, column: column))
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }
}
