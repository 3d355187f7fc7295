import Foundation
import InspraakSource

/// `inspraak new`: a correct skeleton record with a valid id, so an editor starts from something
/// that already checks, with short comments on each field in the site's language.
public struct NewRecord: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case meeting, advice, feedback, theme

        var folder: String {
            switch self {
            case .meeting: return "meetings"
            case .advice: return "advice"
            case .feedback: return "feedback"
            case .theme: return "themes"
            }
        }
    }

    public var kind: Kind
    public var title: String
    public var date: Day
    public var themes: [String] = []
    public var respondsTo: [String] = []

    public init(kind: Kind, title: String, date: Day) {
        self.kind = kind
        self.title = title
        self.date = date
    }

    /// `2025-03-04-thematafel-mantelzorg`; a theme's id is its folded title alone.
    public var id: String {
        let folded = RecordID.folded(title)
        return kind == .theme ? folded : "\(date.iso)-\(folded)"
    }

    public var path: String { "content/\(kind.folder)/\(id).md" }

    /// Writes the skeleton into the site `site` was read from (`SiteBuild.analysis`, as of the
    /// day whose open items a feedback answers); never overwrites. Returns the path written.
    public func write(into site: SiteAnalysis) -> Result<String, Diagnostic> {
        let source = site.source
        let location = SourceLocation(path: path)
        // A line break would end the title's line and could end the front matter (`---`).
        guard !title.unicodeScalars.contains(where: Self.breaksTheLine) else {
            return .failure(.error(SourceLocation(path: "title"), ScaffoldMessage.newTitleNotOneLine))
        }
        guard !RecordID.folded(title).isEmpty else {
            return .failure(.error(location, ScaffoldMessage.newTitleWithoutLetters))
        }
        let target = source.appendingPathComponent(path)
        let bundle = source.appendingPathComponent("content/\(kind.folder)/\(id)/index.md")
        if FileManager.default.fileExists(atPath: target.path) || FileManager.default.fileExists(atPath: bundle.path) {
            return .failure(.error(location, ScaffoldMessage.newRecordExists))
        }
        if let unknown = unknownTheme(known: site.themeNames) { return .failure(unknown) }
        let text: String
        switch contents(site, language: site.config?.language ?? "nl") {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let written): text = written
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            return .failure(.error(location, ScaffoldMessage.newRecordNotWritten(error.localizedDescription)))
        }
        return .success(path)
    }

    /// Control characters (line breaks, tabs, …) and the Unicode line and paragraph separators.
    private static func breaksTheLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The first `--theme` that is not one of the site's themes (the files in content/themes),
    /// with the closest one as a suggestion.
    private func unknownTheme(known: [String]) -> Diagnostic? {
        guard kind != .theme, !themes.isEmpty else { return nil }
        guard let unknown = themes.first(where: { !known.contains($0) }) else { return nil }
        return .error(SourceLocation(path: "--theme"), ScaffoldMessage.newUnknownTheme(unknown, known: known),
                      hint: Message.didYouMean(unknown, among: known))
    }

    private func contents(_ site: SiteAnalysis, language: String) -> Result<String, Diagnostic> {
        let nl = language == "nl"
        func comment(_ dutch: String, _ english: String) -> String { "  # " + (nl ? dutch : english) }
        let themeList = "[" + themes.map(YAMLText.scalar).joined(separator: ", ") + "]"
        var lines = ["---", "title: \(YAMLText.doubleQuoted(title))"]
        switch kind {
        case .theme:
            lines += [
                "description: \"\"" + comment("één zin: waar gaat dit thema over?", "one sentence: what is this theme about?"),
                "order: 10" + comment("volgorde in de lijst met thema's", "position in the list of themes"),
                "---", "", nl ? "Een korte inleiding op het thema." : "A short introduction to the theme.", "",
            ]
        case .meeting:
            lines += [
                "date: \(date.iso)T19:30" + comment("datum en begintijd", "date and start time"),
                "end: \(date.iso)T21:30",
                "format: stamtafel" + comment("stamtafel, thematafel, adviesraad, werkbijeenkomst, inloopavond, online", "stamtafel, thematafel, adviesraad, werkbijeenkomst, inloopavond, online"),
                "location: \"\"" + comment("waar", "where"),
                "organisers: []" + comment("wie organiseerde", "who organised it"),
                "attendees: 0" + comment("aantal aanwezigen", "number of attendees"),
                "themes: \(themeList)",
                "input: []" + comment("na afloop: de punten die deelnemers inbrachten, elk met een eigen id:", "afterwards: the points participants raised, each with its own id:"),
                "#  - id: i1",
                "#    text: " + (nl ? "Zet samen met vrijwilligers een kledingbank op." : "Set up a clothing bank with volunteers."),
                "---", "", nl ? "## Verslag" : "## Report", "", "", "",
            ]
        case .advice:
            let councils = knownCouncils(site.graph)
            let others = councils.dropFirst().joined(separator: ", ")
            lines += [
                "date: \(date.iso)",
                "council: \"" + (councils.first ?? "") + "\"" + comment("de adviesraad die adviseert" + (others.isEmpty ? "" : "; andere: " + others),
                                                                         "the council giving the advice" + (others.isEmpty ? "" : "; others: " + others)),
                "kind: requested" + comment("requested (gevraagd) of unsolicited (ongevraagd)", "requested or unsolicited"),
                "requested_on: \(date.iso)",
                "themes: \(themeList)",
                "based_on: []" + comment("de bijeenkomsten waarop het advies steunt, bv. 2019-05-14-stamtafel#i2", "the meetings it builds on, e.g. 2019-05-14-stamtafel#i2"),
                "recommendations: []" + comment("de aanbevelingen, elk met een eigen id:", "the recommendations, each with its own id:"),
                "#  - id: r1",
                "#    text: " + (nl ? "Verhoog de mantelzorgwaardering." : "Raise the carers' allowance."),
                "---", "", nl ? "## Aanleiding" : "## Background", "", "", "",
            ]
        case .feedback:
            var entries: [String] = []
            switch openItems(site.graph) {
            case .failure(let diagnostic): return .failure(diagnostic)
            case .success(let refs): entries = refs
            }
            lines += [
                "date: \(date.iso)",
                "themes: \(themeList)",
                "responds_to:" + comment("kies per punt een outcome; in-progress met expected: datum van het besluit; bij (deels) overgenomen kan implementation: planned, underway of done",
                                         "choose an outcome per point; in-progress with expected: the day of the decision; when (partly) adopted, implementation: planned, underway or done"),
            ]
            // The outcome stays empty until an editor chooses: `check` fails until then, so a
            // forgotten skeleton never publishes "in behandeling" for everything.
            for ref in entries {
                lines += ["  - ref: \(YAMLText.scalar(ref))",
                          "    outcome:" + comment("adopted, partially-adopted, not-adopted (met reden), in-progress, referred of noted",
                                                   "adopted, partially-adopted, not-adopted (with a reason), in-progress, referred or noted"),
                          "    note: \"\""]
            }
            if entries.isEmpty {
                return .failure(.error(SourceLocation(path: "--responds-to"), ScaffoldMessage.newFeedbackNeedsTarget))
            }
            lines += ["---", "", nl ? "## Onze reactie" : "## Our response", "", "", ""]
        }
        if themes.isEmpty, kind != .theme {
            lines = lines.map { $0 == "themes: []" ? "themes: []" + comment("thema's (slugs uit content/themes)", "themes (slugs from content/themes)") : $0 }
        }
        return .success(lines.joined(separator: "\n"))
    }

    /// Councils of the site's advice, the most recent one's first, then councils with a file
    /// and no advice yet: `new advice` starts from the council this site uses, not a fixed name
    /// (empty when there is none). A council with a file is named by its slug, else by its name
    /// as its latest advice writes it; each council once.
    private func knownCouncils(_ graph: SiteGraph?) -> [String] {
        guard let graph else { return [] }
        var seen = Set<String>()
        var councils: [String] = []
        func add(_ slug: String, written: String) {
            guard seen.insert(slug).inserted else { return }
            councils.append(graph.council(slug)?.file == nil ? written : slug)
        }
        for record in graph.newestFirst(graph.records.filter { $0.kind == .advice }) {
            if let council = record.advice?.council, let slug = graph.councilOf[record.id] { add(slug, written: council) }
        }
        for council in graph.councils where council.file != nil { add(council.slug, written: council.slug) }
        return councils
    }

    /// For `--responds-to`: each ref as given, or one entry per item of that record still open
    /// on the day the graph is as of.
    private func openItems(_ graph: SiteGraph?) -> Result<[String], Diagnostic> {
        guard !respondsTo.isEmpty else { return .success([]) }
        guard let graph else {
            return .failure(.error(SourceLocation(path: "site.toml"), ScaffoldMessage.newSiteDoesNotLoad))
        }
        var refs: [String] = []
        for ref in respondsTo {
            let parsed = Ref.parse(ref, at: SourceLocation(path: "--responds-to"))
            guard let record = graph.record(parsed.target) else {
                return .failure(.error(SourceLocation(path: "--responds-to"), ScaffoldMessage.newNoSuchRecord(parsed.target),
                                       hint: Message.didYouMean(parsed.target, among: graph.records.map(\.id))))
            }
            if parsed.item != nil || record.items.isEmpty {
                refs.append(ref)
                continue
            }
            let open = (graph.statuses.openByRecord[record.id] ?? []).compactMap(\.key.item)
            let progressing = graph.statuses.inProgress.filter { $0.key.record == record.id }.compactMap(\.key.item)
            let items = record.items.map(\.id).filter { open.contains($0) || progressing.contains($0) }
            refs += (items.isEmpty ? record.items.map(\.id) : items).map { "\(record.id)#\($0)" }
        }
        return .success(refs)
    }
}
