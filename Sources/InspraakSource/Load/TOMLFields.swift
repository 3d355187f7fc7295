import TOMLKit

/// TOML (front matter or site.toml) into fields. Positions come from `TOMLKeyLines`.
enum TOMLFields {
    static func parse(_ text: String, path: String, firstLine: Int) -> Result<FieldTable, Diagnostic> {
        if let problem = ControlCharacters.checkWritten(text, path: path, firstLine: firstLine) { return .failure(problem) }
        // Measured before toml++ parses: it and the conversion below recurse per level.
        let lines = TOMLKeyLines(text, firstLine: firstLine)
        if let deep = lines.tooDeep {
            return .failure(.error(SourceLocation(path: path, line: deep.line, column: deep.column),
                                   LoadMessage.tooDeep(limit: TOMLKeyLines.maximumDepth)))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failure(explain(error, text: text, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine), LoadMessage.invalidTOML("\(error)")))
        }
        let converter = Converter(path: path, lines: lines, firstLine: firstLine)
        return ControlCharacters.check(converter.table(table, at: []))
    }

    /// toml++'s message, made readable where we can tell what happened.
    static func explain(_ error: TOMLParseError, text: String, path: String, firstLine: Int) -> Diagnostic {
        let line = error.source.begin.line
        var column = max(error.source.begin.column, 1)
        var problem = error.description
        var hint = LoadMessage.invalidTOMLHint
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if problem.contains("parsing string"), lines.indices.contains(line - 1) {
            // An opening quote without its closing quote on the same line.
            let source = lines[line - 1]
            var open: Int?
            for (offset, character) in source.enumerated() where character == "\"" {
                open = open == nil ? offset : nil
            }
            if let open { column = open + 1 }
            problem = LoadMessage.tomlTextNotClosed
            hint = LoadMessage.unclosedTextHint
        } else if problem.contains("could not determine value type") {
            problem = LoadMessage.tomlValueOfNoType
        } else if problem.hasPrefix("Error while parsing ") {
            problem = String(problem.dropFirst("Error while parsing ".count))
        }
        let location = SourceLocation(path: path, line: line + firstLine - 1, column: column)
        return .error(location, LoadMessage.invalidTOML(problem), hint: hint)
    }

    private struct Converter {
        let path: String
        let lines: TOMLKeyLines
        let firstLine: Int

        func location(_ keyPath: [String]) -> SourceLocation {
            lines.location(of: keyPath, in: path, fallback: firstLine)
        }

        func table(_ table: TOMLTable, at keyPath: [String]) -> FieldTable {
            let entries = table.keys.compactMap { key -> FieldTable.Entry? in
                guard let value = table[key] else { return nil }
                let here = location(keyPath + [key])
                return FieldTable.Entry(key: key, keyLocation: here, field: field(value, at: keyPath + [key]))
            }
            // toml++ keeps keys in its own order; the file's order reads better in messages.
            let ordered = entries.enumerated().sorted {
                ($0.element.keyLocation.line, $0.offset) < ($1.element.keyLocation.line, $1.offset)
            }.map(\.element)
            return FieldTable(entries: ordered, location: location(keyPath))
        }

        func field(_ value: TOMLValueConvertible, at keyPath: [String]) -> Field {
            let here = location(keyPath)
            switch value.type {
            case .string: return Field(.string(value.string ?? ""), at: here)
            case .int: return Field(.integer(value.int ?? 0), at: here)
            case .double: return Field(.number(value.double ?? 0), at: here)
            case .bool: return Field(.boolean(value.bool ?? false), at: here)
            case .date:
                guard let date = value.date else { return Field(.null, at: here) }
                return Field(.string(Self.text(date)), at: here)
            case .time:
                guard let time = value.time else { return Field(.null, at: here) }
                return Field(.string(Self.text(time)), at: here)
            case .dateTime:
                guard let dateTime = value.dateTime else { return Field(.null, at: here) }
                var text = Self.text(dateTime.date) + "T" + Self.text(dateTime.time)
                if let offset = dateTime.offset {
                    let minutes = offset.offset
                    let sign = minutes < 0 ? "-" : "+"
                    text += sign + Self.two(abs(minutes) / 60) + ":" + Self.two(abs(minutes) % 60)
                }
                return Field(.string(text), at: here)
            case .array:
                guard let array = value.array else { return Field(.list([]), at: here) }
                let items = array.enumerated().map { index, element in
                    field(element, at: keyPath + [String(index)])
                }
                return Field(.list(items), at: here)
            case .table:
                guard let nested = value.table else { return Field(.null, at: here) }
                return Field(.table(table(nested, at: keyPath)), at: here)
            }
        }

        static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

        static func text(_ date: TOMLDate) -> String {
            let year = String(date.year)
            return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
        }

        static func text(_ time: TOMLTime) -> String {
            two(time.hour) + ":" + two(time.minute) + ":" + two(time.second)
        }
    }
}
