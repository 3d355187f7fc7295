/// An advisory council as the site shows it: from its file (`content/councils/<slug>.md`), or
/// from the name its advice gives, folded into a slug.
public struct Council: Sendable, Equatable {
    public let slug: String
    /// The file's title; without a file, the first of its names in sort order.
    public let title: String
    public let file: CouncilFile?
    /// The names its advice gives it, sorted, each once.
    public let names: [String]
}

/// Which council each advice is from.
///
/// An advice's `council` is a council file's slug, or a name. A name is folded into a slug
/// (`Adviesraad Sociaal Domein` → `adviesraad-sociaal-domein`), and names that fold alike are
/// one council; when a file has that slug, the name is that council. When the site has council
/// files, a `council` that is written as a slug (lower-case, hyphens) but names no file is an
/// error: it is most likely a typo of one.
enum CouncilAssignment {
    static func assign(_ records: [Record], files: [CouncilFile]) -> (councils: [Council], councilOf: [String: String], [Diagnostic]) {
        var diagnostics = DefinitionFiles.duplicates(files.map { ($0.slug, $0.location) }, folder: "councils")
        let fileSlugs = files.map(\.slug)
        let byFile = Dictionary(files.map { ($0.slug, $0) }) { first, _ in first }
        var councilOf: [String: String] = [:]
        var names: [String: Set<String>] = [:]
        // A site names its few councils thousands of times: each spelling folded once.
        var folded: [String: String] = [:]
        for record in records {
            guard let advice = record.advice else { continue }
            let name = advice.council
            guard !name.isEmpty else { continue }
            let location = advice.councilLocation ?? record.location
            let slug: String
            if byFile[name] != nil {
                slug = name
            } else if !files.isEmpty && RecordID.isValid(name) {
                diagnostics.append(.error(location, GraphMessage.unknownCouncil(name), hint: Message.didYouMean(name, among: fileSlugs)))
                continue
            } else {
                if let known = folded[name] {
                    slug = known
                } else {
                    slug = RecordID.folded(name)
                    folded[name] = slug
                }
                guard !slug.isEmpty else {
                    diagnostics.append(.error(location, GraphMessage.councilWithoutSlug(name)))
                    continue
                }
            }
            councilOf[record.id] = slug
            // A slug naming its file is not a spelling of the council's name.
            if byFile[name] == nil { names[slug, default: []].insert(name) }
        }
        let slugs = Set(names.keys).union(councilOf.values).union(fileSlugs)
        let councils = slugs.map { slug -> Council in
            let spellings = names[slug, default: []].sorted()
            let file = byFile[slug]
            return Council(slug: slug, title: file?.title ?? spellings.first ?? slug, file: file, names: spellings)
        }
        return (councils.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }, councilOf, diagnostics)
    }
}

/// Checks shared by the files that define what records name (places, councils).
enum DefinitionFiles {
    /// A slug defined by two files (`x.md` and the bundle `x/index.md`): an error at each later one.
    static func duplicates(_ slugs: [(slug: String, location: SourceLocation)], folder: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for (slug, location) in slugs.sorted(by: { ($0.slug, $0.location.path) < ($1.slug, $1.location.path) }) {
            if let earlier = first[slug] {
                diagnostics.append(.error(location, GraphMessage.definedTwice(slug, folder: folder, other: earlier.path)))
            } else {
                first[slug] = location
            }
        }
        return diagnostics
    }
}

extension SiteGraph {
    /// How an advice names its council wherever a name is printed (pages, feeds, open data,
    /// JSON-LD): the title of the council's file, else the name as this advice writes it.
    public func councilName(of record: Record) -> String? {
        guard let advice = record.advice else { return nil }
        return council(of: record)?.file?.title ?? advice.council
    }
}
