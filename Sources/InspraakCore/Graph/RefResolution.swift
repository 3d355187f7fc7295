/// Every ref checked against the records; the good ones become links and backlinks.
struct RefResolution {
    var links: [String: [Link]] = [:]
    var backlinks: [String: [String]] = [:]
    var diagnostics = Diagnostics()

    static func resolve(_ records: [Record], position: [String: Int], model: SiteModel) -> RefResolution {
        var result = RefResolution()
        let ids = records.map(\.id)
        var incoming: [String: Set<String>] = [:]
        for record in records {
            var links: [Link] = []
            // The first refs of a feedback are its answers; any after them could not be answered (an error already).
            let responses = record.feedback?.responses ?? []
            for (index, ref) in record.refs.enumerated() {
                let response = index < responses.count ? responses[index] : nil
                guard let targetIndex = position[ref.target] else {
                    if model.draftIDs.contains(ref.target) {
                        result.diagnostics.error(ref.location, GraphMessage.refToDraft(record.id, ref.description))
                    } else if !model.unreadableIDs.contains(ref.target) {
                        result.diagnostics.error(ref.location, GraphMessage.danglingRef(record.id, ref.description, target: ref.target),
                                                 hint: EditDistance.closest(to: ref.target, in: ids).map(GraphMessage.didYouMean))
                    }
                    continue
                }
                if ref.target == record.id {
                    let message = record.kind == .feedback ? GraphMessage.answersItself(record.id) : GraphMessage.buildsOnItself(record.id)
                    result.diagnostics.error(ref.location, message)
                    continue
                }
                let target = records[targetIndex]
                if let item = ref.item, !target.items.contains(where: { $0.id == item }) {
                    // The target's items could not all be read: its own errors say so already.
                    if target.gaps?.items == true { continue }
                    let existing = target.items.map(\.id)
                    result.diagnostics.error(ref.location, GraphMessage.unknownItem(record.id, ref, existing: existing),
                                             hint: EditDistance.closest(to: item, in: existing).map(GraphMessage.didYouMean))
                    continue
                }
                let datesKnown = record.gaps?.date != true && target.gaps?.date != true
                if record.kind == .feedback, datesKnown, record.date.day < target.date.day, !links.contains(where: { $0.target == target.id }) {
                    result.diagnostics.warning(ref.location, GraphMessage.feedbackBeforeSource(record.id, target.id))
                }
                var link = Link(target: ref.target, item: ref.item, outcome: response?.outcome, note: response?.note)
                link.response = response
                link.responseIndex = response == nil ? nil : index
                links.append(link)
                incoming[ref.target, default: []].insert(record.id)
            }
            result.links[record.id] = links
        }
        for (target, sources) in incoming {
            result.backlinks[target] = sources.sorted { a, b in
                let ra = records[position[a]!], rb = records[position[b]!]
                return (ra.date.epochSeconds, ra.id) < (rb.date.epochSeconds, rb.id)
            }
        }
        return result
    }
}

/// Refs that go round in a circle (A builds on B, B answers A).
enum CycleDetection {
    static func cycles(_ records: [Record], links: [String: [Link]]) -> [Diagnostic] {
        var state: [String: Int] = [:]   // 1 = on the path, 2 = done
        var path: [String] = []
        var found: [Diagnostic] = []
        var byID: [String: Record] = [:]
        for record in records { byID[record.id] = record }

        func visit(_ id: String) {
            state[id] = 1
            path.append(id)
            let targets = (links[id] ?? []).map(\.target)
            for target in Set(targets).sorted() {
                if state[target] == 1, let start = path.firstIndex(of: target) {
                    let circle = rotated(Array(path[start...]) + [target])
                    // Reported at the ref from the circle's first record to the next one.
                    if let record = byID[circle[0]] {
                        let ref = record.refs.first { $0.target == circle[1] }
                        found.append(.error(ref?.location ?? record.location, GraphMessage.cycle(circle)))
                    }
                } else if state[target] == nil {
                    visit(target)
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for record in records where state[record.id] == nil {
            visit(record.id)
        }
        return found
    }

    /// The circle starting at its smallest id, so the same circle reads the same each time.
    private static func rotated(_ circle: [String]) -> [String] {
        let ring = Array(circle.dropLast())
        guard let start = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return circle }
        let turned = Array(ring[start...] + ring[..<start])
        return turned + [turned[0]]
    }
}

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
        var memo: [String: [String]] = [:]
        func effective(_ id: String, visiting: inout Set<String>) -> [String] {
            if let done = memo[id] { return done }
            guard let record = byID[id], visiting.insert(id).inserted else { return [] }
            var result: [String] = []
            if !record.themes.isEmpty {
                result = record.themes.filter { known.contains($0) }
            } else {
                for link in links[id] ?? [] {
                    for slug in effective(link.target, visiting: &visiting) where !result.contains(slug) {
                        result.append(slug)
                    }
                }
            }
            visiting.remove(id)
            let sorted = Array(Set(result)).sorted { (order[$0] ?? 0, $0) < (order[$1] ?? 0, $1) }
            memo[id] = sorted
            return sorted
        }
        // Whether a record's themes may have come from a record whose themes or refs could not be
        // read, or that names an undefined theme: then "no themes" would only echo that error.
        var uncertainMemo: [String: Bool] = [:]
        func uncertain(_ id: String, visiting: inout Set<String>) -> Bool {
            if let done = uncertainMemo[id] { return done }
            guard let record = byID[id], visiting.insert(id).inserted else { return false }
            var result = record.gaps.map { $0.themes || $0.refs } ?? false || record.themes.contains { !known.contains($0) }
            if !result && record.themes.isEmpty {
                result = (links[id] ?? []).contains { uncertain($0.target, visiting: &visiting) }
            }
            visiting.remove(id)
            uncertainMemo[id] = result
            return result
        }
        var result: [String: [String]] = [:]
        for record in records {
            var visiting = Set<String>()
            result[record.id] = effective(record.id, visiting: &visiting)
            if result[record.id]!.isEmpty && record.themes.isEmpty && !uncertain(record.id, visiting: &visiting) {
                diagnostics.append(.warning(record.location, ModelMessage.noTheme))
            }
        }
        return (result, diagnostics)
    }
}
