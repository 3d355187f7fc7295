import CLibYAML

/// YAML front matter into fields, with file lines from libyaml's marks plus the fence offset.
///
/// libyaml's events are read straight into fields. Yams (which wraps the same libyaml) builds
/// a node tree, hashes every mapping's keys and copies nodes on the way: that was over a third
/// of `inspraak check` (issue 7). Duplicate keys, aliases and a front matter that is not a
/// mapping are reported here, with the line and column of the field.
enum YAMLFields {
    /// Deeper nesting is refused as it is read: nodes are read recursively, and thousands of
    /// levels would overflow the stack. Records need four or five.
    static let maximumDepth = 64

    static func parse(_ text: String, path: String, firstLine: Int) -> Result<FieldTable, Diagnostic> {
        if let problem = ControlCharacters.checkWritten(text, path: path, firstLine: firstLine) { return .failure(problem) }
        if let deep = YAMLFlowDepth.firstTooDeep(text, limit: maximumDepth - 1) {
            // The front matter itself is the first level.
            return .failure(.error(SourceLocation(path: path, line: deep.line + firstLine - 1, column: deep.column),
                                   LoadMessage.tooDeep(limit: maximumDepth)))
        }
        var reader = EventReader(path: path, lineOffset: firstLine - 1)
        var text = text
        return text.withUTF8 { bytes in reader.read(bytes) }.flatMap(ControlCharacters.check)
    }

    /// One parse: a libyaml parser over the text, and the fields made from its events.
    private struct EventReader {
        let path: String
        let lineOffset: Int
        var problem: Diagnostic?
        /// The last quoted text that ran over more than one line: when the YAML breaks where
        /// it ends, its opening quote was most likely never closed.
        var lastMultilineQuote: (start: yaml_mark_t, end: yaml_mark_t)?
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

        init(path: String, lineOffset: Int) {
            self.path = path
            self.lineOffset = lineOffset
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(path: path, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
        }

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FieldTable, Diagnostic> {
            self.bytes = bytes
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), LoadMessage.invalidYAML(LoadMessage.outOfMemory)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            if let base = bytes.baseAddress {
                yaml_parser_set_input_string(&parser, base, bytes.count)
            } else {
                var empty: UInt8 = 0
                yaml_parser_set_input_string(&parser, &empty, 0)
            }
            var root: Field?
            // STREAM-START, then DOCUMENT-START and one node (none for empty front matter).
            while true {
                guard var event = next(&parser) else { return .failure(problem!) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT, YAML_DOCUMENT_END_EVENT:
                    continue
                case YAML_STREAM_END_EVENT:
                    break
                default:
                    if root == nil {
                        root = node(from: &event, parser: &parser, depth: 1)
                        if let problem { return .failure(problem) }
                    }
                    continue
                }
                break
            }
            guard let root else {
                return .success(FieldTable(entries: [], location: SourceLocation(path: path, line: lineOffset + 1, column: 1)))
            }
            guard case .table(let table) = root.value else {
                return .failure(.error(root.location, LoadMessage.frontMatterNotMapping))
            }
            return .success(table)
        }

        /// The next event, or nil with `problem` set when the text is not valid YAML.
        mutating func next(_ parser: inout yaml_parser_t) -> yaml_event_t? {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                if problem == nil { problem = diagnostic(parser) }
                return nil
            }
            return event
        }

