import InspraakSource
import InspraakTemplates

/// Each item's dated history: every outcome and implementation step, the current state first
/// with the day it was promised for, and on a feedback page what a later feedback said.
extension PageBuilder {
    /// An answered item: its current state (outcome, implementation, promised day) prominent,
    /// with the note and source of the latest step; every earlier step newest first.
    func answeredStatus(_ key: ItemKey, _ answer: Answer, from path: String) -> TemplateValue {
        let history = graph.histories[key]
        let steps = history?.steps ?? []
        var view: View = [
            "noteHTML": false, "detail": false, "implementation": false, "promiseOverdue": false,
            "key": .text(answer.outcome.rawValue),
            "label": .text(strings[answer.outcome.stringKey]),
            "isAnswered": true,
            "date": time(answer.date),
        ]
        if let last = steps.last, let feedback = graph.record(last.feedback) {
            view["date"] = time(last.date)
            view["sourceTitle"] = .text(feedback.title)
            view["sourceHref"] = .text(SitePaths.relative(from: path, to: SitePaths.record(feedback)))
            view["noteHTML"] = .optional(note(of: last))
        }
        if let state = history?.implementationStep?.implementation {
            view["implementation"] = implementationBadge(state)
        }
        if answer.outcome == .inProgress, let promised = answer.expected {
            view["detail"] = .text(promise(promised, key: "history.promised_decision"))
            view["promiseOverdue"] = .bool(graph.today > promised)
        } else if let promised = history?.implementationPromise {
            view["detail"] = .text(promise(promised, key: "history.promised_done"))
            view["promiseOverdue"] = .bool(graph.today > promised)
        }
        view["history"] = .list(steps.dropLast().reversed().compactMap { step(view: $0, from: path) })
        return .object(view)
    }

    /// "beloofd voor 1 juni 2026 · 181 dagen over tijd" (or "· nog 12 dagen").
    func promise(_ day: Day, key: String) -> String {
        let promised = strings.format(key, ["date": strings.longDate(day)])
        if graph.today > day { return promised + " · " + strings.count("status.days_overdue", day.days(until: graph.today)) }
        return promised + " · " + strings.count("status.days_left", graph.today.days(until: day))
    }

    func implementationBadge(_ state: Implementation) -> TemplateValue {
        ["key": .text("implementation-\(state.rawValue)"), "label": .text(strings[state.stringKey])]
    }

    /// One earlier step: its outcome and/or implementation, the feedback that gave it, its note.
    func step(view step: HistoryStep, from path: String) -> TemplateValue? {
        guard let feedback = graph.record(step.feedback) else { return nil }
        var view: View = [
            "outcome": false, "implementation": false, "expected": false,
            "sourceTitle": .text(feedback.title),
            "sourceHref": .text(SitePaths.relative(from: path, to: SitePaths.record(feedback))),
            "date": time(step.date),
            "noteHTML": .optional(note(of: step)),
        ]
        if let outcome = step.outcome {
            view["outcome"] = ["key": .text(outcome.rawValue), "label": .text(strings[outcome.stringKey])]
        }
        if let state = step.implementation { view["implementation"] = implementationBadge(state) }
        if let expected = step.expected {
            view["expected"] = .text(strings.format(step.implementation == nil ? "history.promised_decision" : "history.promised_done",
                                                    ["date": strings.longDate(expected)]))
        }
        return .object(view)
    }

    func note(of step: HistoryStep) -> String? {
        texts.records[step.feedback]?.notes[step.responseIndex]
    }

    /// `[history] show`: the commits that changed the record, newest first, by day and subject
    /// (never by author).
    func changeLog(_ record: Record) -> [TemplateValue] {
        guard config.showHistory else { return [] }
        return record.changes.map { ["date": time($0.day), "subject": .text($0.subject)] }
    }

    /// On a feedback page: what a later feedback said about the item this response answered,
    /// "later: overgenomen, 31 maart 2020", linked; nil when this feedback has the last word.
    func laterState(of key: ItemKey, after feedback: Record, from path: String) -> TemplateValue? {
        guard let (history, last) = PageContents.laterStep(of: key, after: feedback.id, graph: graph),
              let later = graph.record(last.feedback), let outcome = history.latest?.outcome else { return nil }
        // The state as it stands now: the outcome, and how far carrying it out has come.
        let label = ([strings[outcome.stringKey]] + [history.implementationStep?.implementation.map { strings[$0.stringKey] }].compactMap { $0 })
            .joined(separator: ", ")
        return [
            "text": .text(strings.format("history.later", ["state": label, "date": strings.longDate(last.date.day)])),
            "sourceTitle": .text(later.title),
            "sourceHref": .text(SitePaths.relative(from: path, to: SitePaths.record(later))),
        ]
    }
}
