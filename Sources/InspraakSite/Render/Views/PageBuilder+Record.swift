import InspraakSource
import InspraakTemplates

/// The page of one record: its fields, its text, its items with their status, its links and trail.
extension PageBuilder {
    func recordPage(_ record: Record) -> TemplateValue {
        let path = SitePaths.record(record)
        let recordTexts = texts.records[record.id]
        var view: View = [
            "id": .text(record.id),
            "title": .text(record.title),
            "kind": .text(record.kind.rawValue),
            "kindLabel": .text(kindLabel(record.kind)),
            "kindListLabel": .text(strings["kind.\(record.kind.rawValue)"]),
            "kindHref": .text(SitePaths.relative(from: path, to: SitePaths.list(record.kind, page: 1))),
            "date": date(of: record),
            "meta": .list(meta(record)),
            "themes": themeLinks(record, from: path),
            "bodyHTML": .text(recordTexts?.body.html ?? ""),
            "documents": .list(documents(record, from: path)),
            "buildsOn": .list(buildsOn(record, from: path)),
            "followedBy": .list(followedBy(record, from: path)),
            "trail": .list(trail(record, from: path)),
            "extra": ExtraValue.fields(record.extraFields).templateValue,
            "isMeeting": .bool(record.kind == .meetings),
            "isAdvice": .bool(record.kind == .advice),
            "isFeedback": .bool(record.kind == .feedback),
            "responses": [],
            "summaryHTML": .optional(record.summary.flatMap { _ in recordTexts?.summaryHTML }),
            "updated": false, "items": false, "wholeStatus": false, "decision": false,
            "status": .optional(status(of: record)),
            "changeLog": .list(changeLog(record)),
        ]
        // "Bijgewerkt" only when it says something: a change after the record's own date.
        if let updated = record.updated, updated > record.date.day { view["updated"] = time(updated) }
        if !record.items.isEmpty {
            let isAdvice = record.kind == .advice
            view["items"] = [
                "heading": .text(strings[isAdvice ? "section.recommendations" : "section.input"]),
                "intro": .text(strings[isAdvice ? "section.recommendations_intro" : "section.input_intro"]),
                "list": .list(record.items.map { item in
                    [
                        "id": .text(item.id),
                        "textHTML": .text(recordTexts?.items[item.id] ?? ""),
                        "status": itemStatus(ItemKey(record: record.id, item: item.id), since: record.date.day, from: path),
                    ]
                }),
            ]
        } else if record.kind != .feedback, let status = graph.statuses.items[ItemKey(record: record.id, item: nil)], status != .notExpected {
            view["wholeStatus"] = itemStatus(ItemKey(record: record.id, item: nil), since: record.date.day, from: path)
        }
        if let feedback = record.feedback {
            view["responses"] = .list(responses(record, feedback, from: path))
            if let decision = feedback.decision {
                view["decision"] = ["title": .text(decision.title), "href": .text(decision.url)]
            }
        }
        return .object(view)
    }

    /// The fields of the record as label/value rows.
    private func meta(_ record: Record) -> [TemplateValue] {
        var rows: [TemplateValue] = []
        func row(_ key: String, _ value: String) { rows.append(["label": .text(strings["field.\(key)"]), "value": .text(value)]) }
        switch record.details {
        case .meeting(let meeting):
            if let format = meeting.format {
                row("format", formatLabel(format))
            }
            if let end = meeting.end, let start = record.date.minutes {
                let endText = end.day == record.date.day ? Strings.clock(end.minutes ?? 0) : strings.moment(end)
                row("time", "\(Strings.clock(start)) – \(endText)")
            }
            if let place = meeting.place { row("location", place) }
            if !meeting.organisers.isEmpty { row("organisers", meeting.organisers.joined(separator: ", ")) }
            if let attendees = meeting.attendees { row("attendees", String(attendees)) }
        case .advice(let advice):
            row("council", advice.council)
            row("addressed_to", advice.addressedTo)
            row("kind", strings["advice_kind.\(advice.kind.rawValue)"])
            if let requested = advice.requestedOn { row("requested_on", strings.longDate(requested)) }
            row("response_due", strings.longDate(advice.responseDue))
        case .feedback:
            break
        }
        return rows
    }

