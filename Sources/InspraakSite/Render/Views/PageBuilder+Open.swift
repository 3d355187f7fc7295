import InspraakSource
import InspraakTemplates

/// Open items: what is still waiting for an answer, and for how long.
extension PageBuilder {
    func openItem(_ item: OpenItem, from path: String) -> TemplateValue? {
        guard let record = graph.record(item.key.record) else { return nil }
        let anchor = item.key.item.map { "#\($0)" } ?? ""
        var view: View = [
            "status": false, "label": false, "detail": false, "itemID": false,
            "recordTitle": .text(record.title),
            "recordHref": .text(SitePaths.relative(from: path, to: SitePaths.record(record)) + anchor),
            "kindLabel": .text(kindLabel(record.kind)),
            "since": date(of: record),
            "due": time(item.due),
            "age": .text(strings.count("status.open_since", item.since.days(until: graph.today))),
            "themes": themeLinks(record, from: path),
        ]
        if let itemID = item.key.item {
            view["itemID"] = .text(itemID)
            view["textHTML"] = .text(texts.records[record.id]?.items[itemID] ?? "")
        } else {
            view["textHTML"] = .text(XMLText.escape(strings["open.whole_record"]))
        }
        if let answer = item.inProgress ?? item.implementation.flatMap({ _ in graph.histories[item.key]?.latest }) {
            view["status"] = itemStatus(item.key, since: item.since, from: path)
            view["key"] = .text(answer.outcome.rawValue)
            if item.isOverdue, let promised = item.promised {
                // A broken promise: overdue again, with the day it was promised for.
                view["key"] = "overdue"
                view["label"] = .text(strings[item.implementation == nil ? "status.overdue" : "status.implementation_overdue"])
                view["detail"] = .text(promise(promised, key: item.implementation == nil ? "history.promised_decision" : "history.promised_done"))
            }
        } else if item.isOverdue {
            view["key"] = "overdue"
            view["label"] = .text(strings["status.overdue"])
            view["detail"] = .text(strings.count("status.days_overdue", item.due.days(until: graph.today)))
        } else {
            view["key"] = "awaiting"
            view["label"] = .text(strings["status.awaiting"])
            view["detail"] = .text(strings.count("status.days_left", graph.today.days(until: item.due)))
        }
        return .object(view)
    }

    /// Open items grouped: overdue first, then awaiting, then in progress; each oldest first.
    func openGroups(_ items: [OpenItem], inProgress: [OpenItem], implementationOverdue: [OpenItem], from path: String) -> TemplateValue {
        let overdue = items.filter(\.isOverdue).compactMap { openItem($0, from: path) }
        let awaiting = items.filter { !$0.isOverdue }.compactMap { openItem($0, from: path) }
        let progress = inProgress.compactMap { openItem($0, from: path) }
        let lateImplementation = implementationOverdue.compactMap { openItem($0, from: path) }
        var groups: [TemplateValue] = []
        for (key, heading, intro, items) in [("overdue", "open.heading_overdue", "section.overdue_intro", overdue),
                                             ("awaiting", "open.heading_awaiting", "section.awaiting_intro", awaiting),
                                             ("implementation-overdue", "open.heading_implementation_overdue", "section.implementation_overdue_intro", lateImplementation),
                                             ("in-progress", "section.in_progress", "section.in_progress_intro", progress)] where !items.isEmpty {
            groups.append(["key": .text(key), "heading": .text(strings[heading]), "intro": .text(strings[intro]), "items": .list(items), "count": .number(items.count)])
        }
        return [
            "groups": .list(groups),
            "isEmpty": .bool(overdue.isEmpty && awaiting.isEmpty),
            "summary": .text(strings.format("open.summary", ["overdue": String(overdue.count), "awaiting": String(awaiting.count)])),
            "overdueCount": .number(overdue.count),
            "awaitingCount": .number(awaiting.count),
        ]
    }
}
