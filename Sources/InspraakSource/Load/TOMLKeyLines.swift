/// Where each key and each array entry of a TOML text stands: toml++ does not hand positions
/// back, so we read the structure ourselves. Paths run from the top, with array entries by
/// index: `advice.response_days`, `responds_to.1` (the entry), `responds_to.1.outcome` (a key in
/// an inline table or in a `[[responds_to]]` table), so a message points at the entry's own line.
///
/// The same pass measures how deep the text nests, before toml++ (and our conversion, which
/// recurses) sees it: a dotted key of thousands of parts would overflow the stack.
/// It is lenient: on text that is not valid TOML it just stops somewhere sensible, and
/// toml++ says what is wrong.
struct TOMLKeyLines {
    private(set) var lines: [[String]: (line: Int, column: Int)] = [:]
    /// Where the text first nests deeper than `maximumDepth`, if it does.
    private(set) var tooDeep: (line: Int, column: Int)?

    static let maximumDepth = 64

    init(_ text: String, firstLine: Int) {
        var scanner = Scanner(Array(text.unicodeScalars), firstLine: firstLine)
        scanner.scanDocument()
        lines = scanner.lines
        tooDeep = scanner.tooDeep
    }

    func location(of path: [String], in file: String, fallback: Int) -> SourceLocation {
        var path = path
        while !path.isEmpty {
            if let found = lines[path] {
                return SourceLocation(path: file, line: found.line, column: found.column)
            }
            path.removeLast()
        }
        return SourceLocation(path: file, line: fallback, column: 1)
    }

    /// A cursor over the text that knows its line and column.
    private struct Scanner {
        let text: [Unicode.Scalar]
        var index = 0
        var line: Int
        var column = 1
        var lines: [[String]: (line: Int, column: Int)] = [:]
        var tooDeep: (line: Int, column: Int)?
        /// The `[table]` the following keys belong to.
        var table: [String] = []
        /// How many `[[name]]` tables each array of tables has had so far.
        var arrayCounts: [[String]: Int] = [:]

        init(_ text: [Unicode.Scalar], firstLine: Int) {
            self.text = text
            self.line = firstLine
        }

        var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }

