/// Open items: what is still waiting for an answer, and for how long.
extension PageBuilder {
    func openItem(_ item: OpenItem, from path: String) -> [String: Any]? {
        guard let record = graph.record(item.key.record) else { return nil }
        let anchor = item.key.item.map { "#\($0)" } ?? ""
        var view: [String: Any] = [
            "status": false, "label": false, "detail": false, "itemID": false,
            "recordTitle": record.title,
            "recordHref": SitePaths.relative(from: path, to: SitePaths.record(record)) + anchor,
            "kindLabel": strings["kind_one.\(record.kind.rawValue)"],
            "since": time(record.date),
            "due": time(item.due),
            "age": strings.count("status.open_since", item.since.days(until: graph.today)),
            "themes": themeLinks(record, from: path),
        ]
        if let itemID = item.key.item {
            view["itemID"] = itemID
            view["textHTML"] = texts.records[record.id]?.items[itemID] ?? ""
        } else {
            view["textHTML"] = XMLText.escape(strings["open.whole_record"])
        }
        if let answer = item.inProgress {
            view["status"] = itemStatus(item.key, since: item.since, from: path)
            view["key"] = answer.outcome.rawValue
        } else if item.isOverdue {
            view["key"] = "overdue"
            view["label"] = strings["status.overdue"]
            view["detail"] = strings.count("status.days_overdue", item.due.days(until: graph.today))
        } else {
            view["key"] = "awaiting"
            view["label"] = strings["status.awaiting"]
            view["detail"] = strings.count("status.days_left", graph.today.days(until: item.due))
        }
        return view
    }

    /// Open items grouped: overdue first, then awaiting, then in progress; each oldest first.
    func openGroups(_ items: [OpenItem], inProgress: [OpenItem], from path: String) -> [String: Any] {
        let overdue = items.filter(\.isOverdue).compactMap { openItem($0, from: path) }
        let awaiting = items.filter { !$0.isOverdue }.compactMap { openItem($0, from: path) }
        let progress = inProgress.compactMap { openItem($0, from: path) }
        var groups: [[String: Any]] = []
        if !overdue.isEmpty {
            groups.append(["key": "overdue", "heading": strings["open.heading_overdue"], "intro": strings["section.overdue_intro"], "items": overdue, "count": overdue.count])
        }
        if !awaiting.isEmpty {
            groups.append(["key": "awaiting", "heading": strings["open.heading_awaiting"], "intro": strings["section.awaiting_intro"], "items": awaiting, "count": awaiting.count])
        }
        if !progress.isEmpty {
            groups.append(["key": "in-progress", "heading": strings["section.in_progress"], "intro": strings["section.in_progress_intro"], "items": progress, "count": progress.count])
        }
        return [
            "groups": groups,
            "isEmpty": overdue.isEmpty && awaiting.isEmpty,
            "summary": strings.format("open.summary", ["overdue": String(overdue.count), "awaiting": String(awaiting.count)]),
            "overdueCount": overdue.count,
            "awaitingCount": awaiting.count,
        ]
    }
}
