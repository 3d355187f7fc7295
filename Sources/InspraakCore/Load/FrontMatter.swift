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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        let opening = lines.removeFirst().trimmingSpaces()
        let format: Format
        switch opening {
        case "---": format = .yaml
        case "+++": format = .toml
        default:
            return .failure(.error(location, Message.noFrontMatter, hint: Message.noFrontMatterHint))
        }
        let fence = opening
        var frontLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines.removeFirst()
            lineNumber += 1
            if line.trimmingSpaces() == fence {
                let body = lines.joined(separator: "\n")
                return .success(FrontMatter(
                    format: format,
                    text: frontLines.joined(separator: "\n") + "\n",
                    firstLine: 2,
                    body: body,
                    bodyFirstLine: lineNumber + 1
                ))
            }
            frontLines.append(line)
        }
        return .failure(.error(location, Message.unterminatedFrontMatter(fence), hint: Message.unterminatedFrontMatterHint(fence)))
    }

    /// Parses the front matter into fields; line numbers are file lines.
    public func fields(path: String) -> Result<FieldTable, Diagnostic> {
        switch format {
        case .yaml: return YAMLFields.parse(text, path: path, firstLine: firstLine)
        case .toml: return TOMLFields.parse(text, path: path, firstLine: firstLine)
        }
    }
}
