import InspraakTemplates
import InspraakSource
/// One thing an output file is made from: what `inspraak serve` watches to know which outputs
/// an edit affects, and what `build --explain` prints.
public enum OutputInput: Sendable, Hashable, Comparable {
    /// The output shows data of this record (by id): its fields, or what the graph computes for
    /// it (its status, its trail).
    case record(String)
    /// The output only counts this record: in figures and totals, or in choosing which records
    /// come first (its kind, date, themes and status matter, not its title or text).
    case counted(String)
    /// The output only places this record: by its kind, date, themes (and whether a meeting
    /// was cancelled) it decides which page of a list the record lands on, whether a feed
    /// carries it, or the years a calendar covers. Not its status: a new outcome leaves the
    /// output as it was.
    case dated(String)
    /// The record's text (its body, as HTML), which only its own page shows. Its first
    /// paragraph stands in for a missing summary on cards and in feeds: that is `record`.
    case text(String)
    /// A theme (`content/themes/<slug>.md`): its title, description or text appear.
    case theme(String)
    /// A place (`content/places/<slug>.md`): its title, description or text appear.
    case place(String)
    /// A council's file (`content/councils/<slug>.md`), by slug: its title, description,
    /// contact or text appear. A council without a file is made only from its advice.
    case council(String)
    /// A group of settings in site.toml.
    case config(ConfigSection)
    /// A template of the theme, by name; a page depends on its template and on every partial
    /// and parent that template includes, directly or not.
    case template(String)
    /// The theme's UI strings for the site's language (`i18n/<language>.toml`).
    case strings
    /// A file under the theme's `assets/`, by its name there (`site.css`).
    case asset(String)
    /// A file copied as it is (a page bundle's PDF), by its path in the source folder.
    case file(String)
    /// Today (`--now`, else the clock): open and overdue states, "N days", figures, dates stamped.
    case today
}

/// The settings of site.toml in the groups that change different outputs.
public enum ConfigSection: String, Sendable, Hashable, Comparable, CaseIterable {
    /// title, description, base_url, language, timezone, theme.
    case topLevel = ""
    case advice, feedback, feeds, formats, pagination, markdown, search, history, data, woo, organisation

    public static func < (lhs: ConfigSection, rhs: ConfigSection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What one output file is made from.
public struct OutputInputs: Sendable, Equatable {
    /// The file's path under the output folder (`advice/2019-…/index.html`, `feed.xml`).
    public let path: String
    public let inputs: Set<OutputInput>

    public var dependsOnToday: Bool { inputs.contains(.today) }

    /// Records it shows, by id, sorted.
    public var records: [String] { inputs.compactMap { if case .record(let id) = $0 { id } else { nil } }.sorted() }
    /// Records it only counts (and does not show), by id, sorted.
    public var counted: [String] { inputs.compactMap { if case .counted(let id) = $0 { id } else { nil } }.sorted() }
    /// Records it only places by date (and does not show or count), by id, sorted.
    public var dated: [String] { inputs.compactMap { if case .dated(let id) = $0 { id } else { nil } }.sorted() }
}

/// For every file a build writes, what it is made from, and the other way round: which outputs
/// each input reaches. Made only when asked (`OutputPlan.inputs()`), so a build that does not
/// ask pays nothing.
///
/// `serve` re-renders, after an edit, the outputs that `record` reaches for each record whose
/// data changed (the graph is made anew, so a feedback's new outcome also changes the data of
/// the advice it answers), those `counted` reaches when a record's kind, date, themes or
/// status changed, those `dated` reaches when its kind, date or themes changed, and every
/// output whose inputs in a new map differ from the old one (a new record moves others
/// between list pages).
public struct DependencyMap: Sendable {
    /// Every output, sorted by path.
    public let outputs: [OutputInputs]
    /// Where records, themes, templates and assets come from, for people: `content/advice/2019-….md`.
    public let sources: [OutputInput: String]
    /// The template that draws each page, by output path.
    let pageTemplates: [String: String]
    /// How many records the site has.
    let recordCount: Int
    private let index: [String: Int]
    /// The outputs of each record's text and each copied file: few, and asked for after every
    /// edit to a text (`serve`).
    private let fewDependents: [OutputInput: [String]]

    init(_ outputs: [OutputInputs], sources: [OutputInput: String], pageTemplates: [String: String], recordCount: Int) {
        self.outputs = outputs.sorted { $0.path.precedesInUTF8($1.path) }
        self.sources = sources
        self.pageTemplates = pageTemplates
        self.recordCount = recordCount
        index = Dictionary(self.outputs.enumerated().map { ($1.path, $0) }) { first, _ in first }
        var few: [OutputInput: [String]] = [:]
        for output in self.outputs {
            for input in output.inputs {
                switch input {
                case .text, .file: few[input, default: []].append(output.path)
                default: break
                }
            }
        }
        fewDependents = few
    }

    /// The outputs made from a record's text or a copied file (`.text`, `.file`), sorted by
    /// path; nil for any other input.
    func outputs(madeFrom input: OutputInput) -> [String]? {
        switch input {
        case .text, .file: return fewDependents[input] ?? []
        default: return nil
        }
    }

    /// What the output at `path` (exactly as in the output folder) is made from.
    public func inputs(of path: String) -> OutputInputs? {
        index[path].map { outputs[$0] }
    }

    /// The inverse: each input with the outputs made from it, sorted by path.
    public func dependents() -> [OutputInput: [String]] {
        var dependents: [OutputInput: [String]] = [:]
        for output in outputs {
            for input in output.inputs { dependents[input, default: []].append(output.path) }
        }
        return dependents
    }

    /// The outputs made from `input`, sorted by path.
    public func outputs(dependingOn input: OutputInput) -> [String] {
        outputs.filter { $0.inputs.contains(input) }.map(\.path)
    }

    /// The output a person means by `written`: with or without a leading `/`, with or without
    /// `index.html` (`themes/wonen`, `/themes/wonen/`, `themes/wonen/index.html`).
    public func output(named written: String) -> String? {
        var path = Substring(written)
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        let candidates = [String(path), path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path + "/index.html"]
        return candidates.first { index[$0] != nil }
    }

    /// The existing output nearest to a path that does not exist, for "did you mean": pages
    /// compared as folders (`themes/wonen/`), so `index.html` neither helps nor hurts.
    public func closest(to written: String) -> String? {
        let asPage = { (path: Substring) -> Substring in path.hasSuffix("/index.html") || path == "index.html" ? path.dropLast("index.html".count) : path }
        var wanted = asPage(written.drop { $0 == "/" })
        if !wanted.isEmpty, !wanted.hasSuffix("/"), !(wanted.split(separator: "/").last?.contains(".") ?? false) { wanted += "/" }
        var best: (distance: Int, path: String)?
        for output in outputs {
            let distance = EditDistance.between(String(wanted), String(asPage(Substring(output.path))))
            if best == nil || distance < best!.distance { best = (distance, output.path) }
        }
        return best?.path
    }
}
