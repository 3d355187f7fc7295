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
                                          hint: EditDistance.closest(to: slug, in: known.sorted()).map(GraphMessage.didYouMean)))
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
        var result: [String: [String]] = [:]
        for record in records {
            result[record.id] = effective(record.id)
            if result[record.id]!.isEmpty && record.themes.isEmpty {
                diagnostics.append(.warning(record.location, ModelMessage.noTheme))
            }
        }
        return (result, diagnostics)
    }
}
