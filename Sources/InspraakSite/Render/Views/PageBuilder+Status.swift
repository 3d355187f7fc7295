import InspraakSource
import InspraakTemplates

/// Statuses in words: a label for the badge, and a sentence with the days that matter.
extension PageBuilder {
    /// A status as a badge shows it: a key for its colour, a label, and the days that matter.
    struct Badge {
        let key: String
        let label: String
        let detail: String?

        var view: TemplateValue { ["key": .text(key), "label": .text(label), "detail": .optional(detail)] }
    }

    /// A record's status for lists and headers: advice status, planned or cancelled meeting.
    func recordStatus(_ record: Record) -> TemplateValue? {
        recordBadge(record)?.view
    }

    func recordBadge(_ record: Record) -> Badge? {
        switch record.details {
        case .advice:
            guard let status = graph.statuses.advice[record.id] else { return nil }
            return adviceBadge(status)
        case .meeting(let meeting):
            if meeting.cancelled { return Badge(key: "cancelled", label: strings["status.cancelled"], detail: nil) }
            if record.date.day > graph.today { return Badge(key: "planned", label: strings["status.planned"], detail: nil) }
            let keys = Statuses.keys(of: record)
            let open = graph.statuses.openByRecord[record.id] ?? []
            guard !open.isEmpty, !meeting.input.isEmpty else { return nil }
            let overdue = open.contains { $0.isOverdue }
            let key = overdue ? "overdue" : "awaiting"
            let answered = keys.count - open.count
            return Badge(key: key, label: strings["status.\(key)"],
                         detail: answered > 0 ? "\(answered)/\(keys.count) \(strings["status.answered"])" : nil)
        case .feedback:
            return nil
        }
    }

    func adviceBadge(_ status: AdviceStatus) -> Badge {
        var detail = ""
        switch status {
        case .awaiting(let due):
            let left = graph.today.days(until: due)
            detail = strings.format("status.due_on", ["date": strings.longDate(due)]) + " · " + strings.count("status.days_left", left)
        case .overdue(let due):
            detail = strings.format("status.due_on", ["date": strings.longDate(due)]) + " · "
                + strings.count("status.days_overdue", due.days(until: graph.today))
        case .answered:
            detail = ""
        case .partlyAnswered(let open):
            detail = strings.count("status.open_recommendations", open)
        }
        return Badge(key: status.key, label: strings["status.\(status.key)"], detail: detail.nonEmpty)
    }

    /// An item's status on a page at `path`: the latest outcome with its note and source, or
    /// how long it has been open.
    func itemStatus(_ key: ItemKey, since: Day, from path: String) -> TemplateValue {
        switch graph.statuses.items[key] {
        case .answered(let answer):
            return answeredStatus(key, answer, from: path)
        case .awaiting(let due):
            let age = since.days(until: graph.today)
            return [
                "key": "awaiting", "label": .text(strings["status.awaiting"]), "isOpen": true, "history": [], "isAnswered": false, "noteHTML": false,
                "detail": .text(strings.count("status.open_since", age) + " · " + strings.format("status.due_on", ["date": strings.longDate(due)])),
            ]
        case .overdue(let due):
            let age = since.days(until: graph.today)
            return [
                "key": "overdue", "label": .text(strings["status.overdue"]), "isOpen": true, "history": [], "isAnswered": false, "noteHTML": false,
                "detail": .text(strings.count("status.open_since", age) + " · " + strings.count("status.days_overdue", due.days(until: graph.today))),
            ]
        case .notExpected, nil:
            return ["key": "none", "label": .text(strings["status.no_answer_expected"]), "history": [], "isAnswered": false, "noteHTML": false, "detail": false]
        }
    }
}
