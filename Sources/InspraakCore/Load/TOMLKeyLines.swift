/// Where each key of a TOML text stands: toml++ does not hand positions back, so we read
/// the lines ourselves. Keys are dotted paths from the top ("advice.response_days");
/// keys in arrays of tables get the index ("input.0.text") only when written as `[[input]]`.
struct TOMLKeyLines {
    private(set) var lines: [String: (line: Int, column: Int)] = [:]

    init(_ text: String, firstLine: Int) {
        var table: [String] = []
        var arrayCounts: [String: Int] = [:]
        var lineNumber = firstLine - 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[[") , let close = line.range(of: "]]") {
                let name = Self.key(String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound]))
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                table = name.split(separator: ".").map(String.init) + [String(index)]
                lines[name] = lines[name] ?? (lineNumber, 1)
                lines[table.joined(separator: ".")] = (lineNumber, 1)
                continue
            }
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                let name = Self.key(String(line[line.index(after: line.startIndex)..<close]))
                table = name.split(separator: ".").map(String.init)
                lines[name] = (lineNumber, 1)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = Self.key(String(line[..<equals]))
            guard !key.isEmpty else { continue }
            let column = (raw.firstIndex { !$0.isWhitespace }.map { raw.distance(from: raw.startIndex, to: $0) } ?? 0) + 1
            let path = (table + [key]).joined(separator: ".")
            if lines[path] == nil { lines[path] = (lineNumber, column) }
        }
    }

    /// A bare, quoted or dotted key, normalised to `a.b`.
    private static func key(_ text: String) -> String {
        text.split(separator: ".").map { part in
            var trimmed = part.trimmingSpaces()
            if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
                trimmed = String(trimmed.dropFirst().dropLast())
            }
            return trimmed
        }.joined(separator: ".")
    }

    func location(of path: [String], in file: String, fallback: Int) -> SourceLocation {
        var path = path
        while !path.isEmpty {
            if let found = lines[path.joined(separator: ".")] {
                return SourceLocation(path: file, line: found.line, column: found.column)
            }
            path.removeLast()
        }
        return SourceLocation(path: file, line: fallback, column: 1)
    }
}
