/// Which themes each record belongs to: its own, else inherited from what it refers to.
enum ThemeAssignment {
    static func assign(_ records: [Record], links: [String: [Link]], themes: [Theme]) -> ([String: [String]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let known = Set(themes.map(\.slug))
        let order = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1.slug, $0) })
        var byID: [String: Record] = [:]
        for record in records { byID[record.id] = record }
        for record in records {
            for slug in record.themes where !known.contains(slug) {
                diagnostics.append(.error(record.themesLocation, GraphMessage.undefinedTheme(slug),
                                          hint: Message.didYouMean(slug, among: known.sorted())))
            }
        }
        let sorted = { (slugs: [String]) in Array(Set(slugs)).sorted { (order[$0] ?? 0, $0) < (order[$1] ?? 0, $1) } }
        // Each record's themes once (memo), so a chain inherits in one pass.
        var memo: [String: [String]] = [:]
        // The inheriting records being walked, each with the refs done so far and what they gave;
        // a ref back onto this path (a circle, reported elsewhere) gives nothing.
        var onPath = Set<String>()
        var frames: [(id: String, next: Int, found: [String])] = []
        /// The record's themes when known at once; nil when it inherits and is now being walked.
        func begin(_ id: String) -> [String]? {
            if let done = memo[id] { return done }
            guard let record = byID[id], !onPath.contains(id) else { return [] }
            if !record.themes.isEmpty {
                let own = sorted(record.themes.filter { known.contains($0) })
                memo[id] = own
                return own
            }
            onPath.insert(id)
            frames.append((id, 0, []))
            return nil
        }
        func add(_ slugs: [String]) {
            for slug in slugs where !frames[frames.count - 1].found.contains(slug) { frames[frames.count - 1].found.append(slug) }
        }
        /// What the record inherits, walked with its own stack: a long chain is as deep as it is long.
        func effective(_ id: String) -> [String] {
            if let known = begin(id) { return known }
            while let top = frames.last {
                let refs = links[top.id] ?? []
                if top.next < refs.count {
                    frames[frames.count - 1].next += 1
                    if let inherited = begin(refs[top.next].target) { add(inherited) }
                    continue
                }
                frames.removeLast()
                onPath.remove(top.id)
                let result = sorted(top.found)
                memo[top.id] = result
                if frames.isEmpty { return result }
                add(result)
            }
            return []
        }
        let unsure = uncertain(records, links: links, known: known)
        var result: [String: [String]] = [:]
        for record in records {
            result[record.id] = effective(record.id)
            if result[record.id]!.isEmpty && record.themes.isEmpty && !unsure.contains(record.id) {
                diagnostics.append(.warning(record.location, GraphMessage.noTheme))
            }
        }
        return (result, diagnostics)
    }

    /// The records whose themes may have come from a record whose themes or refs could not be
    /// read, or that names an undefined theme: for them "no themes" would only echo that error.
    /// Spread backwards along the refs of records that inherit, with a work list (no recursion,
    /// so a chain of any length is fine).
    private static func uncertain(_ records: [Record], links: [String: [Link]], known: Set<String>) -> Set<String> {
        var inheritingFrom: [String: [String]] = [:]
        for record in records where record.themes.isEmpty {
            for link in links[record.id] ?? [] { inheritingFrom[link.target, default: []].append(record.id) }
        }
        var found = Set<String>()
        var work: [String] = []
        for record in records where (record.gaps.map { $0.themes || $0.refs } ?? false) || record.themes.contains(where: { !known.contains($0) }) {
            if found.insert(record.id).inserted { work.append(record.id) }
        }
        while let id = work.popLast() {
            for next in inheritingFrom[id] ?? [] where found.insert(next).inserted { work.append(next) }
        }
        return found
    }
}
