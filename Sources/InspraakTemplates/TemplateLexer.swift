/// Splits template text into text, newlines and tags, following `{{=<% %>=}}` delimiter changes,
/// and drops the lines that hold only a standalone tag (the Mustache rule that keeps
/// `{{#section}}` on its own line from leaving a blank line in the output).
struct TemplateLexer {
    enum Sigil: UInt8, Sendable {
        case variable = 0
        case unescaped = 38   // & (and {{{ }}})
        case section = 35     // #
        case inverted = 94    // ^
        case close = 47       // /
        case comment = 33     // !
        case partial = 62     // >
        case parent = 60      // <
        case block = 36       // $
        case delimiters = 61  // =
        case pragma = 37      // %

        /// Tags that may stand alone on a line (and take the line with them).
        var canStandAlone: Bool {
            switch self {
            case .variable, .unescaped: return false
            default: return true
            }
        }
    }

    struct Lexeme {
        enum Kind: Equatable {
            case text
            case newline
            case tag(Sigil)
        }

        let kind: Kind
        /// Text, the newline itself, or the tag's content without sigil, trimmed.
        let bytes: ArraySlice<UInt8>
        let line: Int
        let column: Int
        /// A standalone partial's leading whitespace: the indentation of every line it renders.
        var indentation: ArraySlice<UInt8> = []
    }

    static func lex(_ source: [UInt8]) -> Result<[Lexeme], TemplateSyntaxError> {
        var lexemes: [Lexeme] = []
        var open: [UInt8] = Array("{{".utf8), close: [UInt8] = Array("}}".utf8)
        var index = 0, line = 1, lineStart = 0, textStart = 0

        func column(_ position: Int) -> Int {
            // Characters, not bytes: count UTF-8 lead bytes since the start of the line.
            1 + source[lineStart..<position].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        func flushText(upTo end: Int) {
            if end > textStart {
                lexemes.append(Lexeme(kind: .text, bytes: source[textStart..<end], line: line, column: column(textStart)))
            }
        }

        while index < source.count {
            let byte = source[index]
            if byte == 10 || (byte == 13 && index + 1 < source.count && source[index + 1] == 10) {
                flushText(upTo: index)
                let length = byte == 13 ? 2 : 1
                lexemes.append(Lexeme(kind: .newline, bytes: source[index..<index + length], line: line, column: column(index)))
                index += length
                line += 1
                lineStart = index
                textStart = index
                continue
            }
            guard byte == open[0], source[index...].starts(with: open) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let tagLine = line, tagColumn = column(index)
            var contentStart = index + open.count
            var sigil = Sigil.variable
            var closing = close
            if contentStart < source.count {
                let first = source[contentStart]
                if first == UInt8(ascii: "{") {
                    sigil = .unescaped
                    closing = [UInt8(ascii: "}")] + close
                    contentStart += 1
                } else if let known = Sigil(rawValue: first), known != .variable {
                    sigil = known
                    contentStart += 1
                }
            }
            guard let end = find(closing, in: source, from: contentStart) else {
                return .failure(TemplateSyntaxError(line: tagLine, column: tagColumn,
                                                    message: TemplateMessage.tagNotClosed(String(decoding: open, as: UTF8.self), String(decoding: closing, as: UTF8.self))))
            }
            let content = trim(source[contentStart..<end])
            lexemes.append(Lexeme(kind: .tag(sigil), bytes: content, line: tagLine, column: tagColumn))
            // A tag may span lines (a long comment): keep the line count right.
            for position in index..<end where source[position] == 10 {
                line += 1
                lineStart = position + 1
            }
            index = end + closing.count
            textStart = index
            if sigil == .delimiters {
                guard let (newOpen, newClose) = delimiters(content) else {
                    return .failure(TemplateSyntaxError(line: tagLine, column: tagColumn,
                                                        message: TemplateMessage.badDelimiters))
                }
                open = newOpen
                close = newClose
            }
        }
        flushText(upTo: source.count)
        return .success(removeStandaloneLines(lexemes))
    }

    /// A line of only whitespace and one tag that can stand alone loses its whitespace and
    /// newline; a standalone partial keeps its whitespace as indentation.
    private static func removeStandaloneLines(_ lexemes: [Lexeme]) -> [Lexeme] {
        var result: [Lexeme] = []
        result.reserveCapacity(lexemes.count)
        var lineStart = 0
        while lineStart < lexemes.count {
            var lineEnd = lineStart
            while lineEnd < lexemes.count, lexemes[lineEnd].kind != .newline { lineEnd += 1 }
            let hasNewline = lineEnd < lexemes.count
            let line = lexemes[lineStart..<lineEnd]
            let tags = line.filter { if case .tag = $0.kind { return true } else { return false } }
            let blank = line.allSatisfy { $0.kind != .text || $0.bytes.allSatisfy { $0 == 32 || $0 == 9 } }
            if tags.count == 1, case .tag(let sigil) = tags[0].kind, sigil.canStandAlone, blank {
                var tag = tags[0]
                if let first = line.first, first.kind == .text { tag.indentation = first.bytes }
                result.append(tag)
            } else {
                result.append(contentsOf: line)
                if hasNewline { result.append(lexemes[lineEnd]) }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private static func find(_ needle: [UInt8], in source: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= source.count - needle.count else { return nil }
        var index = start
        while index <= source.count - needle.count {
            if source[index] == needle[0], source[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[first...last]
    }

    /// The same trim for a name the parser takes apart further (after `*` in `{{>*name}}`).
    static func trim(_ text: String) -> String {
        String(decoding: trim(ArraySlice(text.utf8)), as: UTF8.self)
    }

    /// `<% %>=` (the content of `{{=<% %>=}}` after its sigil): the new open and close delimiters.
    private static func delimiters(_ content: ArraySlice<UInt8>) -> ([UInt8], [UInt8])? {
        guard content.last == UInt8(ascii: "=") else { return nil }
        let parts = trim(content.dropLast()).split(whereSeparator: { $0 == 32 || $0 == 9 })
        guard parts.count == 2, !parts[0].contains(UInt8(ascii: "=")), !parts[1].contains(UInt8(ascii: "=")) else { return nil }
        return (Array(parts[0]), Array(parts[1]))
    }
}