        mutating func advance() {
            guard index < text.count else { return }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        mutating func note(_ path: [String], at position: (line: Int, column: Int)) {
            if lines[path] == nil { lines[path] = position }
        }

        /// Records a path's position unless it is too deep; false (and stop) when it is.
        mutating func allow(_ path: [String], at position: (line: Int, column: Int)) -> Bool {
            guard path.count <= TOMLKeyLines.maximumDepth else {
                if tooDeep == nil { tooDeep = position }
                return false
            }
            return true
        }

        /// Spaces and tabs; with `lines`, also line breaks and comments (inside arrays).
        mutating func skipBlank(lines: Bool) {
            while let scalar = current {
                if scalar == " " || scalar == "\t" || scalar == "\r" {
                    advance()
                } else if lines, scalar == "\n" {
                    advance()
                } else if lines, scalar == "#" {
                    skipToLineEnd()
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while let scalar = current, scalar != "\n" { advance() }
        }

        mutating func scanDocument() {
            while current != nil, tooDeep == nil {
                skipBlank(lines: true)
                guard let scalar = current else { return }
                let start = (line, column)
                if scalar == "[" {
                    scanHeader(at: start)
                } else {
                    let before = index
                    let key = scanKey()
                    let path = table + key
                    guard allow(path, at: start) else { return }
                    guard !key.isEmpty, current == "=" else {
                        // Not a `key = value` line: toml++ will say what it is.
                        if index == before { advance() }
                        skipToLineEnd()
                        continue
                    }
                    for length in (table.count + 1)...path.count { note(Array(path.prefix(length)), at: start) }
                    advance()
                    scanValue(path)
                }
                skipBlank(lines: false)
                if current == "#" { skipToLineEnd() }
                // Whatever else is left on the line is toml++'s to report.
                skipToLineEnd()
            }
        }

        /// `[name]` or `[[name]]`; entries of arrays of tables get their index.
        mutating func scanHeader(at start: (line: Int, column: Int)) {
            advance()
            let isArray = current == "["
            if isArray { advance() }
            skipBlank(lines: false)
            let name = scanKey()
            guard allow(name, at: start), !name.isEmpty else { return }
            // A table under an array of tables belongs to its latest entry (`[[a]]` then `[a.b]`).
            var resolved: [String] = []
            for (offset, part) in name.enumerated() {
                resolved.append(part)
                if offset < name.count - 1, let count = arrayCounts[Array(name.prefix(offset + 1))] {
                    resolved.append(String(count - 1))
                }
            }
            if isArray {
                let count = arrayCounts[name, default: 0]
                arrayCounts[name] = count + 1
                note(resolved, at: start)
                resolved.append(String(count))
            }
            guard allow(resolved, at: start) else { return }
            note(resolved, at: start)
            table = resolved
            while let scalar = current, scalar == "]" { advance() }
        }

        /// A bare, quoted or dotted key, as its parts; stops before `=`, `]` or anything else.
        mutating func scanKey() -> [String] {
            var parts: [String] = []
            while current != nil {
                skipBlank(lines: false)
                guard let first = current else { break }
                if first == "\"" || first == "'" {
                    parts.append(scanQuotedKey(first))
                } else {
                    var part = ""
                    while let bare = current, Self.isBare(bare) {
                        part.unicodeScalars.append(bare)
                        advance()
                    }
                    guard !part.isEmpty else { break }
                    parts.append(part)
                }
                if parts.count > TOMLKeyLines.maximumDepth { return parts }
                skipBlank(lines: false)
                guard current == "." else { break }
                advance()
            }
            return parts
        }

        static func isBare(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
            default: return false
            }
        }

        mutating func scanQuotedKey(_ quote: Unicode.Scalar) -> String {
            advance()
            var key = ""
            while let scalar = current, scalar != quote, scalar != "\n" {
                if quote == "\"", scalar == "\\", let escaped = peek(1) {
                    advance()
                    key.unicodeScalars.append(escaped == "\"" || escaped == "\\" ? escaped : scalar)
                    if escaped != "\"" && escaped != "\\" { key.unicodeScalars.append(escaped) }
                } else {
                    key.unicodeScalars.append(scalar)
                }
                advance()
            }
            if current == quote { advance() }
            return key
        }

        /// Skips a string of any of TOML's four kinds.
        mutating func skipString() {
            guard let quote = current else { return }
            let triple = peek(1) == quote && peek(2) == quote
            if triple {
                advance(); advance(); advance()
                while let scalar = current {
                    if quote == "\"", scalar == "\\" { advance(); advance(); continue }
                    if scalar == quote, peek(1) == quote, peek(2) == quote {
                        advance(); advance(); advance()
                        // Up to two more quotes may belong to the text (`""""` ends with one).
                        while current == quote { advance() }
                        return
                    }
                    advance()
                }
                return
            }
            advance()
            while let scalar = current, scalar != quote, scalar != "\n" {
                if quote == "\"", scalar == "\\" { advance() }
                advance()
            }
            if current == quote { advance() }
        }

        /// An open array or inline table, with the path of its entries.
        enum Frame {
            case array(path: [String], count: Int)
            case inlineTable(path: [String])
        }

        /// One value with everything inside it, without recursion: arrays and inline tables
        /// are a stack of frames.
        mutating func scanValue(_ keyPath: [String]) {
            var frames: [Frame] = []
            var path = keyPath
            while true {
                // A value starts here, at `path`.
                skipBlank(lines: !frames.isEmpty)
                guard let scalar = current else { return }
                let start = (line, column)
                guard allow(path, at: start) else { return }
                note(path, at: start)
                var opened = false
                switch scalar {
                case "[":
                    advance()
                    frames.append(.array(path: path, count: 0))
                    opened = true
                case "{":
                    advance()
                    frames.append(.inlineTable(path: path))
                    opened = true
                case "\"", "'":
                    skipString()
                default:
                    while let next = current, !["\n", ",", "]", "}", "#"].contains(next) { advance() }
                }
                // After a value (or just inside an opened one): find where the next value starts.
                var nextPath: [String]?
                var justOpened = opened
                while nextPath == nil {
                    guard let frame = frames.last else { return }
                    switch frame {
                    case .array(let arrayPath, let count):
                        skipBlank(lines: true)
                        guard let next = current else { return }
                        if next == "]" {
                            advance()
                            frames.removeLast()
                        } else if justOpened {
                            nextPath = arrayPath + ["0"]
                        } else if next == "," {
                            advance()
                            skipBlank(lines: true)
                            if current == "]" { continue }
                            frames[frames.count - 1] = .array(path: arrayPath, count: count + 1)
                            nextPath = arrayPath + [String(count + 1)]
                        } else {
                            advance()
                        }
                    case .inlineTable(let tablePath):
                        skipBlank(lines: false)
                        guard let next = current else { return }
                        if next == "}" {
                            advance()
                            frames.removeLast()
                        } else if justOpened || next == "," {
                            if !justOpened { advance() }
                            skipBlank(lines: false)
                            justOpened = false
                            if current == "}" { continue }
                            let keyStart = (line, column)
                            let before = index
                            let key = scanKey()
                            let full = tablePath + key
                            guard allow(full, at: keyStart) else { return }
                            guard !key.isEmpty, current == "=" else {
                                if index == before { advance() }
                                continue
                            }
                            for length in (tablePath.count + 1)...full.count { note(Array(full.prefix(length)), at: keyStart) }
                            advance()
                            nextPath = full
                        } else if next == "\n" {
                            return
                        } else {
                            advance()
                        }
                    }
                    justOpened = false
                }
                path = nextPath!
            }
        }
    }
}
