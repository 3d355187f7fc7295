import InspraakTemplates
import InspraakSource
/// Which templates each template includes (partials and parents), directly or not, read from
/// the parsed templates: a page depends on every one of them.
struct TemplateIncludes: Sendable {
    /// Each template's direct partials and parents.
    private let direct: [String: Set<String>]

    init(_ theme: ThemeFiles) {
        var direct: [String: Set<String>] = [:]
        for (name, file) in theme.templates {
            if case .success(let parsed) = TemplateParser.parse(file.text) { direct[name] = Set(parsed.references.map(\.name)) }
        }
        self.direct = direct
    }

    /// `name` and everything it includes, sorted.
    func closure(of name: String) -> [String] {
        var seen: Set<String> = [name]
        var waiting = [name]
        while let next = waiting.popLast() {
            for included in direct[next] ?? [] where seen.insert(included).inserted { waiting.append(included) }
        }
        return seen.sorted()
    }
}
