import Yams

/// YAML front matter into fields, with file lines from libyaml's marks plus the fence offset.
enum YAMLFields {
    static func parse(_ text: String, path: String, firstLine: Int) -> Result<FieldTable, Diagnostic> {
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        let node: Node?
        do {
            // `.basic` skips Yams' regex tag resolution (slow, per scalar); `value(of:)` types plain scalars itself.
            // An explicit encoding: the default reads the whole process environment on every parse.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            if let duplicate = duplicateKey(in: "\(error)", text: text, path: path, firstLine: firstLine) {
                return .failure(duplicate)
            }
            return .failure(diagnostic(for: error, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(start, Message.invalidYAML("\(error)")))
        }
        guard let node else {
            return .success(FieldTable(entries: [], location: start))
        }
        var converter = Converter(path: path, lineOffset: firstLine - 1)
        let field = converter.field(node)
        if let problem = converter.problem { return .failure(problem) }
        guard case .table(let table) = field.value else {
            return .failure(.error(field.location, Message.frontMatterNotMapping))
        }
        return .success(table)
    }

    /// Yams refuses duplicate keys with a message that dumps the whole front matter; say instead
    /// which field is given twice, at its second line.
    private static func duplicateKey(in message: String, text: String, path: String, firstLine: Int) -> Diagnostic? {
        guard message.contains("duplicated key"), let open = message.range(of: "key(s): '"),
              let close = message[open.upperBound...].firstIndex(of: "'") else { return nil }
        let key = String(message[open.upperBound..<close])
        var seen: [Int: Int] = [:]   // indentation → first line
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            var rest = line.dropFirst(indent)
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
            guard rest.hasPrefix(key + ":") else { continue }
            let column = line.count - rest.count + 1
            if let first = seen[column] {
                return .error(SourceLocation(path: path, line: offset + firstLine, column: column), Message.givenTwice(key, firstLine: first))
            }
            seen[column] = offset + firstLine
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> Diagnostic {
            var text = problem
            if let context { text += " (\(context.text))" }
            let location = SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
            return .error(location, Message.invalidYAML(text), hint: Message.invalidYAMLHint)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, mark, context)
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine, column: 1), Message.invalidYAML(problem))
        default:
            return .error(SourceLocation(path: path, line: firstLine, column: 1), Message.invalidYAML("\(error)"))
        }
    }

    private struct Converter {
        let path: String
        let lineOffset: Int
        var problem: Diagnostic?

        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
            return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }

        mutating func field(_ node: Node) -> Field {
            let here = location(node.mark)
            switch node {
            case .scalar(let scalar):
                return Field(Self.value(of: scalar), at: here)
            case .sequence(let sequence):
                return Field(.list(sequence.map { field($0) }), at: here)
            case .mapping(let mapping):
                var entries: [FieldTable.Entry] = []
                var seen = Set<String>()
                for (keyNode, valueNode) in mapping {
                    let key = keyNode.scalar?.string ?? "\(keyNode)"
                    let keyLocation = location(keyNode.mark)
                    if !seen.insert(key).inserted, problem == nil {
                        problem = .error(keyLocation, Message.duplicateKey(key))
                    }
                    entries.append(.init(key: key, keyLocation: keyLocation, field: field(valueNode)))
                }
                return Field(.table(FieldTable(entries: entries, location: here)), at: here)
            case .alias:
                if problem == nil { problem = .error(here, Message.yamlAlias) }
                return Field(.null, at: here)
            }
        }

        /// Plain scalars take YAML's types; quoted ones are always text.
        static func value(of scalar: Node.Scalar) -> Field.Value {
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            let text = scalar.string
            if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
            if ["true", "True", "TRUE"].contains(text) { return .boolean(true) }
            if ["false", "False", "FALSE"].contains(text) { return .boolean(false) }
            if let number = Int(text) { return .integer(number) }
            if text.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true, let number = Double(text) {
                return .number(number)
            }
            return .string(text)
        }
    }
}