        /// The node that starts with `event` (already read), with everything inside it; `depth`
        /// counts the lists and sets of fields it stands in, itself included.
        mutating func node(from event: inout yaml_event_t, parser: inout yaml_parser_t, depth: Int) -> Field {
            let here = location(event.start_mark)
            if depth > YAMLFields.maximumDepth, event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT {
                if problem == nil { problem = .error(here, LoadMessage.tooDeep(limit: YAMLFields.maximumDepth)) }
                return Field(.null, at: here)
            }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                if quoted, event.end_mark.line != event.start_mark.line {
                    lastMultilineQuote = (event.start_mark, event.end_mark)
                }
                return Field(plain ? Self.value(ofPlain: text) : .string(text), at: here)
            case YAML_SEQUENCE_START_EVENT:
                var items: [Field] = []
                while problem == nil, var item = next(&parser) {
                    defer { yaml_event_delete(&item) }
                    if item.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(node(from: &item, parser: &parser, depth: depth + 1))
                }
                return Field(.list(items), at: here)
            case YAML_MAPPING_START_EVENT:
                var entries: [FieldTable.Entry] = []
                // A key given twice is found by looking through the few keys before it; a table
                // of them is made only for a long mapping (one per mapping cost 5% of `check`).
                var firstLines: [String: Int] = [:]
                while problem == nil, var keyEvent = next(&parser) {
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let keyLocation = location(keyEvent.start_mark)
                    // A key is the text as written: `True:` is the field `True`, not `true`.
                    let key: String
                    if keyEvent.type == YAML_SCALAR_EVENT {
                        let scalar = keyEvent.data.scalar
                        key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    } else {
                        _ = node(from: &keyEvent, parser: &parser, depth: depth + 1)   // read past it (an alias sets `problem`)
                        key = LoadMessage.keyThatIsNoText
                    }
                    guard problem == nil, var valueEvent = next(&parser) else { break }
                    defer { yaml_event_delete(&valueEvent) }
                    let value = node(from: &valueEvent, parser: &parser, depth: depth + 1)
                    let first: Int?
                    if entries.count < Self.keysLookedThrough {
                        first = entries.first { $0.key == key }?.keyLocation.line
                    } else {
                        if firstLines.isEmpty {
                            for entry in entries where firstLines[entry.key] == nil { firstLines[entry.key] = entry.keyLocation.line }
                        }
                        first = firstLines[key]
                        if first == nil { firstLines[key] = keyLocation.line }
                    }
                    if let first, problem == nil { problem = .error(keyLocation, LoadMessage.givenTwice(key, firstLine: first)) }
                    entries.append(.init(key: key, keyLocation: keyLocation, field: value))
                }
                return Field(.table(FieldTable(entries: entries, location: here)), at: here)
            case YAML_ALIAS_EVENT:
                if problem == nil { problem = .error(here, LoadMessage.yamlAlias) }
                return Field(.null, at: here)
            default:
                return Field(.null, at: here)
            }
        }

        /// How many keys of a mapping are compared one by one before they go into a table.
        static let keysLookedThrough = 16

        /// libyaml's own words for what is wrong, at the place it points to; an unclosed quote
        /// and a control character at their own line.
        func diagnostic(_ parser: yaml_parser_t) -> Diagnostic {
            var text = parser.problem.map { String(cString: $0) } ?? LoadMessage.unknownYAMLProblem
            let context = parser.context.map { String(cString: $0) }
            if parser.error == YAML_READER_ERROR {
                // The reader stops at the first character YAML does not allow.
                let (line, column) = Self.position(ofByte: parser.problem_offset, in: bytes)
                return .error(SourceLocation(path: path, line: line + lineOffset, column: column), LoadMessage.invalidYAML(text))
            }
            if context == "while scanning a quoted scalar" {
                // The text ran to the end of the front matter: point at its opening quote.
                let quote = character(at: parser.context_mark) ?? "\""
                return .error(location(parser.context_mark), LoadMessage.unclosedQuote(quote), hint: LoadMessage.unclosedQuoteHint(quote))
            }
            if let quote = lastMultilineQuote, quote.end.line == parser.problem_mark.line {
                // The text swallowed the lines up to the next quote, and the YAML broke there.
                let mark = character(at: quote.start) ?? "\""
                return .error(location(quote.start), LoadMessage.unclosedQuote(mark), hint: LoadMessage.unclosedQuoteHint(mark))
            }
            if text.hasPrefix("Maximum nesting level") {
                // Yams' bundled libyaml, when it is the one linked, has a limit of its own.
                return .error(location(parser.problem_mark), LoadMessage.tooDeep(limit: YAMLFields.maximumDepth))
            }
            if character(at: parser.problem_mark) == "\t" {
                // libyaml says "cannot start any token"; what the editor did is indent with a tab.
                return .error(location(parser.problem_mark), LoadMessage.yamlTab)
            }
            if let context { text += " (\(context))" }
            return .error(location(parser.problem_mark), LoadMessage.invalidYAML(text), hint: LoadMessage.invalidYAMLHint)
        }

        /// The character a mark points to (libyaml counts lines and columns in characters).
        func character(at mark: yaml_mark_t) -> String? {
            var line = 0
            var start = 0
            while line < Int(mark.line), let newline = bytes[start...].firstIndex(of: 0x0A) {
                start = newline + 1
                line += 1
            }
            guard line == Int(mark.line) else { return nil }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars
            guard Int(mark.column) < text.count else { return nil }
            return String(text[text.index(text.startIndex, offsetBy: Int(mark.column))])
        }

        /// The 1-based line and column (in characters) of a byte offset.
        static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
            let before = bytes[0..<min(offset, bytes.count)]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = bytes[lineStart..<before.endIndex].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return (line, column)
        }

        /// Plain scalars take the types of YAML 1.2's core schema (null, booleans, decimal
        /// integers and decimals); quoted ones are always text. Dates stay text for the model;
        /// YAML 1.1's `yes`/`no`, octal, hex, `1_000` and `.inf` are text too (YAMLOracleTests).
        static func value(ofPlain text: String) -> Field.Value {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .boolean(true)
            case "false", "False", "FALSE": return .boolean(false)
            default: break
            }
            guard let first = text.utf8.first else { return .string(text) }
            let digit = (0x30...0x39).contains(first)
            let sign = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            if digit || sign, let number = Int(text) { return .integer(number) }
            // Digits, signs, `.` and exponents only: Swift's Double(_:) also reads `0x1F`, `-inf`, `nan`.
            if digit || sign || first == UInt8(ascii: "."), text.utf8.allSatisfy(Self.isDecimalByte), let number = Double(text) {
                return .number(number)
            }
            return .string(text)
        }

        static func isDecimalByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
    }
}
