/// Statuses in words: a label for the badge, and a sentence with the days that matter.
extension PageBuilder {
    /// A record's status for lists and headers: advice status, planned or cancelled meeting.
    func recordStatus(_ record: Record) -> [String: Any]? {
        switch record.details {
        case .advice:
            guard let status = graph.statuses.advice[record.id] else { return nil }
            return adviceStatus(status)
        case .meeting(let meeting):
            if meeting.cancelled { return ["key": "cancelled", "label": strings["status.cancelled"], "detail": false] }
            if record.date.day > graph.today { return ["key": "planned", "label": strings["status.planned"], "detail": false] }
            let keys = Statuses.keys(of: record)
            let open = graph.statuses.openByRecord[record.id] ?? []
            guard !open.isEmpty, !meeting.input.isEmpty else { return nil }
            let overdue = open.contains { $0.isOverdue }
            let key = overdue ? "overdue" : "awaiting"
            let answered = keys.count - open.count
            var status: [String: Any] = ["key": key, "label": strings["status.\(key)"], "detail": false]
            if answered > 0 { status["detail"] = "\(answered)/\(keys.count) \(strings["status.answered"])" }
            return status
        case .feedback:
            return nil
        }
    }

    func adviceStatus(_ status: AdviceStatus) -> [String: Any] {
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
        var view: [String: Any] = ["key": status.key, "label": strings["status.\(status.key)"], "detail": false]
        if !detail.isEmpty { view["detail"] = detail }
        return view
    }

    /// An item's status on a page at `path`: the latest outcome with its note and source, or
    /// how long it has been open.
    func itemStatus(_ key: ItemKey, since: Day, from path: String) -> [String: Any] {
        switch graph.statuses.items[key] {
        case .answered(let answer):
            var view: [String: Any] = [
                "noteHTML": false, "detail": false,
                "key": answer.outcome.rawValue,
                "label": strings[answer.outcome.stringKey],
                "isAnswered": true,
                "date": time(answer.date),
            ]
            if let feedback = graph.record(answer.feedback) {
                view["sourceTitle"] = feedback.title
                view["sourceHref"] = SitePaths.relative(from: path, to: SitePaths.record(feedback))
                if let note = noteHTML(feedback: feedback, target: key) { view["noteHTML"] = note }
            }
            let history = (graph.answers[key] ?? []).dropLast()
            view["history"] = history.compactMap { earlier -> [String: Any]? in
                guard let feedback = graph.record(earlier.feedback) else { return nil }
                return [
                    "label": strings[earlier.outcome.stringKey],
                    "key": earlier.outcome.rawValue,
                    "sourceTitle": feedback.title,
                    "sourceHref": SitePaths.relative(from: path, to: SitePaths.record(feedback)),
                    "date": time(earlier.date),
                ]
            }
            return view
        case .awaiting(let due):
            let age = since.days(until: graph.today)
            return [
                "key": "awaiting", "label": strings["status.awaiting"], "isOpen": true, "history": [Any](), "isAnswered": false, "noteHTML": false,
                "detail": strings.count("status.open_since", age) + " · " + strings.format("status.due_on", ["date": strings.longDate(due)]),
            ]
        case .overdue(let due):
            let age = since.days(until: graph.today)
            return [
                "key": "overdue", "label": strings["status.overdue"], "isOpen": true, "history": [Any](), "isAnswered": false, "noteHTML": false,
                "detail": strings.count("status.open_since", age) + " · " + strings.count("status.days_overdue", due.days(until: graph.today)),
            ]
        case .notExpected, nil:
            return ["key": "none", "label": strings["status.no_answer_expected"], "history": [Any](), "isAnswered": false, "noteHTML": false, "detail": false]
        }
    }

    /// The note the answering feedback wrote about this item (or about its whole record).
    func noteHTML(feedback: Record, target key: ItemKey) -> String? {
        guard let responses = feedback.feedback?.responses else { return nil }
        let notes = texts.records[feedback.id]?.notes ?? [:]
        let exact = responses.indices.first { responses[$0].ref.target == key.record && responses[$0].ref.item == key.item }
        let whole = responses.indices.first { responses[$0].ref.target == key.record && responses[$0].ref.item == nil }
        guard let index = exact ?? whole else { return nil }
        return notes[index]
    }
}
