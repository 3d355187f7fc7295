import InspraakTemplates
import InspraakSource
/// Statuses in words: a record's badge (for lists, headers and feeds).
extension RenderContext {
    /// A record's status for lists and headers: advice status, planned or cancelled meeting.
    func recordBadge(_ record: Record) -> StatusBadge? {
        Self.recordBadge(record, graph: graph, strings: strings)
    }

    func adviceBadge(_ status: AdviceStatus) -> StatusBadge {
        Self.adviceBadge(status, today: graph.today, strings: strings)
    }

    static func recordBadge(_ record: Record, graph: SiteGraph, strings: Strings) -> StatusBadge? {
        switch record.details {
        case .advice:
            guard let status = graph.statuses.advice[record.id] else { return nil }
            return adviceBadge(status, today: graph.today, strings: strings)
        case .meeting(let meeting):
            if meeting.cancelled { return StatusBadge(key: "cancelled", label: strings["status.cancelled"], detail: nil) }
            if record.date.day > graph.today { return StatusBadge(key: "planned", label: strings["status.planned"], detail: nil) }
            let keys = Statuses.keys(of: record)
            let open = graph.statuses.openByRecord[record.id] ?? []
            guard !open.isEmpty, !meeting.input.isEmpty else { return nil }
            let overdue = open.contains { $0.isOverdue }
            let key = overdue ? "overdue" : "awaiting"
            let answered = keys.count - open.count
            return StatusBadge(key: key, label: strings["status.\(key)"],
                               detail: answered > 0 ? "\(answered)/\(keys.count) \(strings["status.answered"])" : nil)
        case .feedback:
            return nil
        }
    }

    static func adviceBadge(_ status: AdviceStatus, today: Day, strings: Strings) -> StatusBadge {
        var detail = ""
        switch status {
        case .awaiting(let due):
            let left = today.days(until: due)
            detail = strings.format("status.due_on", ["date": strings.longDate(due)]) + " · " + strings.count("status.days_left", left)
        case .overdue(let due):
            detail = strings.format("status.due_on", ["date": strings.longDate(due)]) + " · "
                + strings.count("status.days_overdue", due.days(until: today))
        case .answered:
            detail = ""
        case .partlyAnswered(let open):
            detail = strings.count("status.open_recommendations", open)
        }
        return StatusBadge(key: status.key, label: strings["status.\(status.key)"], detail: detail.nonEmpty)
    }
}