    private func documents(_ record: Record, from path: String) -> [TemplateValue] {
        record.documents.map { document in
            var href = document.url ?? ""
            if let file = document.file {
                href = SitePaths.relative(from: path, to: SitePaths.record(record) + file)
            }
            let type = (document.file ?? document.url ?? "").split(separator: ".").last.map { $0.uppercased() } ?? ""
            return ["title": .text(document.title), "href": .text(href), "isFile": .bool(document.file != nil), "type": .text(type.count <= 4 ? type : "")]
        }
    }

    private func reference(_ target: Record, from path: String) -> View {
        [
            "status": false, "current": false,
            "title": .text(target.title),
            "href": .text(SitePaths.relative(from: path, to: SitePaths.record(target))),
            "kindLabel": .text(kindLabel(target.kind)),
            "date": date(of: target),
        ]
    }

    private func buildsOn(_ record: Record, from path: String) -> [TemplateValue] {
        var seen = Set<String>()
        return (graph.links[record.id] ?? []).compactMap { link in
            guard seen.insert(link.target).inserted, let target = graph.record(link.target) else { return nil }
            return .object(reference(target, from: path))
        }
    }

    private func followedBy(_ record: Record, from path: String) -> [TemplateValue] {
        let followers = (graph.backlinks[record.id] ?? []).compactMap(graph.record)
        return RecordKind.allCases.compactMap { kind in
            let group = followers.filter { $0.kind == kind }
            guard !group.isEmpty else { return nil }
            return ["kindLabel": .text(strings["kind.\(kind.rawValue)"]), "records": TemplateValue(group.map { reference($0, from: path) })]
        }
    }

    /// The trail around the record: long ones with the steps left out counted, and a link to
    /// the nearest of them to read on (see `TrailWindow`).
    private func trail(_ record: Record, from path: String) -> [TemplateValue] {
        guard let index = graph.position[record.id] else { return [] }
        return trails[index].steps.map { step in
            switch step {
            case .record(let shown):
                var view = reference(shown, from: path)
                view["current"] = .bool(shown === record)
                view["gap"] = false
                if let status = status(of: shown) { view["status"] = status }
                return .object(view)
            case .gap(let hidden, let nearest):
                let earlier = (nearest.date.epochSeconds, nearest.id) < (record.date.epochSeconds, record.id)
                return ["gap": [
                    "text": .text(strings.count(earlier ? "section.trail_hidden_earlier" : "section.trail_hidden_later", hidden)),
                    "continue": .text(strings[earlier ? "section.trail_continue_earlier" : "section.trail_continue_later"]),
                    "title": .text(nearest.title),
                    "href": .text(SitePaths.relative(from: path, to: SitePaths.record(nearest))),
                ]]
            }
        }
    }

    /// A feedback's answers, one per ref, with the text of what it answers.
    private func responses(_ record: Record, _ feedback: Feedback, from path: String) -> [TemplateValue] {
        let notes = texts.records[record.id]?.notes ?? [:]
        return feedback.responses.enumerated().compactMap { index, response in
            guard let target = graph.record(response.ref.target) else { return nil }
            var anchor = ""
            var view: View = [
                "itemID": false, "itemTextHTML": false, "superseded": false, "coversAll": false, "outcome": false, "implementation": false, "expected": false,
                "targetTitle": .text(target.title),
                "targetKind": .text(kindLabel(target.kind)),
                "noteHTML": .optional(notes[index]),
            ]
            if let outcome = response.outcome {
                view["outcome"] = ["key": .text(outcome.rawValue), "label": .text(strings[outcome.stringKey])]
            }
            if let state = response.implementation { view["implementation"] = implementationBadge(state) }
            if let expected = response.expected {
                view["expected"] = .text(strings.format(response.implementation == nil ? "history.promised_decision" : "history.promised_done",
                                                        ["date": strings.longDate(expected)]))
            }
            if let item = response.ref.item {
                anchor = "#\(item)"
                view["itemID"] = .text(item)
                view["itemTextHTML"] = .text(texts.records[target.id]?.items[item] ?? "")
            } else if !target.items.isEmpty {
                view["coversAll"] = true
            }
            view["targetHref"] = .text(SitePaths.relative(from: path, to: SitePaths.record(target)) + anchor)
            // Later feedback may have changed this outcome or reported on carrying it out; say so.
            if let key = PageContents.laterStateKey(response, target: target) {
                view["superseded"] = .optional(laterState(of: key, after: record, from: path))
            }
            return .object(view)
        }
    }
}
