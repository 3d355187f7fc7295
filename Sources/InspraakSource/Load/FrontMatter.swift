#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            return .failure(.error(location, LoadMessage.emptyFile))
        }
        // Walk line by line up to the closing fence only, on the bytes; the body (most of the
        // file) is sliced, not split.
        var bytesOf = text
        return bytesOf.withUTF8 { bytes -> Result<FrontMatter, Diagnostic> in
            func lineEnd(from start: Int) -> Int {
                guard start < bytes.count,
                      let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return bytes.count }
                return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            // Slices of the already checked text: no second UTF-8 check (fences are at line starts).
            func string(_ range: Range<Int>) -> String {
                let utf8 = text.utf8
                return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            let firstEnd = lineEnd(from: 0)
            let opening = string(0..<firstEnd).trimmingSpaces()
            let format: Format
            switch opening {
            case "---": format = .yaml
            case "+++": format = .toml
            default:
                return .failure(.error(location, LoadMessage.noFrontMatter, hint: LoadMessage.noFrontMatterHint))
            }
            guard firstEnd < bytes.count else {
                return .failure(.error(location, LoadMessage.unterminatedFrontMatter(opening), hint: LoadMessage.unterminatedFrontMatterHint(opening)))
            }
            let frontStart = firstEnd + 1
            var lineStart = frontStart
            var lineNumber = 2
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart)
                if isFence(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), opening) {
                    return .success(FrontMatter(
                        format: format,
                        text: string(frontStart..<lineStart),
                        firstLine: 2,
                        body: string(Swift.min(end + 1, bytes.count)..<bytes.count),
                        bodyFirstLine: lineNumber + 1
                    ))
                }
                lineNumber += 1
                lineStart = end + 1
            }
            return .failure(.error(location, LoadMessage.unterminatedFrontMatter(opening), hint: LoadMessage.unterminatedFrontMatterHint(opening)))
        }
    }

    /// Whether a line is the fence (`---` or `+++`), give or take white space around it.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, _ fence: String) -> Bool {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = 0, end = line.count
        while start < end, isSpace(line[start]) { start += 1 }
        while end > start, isSpace(line[end - 1]) { end -= 1 }
        if start < end, line[start] >= 0x80 || line[end - 1] >= 0x80 {
            // White space beyond ASCII (a no-break space): as the Character-level trim sees it.
            return String(decoding: line, as: UTF8.self).trimmingSpaces() == fence
        }
        return line[start..<end].elementsEqual(fence.utf8)
    }

    /// Parses the front matter into fields; line numbers are file lines.
    public func fields(path: String) -> Result<FieldTable, Diagnostic> {
        switch format {
        case .yaml: return YAMLFields.parse(text, path: path, firstLine: firstLine)
        case .toml: return TOMLFields.parse(text, path: path, firstLine: firstLine)
        }
    }
}
