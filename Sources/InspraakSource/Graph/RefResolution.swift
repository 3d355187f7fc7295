/// Every ref checked against the records; the good ones become links and backlinks.
struct RefResolution {
    var links: [String: [Link]] = [:]
    var backlinks: [String: [String]] = [:]
    var diagnostics = Diagnostics()

    static func resolve(_ records: [Record], position: [String: Int], model: SiteModel) -> RefResolution {
        var result = RefResolution()
        let ids = records.map(\.id)
        // Each record's refs on all cores (a third of `check` waited on this loop alone), merged
        // in the records' order.
        let resolved = records.parallelMap { record in
            var diagnostics = Diagnostics()
            let links = links(of: record, records: records, ids: ids, position: position, model: model, diagnostics: &diagnostics)
            // A link is made only to a record that has a position.
            return (links, links.map { position[$0.target]! }, diagnostics.all)
        }
        // Who refers to each record, by position: a record's links are taken together, so a
        // second link to the same target is the last one there.
        var incoming = [[Int]](repeating: [], count: records.count)
        result.links.reserveCapacity(records.count)
        for (index, (links, targets, diagnostics)) in resolved.enumerated() {
            result.diagnostics.append(contentsOf: diagnostics)
            for target in targets where incoming[target].last != index { incoming[target].append(index) }
            result.links[records[index].id] = links
        }
        for (target, sources) in incoming.enumerated() where !sources.isEmpty {
            result.backlinks[records[target].id] = sources.sorted { a, b in
                (records[a].date.epochSeconds, records[a].id) < (records[b].date.epochSeconds, records[b].id)
            }.map { records[$0].id }
        }
        return result
    }

    /// The links of one record's refs, in the order written; what is wrong with a ref goes to `diagnostics`.
    static func links(of record: Record, records: [Record], ids: [String], position: [String: Int], model: SiteModel,
                      diagnostics: inout Diagnostics) -> [Link] {
        var links: [Link] = []
        // The first refs of a feedback are its answers; any after them could not be answered (an error already).
        let responses = record.feedback?.responses ?? []
        for (index, ref) in record.refs.enumerated() {
            let response = index < responses.count ? responses[index] : nil
            guard let targetIndex = position[ref.target] else {
                if model.draftIDs.contains(ref.target) {
                    diagnostics.error(ref.location, GraphMessage.refToDraft(record.id, ref.description))
                } else if !model.unreadableIDs.contains(ref.target) {
                    diagnostics.error(ref.location, GraphMessage.danglingRef(record.id, ref.description, target: ref.target),
                                      hint: Message.didYouMean(ref.target, among: ids))
                }
                continue
            }
            if ref.target == record.id {
                let message = record.kind == .feedback ? GraphMessage.answersItself(record.id) : GraphMessage.buildsOnItself(record.id)
                diagnostics.error(ref.location, message)
                continue
            }
            let target = records[targetIndex]
            if let item = ref.item, !target.items.contains(where: { $0.id == item }) {
                // The target's items could not all be read: its own errors say so already.
                if target.gaps?.items == true { continue }
                let existing = target.items.map(\.id)
                diagnostics.error(ref.location, GraphMessage.unknownItem(record.id, ref, existing: existing),
                                  hint: Message.didYouMean(item, among: existing))
                continue
            }
            let datesKnown = record.gaps?.date != true && target.gaps?.date != true
            if record.kind == .feedback, datesKnown, record.date.day < target.date.day, !links.contains(where: { $0.target == target.id }) {
                diagnostics.warning(ref.location, GraphMessage.feedbackBeforeSource(record.id, target.id))
            }
            var link = Link(target: ref.target, item: ref.item, outcome: response?.outcome, note: response?.note)
            link.response = response
            link.responseIndex = response == nil ? nil : index
            links.append(link)
        }
        return links
    }
}
