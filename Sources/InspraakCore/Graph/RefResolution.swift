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
            let responses = record.feedback?.responses
            for (index, ref) in record.refs.enumerated() {
                let response = responses?[index]
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
                    result.diagnostics.error(ref.location, GraphMessage.answersItself(record.id))
                    continue
                }
                let target = records[targetIndex]
                if let item = ref.item, !target.items.contains(where: { $0.id == item }) {
                    let existing = target.items.map(\.id)
                    result.diagnostics.error(ref.location, GraphMessage.unknownItem(record.id, ref, existing: existing),
                                             hint: EditDistance.closest(to: item, in: existing).map(GraphMessage.didYouMean))
                    continue
                }
                if record.kind == .feedback, record.date.day < target.date.day, !links.contains(where: { $0.target == target.id }) {
                    result.diagnostics.warning(ref.location, GraphMessage.feedbackBeforeSource(record.id, target.id))
                }
                links.append(Link(target: ref.target, item: ref.item, outcome: response?.outcome, note: response?.note))
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
