/// A record file cut in two: the front matter between its fences, and the Markdown body.
public struct FrontMatter: Sendable {
    public enum Format: String, Sendable {
        case yaml
        case toml
    }

    public let format: Format
    /// The text between the fences.
    public let text: String
    /// The file line of the first line of `text`.
    public let firstLine: Int
    public let body: String
    /// The file line of the body's first line.
    public let bodyFirstLine: Int

    /// Splits a record's text. Errors name the line to look at.
    public static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let location = SourceLocation(path: path, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error(location, Message.emptyFile))
        }
        // Walk line by line up to the closing fence only; the body (most of the file) is sliced, not split.
        let utf8 = text.utf8
        func lineEnd(from index: String.Index) -> String.Index { utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        let firstEnd = lineEnd(from: utf8.startIndex)
        let opening = text[utf8.startIndex..<firstEnd].trimmingSpaces()
        let format: Format
        switch opening {
        case "---": format = .yaml
        case "+++": format = .toml
        default:
            return .failure(.error(location, Message.noFrontMatter, hint: Message.noFrontMatterHint))
        }
        guard firstEnd < utf8.endIndex else {
            return .failure(.error(location, Message.unterminatedFrontMatter(opening), hint: Message.unterminatedFrontMatterHint(opening)))
        }
        let frontStart = utf8.index(after: firstEnd)
        var lineStart = frontStart
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            let end = lineEnd(from: lineStart)
            if text[lineStart..<end].trimmingSpaces() == opening {
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return .success(FrontMatter(
                    format: format,
                    text: String(text[frontStart..<lineStart]),
                    firstLine: 2,
                    body: String(text[bodyStart...]),
                    bodyFirstLine: lineNumber + 1
                ))
            }
            lineNumber += 1
            lineStart = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return .failure(.error(location, Message.unterminatedFrontMatter(opening), hint: Message.unterminatedFrontMatterHint(opening)))
    }

    /// Parses the front matter into fields; line numbers are file lines.
    public func fields(path: String) -> Result<FieldTable, Diagnostic> {
        switch format {
        case .yaml: return YAMLFields.parse(text, path: path, firstLine: firstLine)
        case .toml: return TOMLFields.parse(text, path: path, firstLine: firstLine)
        }
    }
}
