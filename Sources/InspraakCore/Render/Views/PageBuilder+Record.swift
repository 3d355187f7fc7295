/// The page of one record: its fields, its text, its items with their status, its links and trail.
extension PageBuilder {
    func recordPage(_ record: Record) -> [String: Any] {
        let path = SitePaths.record(record)
        let recordTexts = texts.records[record.id]
        var view: [String: Any] = [
            "id": record.id,
            "title": record.title,
            "kind": record.kind.rawValue,
            "kindLabel": strings["kind_one.\(record.kind.rawValue)"],
            "kindListLabel": strings["kind.\(record.kind.rawValue)"],
            "kindHref": SitePaths.relative(from: path, to: SitePaths.list(record.kind, page: 1)),
            "date": time(record.date),
            "meta": meta(record, from: path),
            "themes": themeLinks(record, from: path),
            "bodyHTML": recordTexts?.body.html ?? "",
            "documents": documents(record, from: path),
            "buildsOn": buildsOn(record, from: path),
            "followedBy": followedBy(record, from: path),
            "trail": trail(record, from: path),
            "extra": Dictionary(uniqueKeysWithValues: record.extra.map { ($0.key, $0.field.templateValue) }),
            "isMeeting": record.kind == .meetings,
            "isAdvice": record.kind == .advice,
            "isFeedback": record.kind == .feedback,
            "responses": [Any](),
            "summaryHTML": false, "updated": false, "status": false, "items": false, "wholeStatus": false, "decision": false,
        ]
        if let summary = record.summary.flatMap({ _ in recordTexts?.summaryHTML }) { view["summaryHTML"] = summary }
        if let updated = record.updated, updated != record.date.day { view["updated"] = time(updated) }
        if let status = recordStatus(record) { view["status"] = status }
        if !record.items.isEmpty {
            let isAdvice = record.kind == .advice
            view["items"] = [
                "heading": strings[isAdvice ? "section.recommendations" : "section.input"],
                "intro": strings[isAdvice ? "section.recommendations_intro" : "section.input_intro"],
                "list": record.items.map { item -> [String: Any] in
                    [
                        "id": item.id,
                        "textHTML": recordTexts?.items[item.id] ?? "",
                        "status": itemStatus(ItemKey(record: record.id, item: item.id), since: record.date.day, from: path),
                    ]
                },
            ]
        } else if record.kind != .feedback, let status = graph.statuses.items[ItemKey(record: record.id, item: nil)], status != .notExpected {
            view["wholeStatus"] = itemStatus(ItemKey(record: record.id, item: nil), since: record.date.day, from: path)
        }
        if let feedback = record.feedback {
            view["responses"] = responses(record, feedback, from: path)
            if let decision = feedback.decision {
                view["decision"] = ["title": decision.title, "href": decision.url]
            }
        }
        return view
    }

    /// The fields of the record as label/value rows.
    private func meta(_ record: Record, from path: String) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func row(_ key: String, _ value: String) { rows.append(["label": strings["field.\(key)"], "value": value]) }
        switch record.details {
        case .meeting(let meeting):
            if let format = meeting.format {
                row("format", config.formats[format] ?? strings.table["formats.\(format)"] ?? format)
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

    private func documents(_ record: Record, from path: String) -> [[String: Any]] {
        record.documents.map { document in
            var href = document.url ?? ""
            if let file = document.file {
                href = SitePaths.relative(from: path, to: SitePaths.record(record) + file)
            }
            let type = (document.file ?? document.url ?? "").split(separator: ".").last.map { $0.uppercased() } ?? ""
            return ["title": document.title, "href": href, "isFile": document.file != nil, "type": type.count <= 4 ? type : ""]
        }
    }

    private func reference(_ target: Record, from path: String) -> [String: Any] {
        [
            "status": false, "current": false,
            "title": target.title,
            "href": SitePaths.relative(from: path, to: SitePaths.record(target)),
            "kindLabel": strings["kind_one.\(target.kind.rawValue)"],
            "date": time(target.date),
        ]
    }

    private func buildsOn(_ record: Record, from path: String) -> [[String: Any]] {
        var seen = Set<String>()
        return (graph.links[record.id] ?? []).compactMap { link in
            guard seen.insert(link.target).inserted, let target = graph.record(link.target) else { return nil }
            return reference(target, from: path)
        }
    }

    private func followedBy(_ record: Record, from path: String) -> [[String: Any]] {
        let followers = (graph.backlinks[record.id] ?? []).compactMap(graph.record)
        return RecordKind.allCases.compactMap { kind in
            let group = followers.filter { $0.kind == kind }
            guard !group.isEmpty else { return nil }
            return ["kindLabel": strings["kind.\(kind.rawValue)"], "records": group.map { reference($0, from: path) }]
        }
    }

    private func trail(_ record: Record, from path: String) -> [[String: Any]] {
        let chain = graph.trail(of: record.id)
        guard chain.count > 1 else { return [] }
        return chain.map { step in
            var view = reference(step, from: path)
            view["current"] = step.id == record.id
            if let status = recordStatus(step) { view["status"] = status }
            return view
        }
    }

    /// A feedback's answers, one per ref, with the text of what it answers.
    private func responses(_ record: Record, _ feedback: Feedback, from path: String) -> [[String: Any]] {
        let notes = texts.records[record.id]?.notes ?? [:]
        return feedback.responses.enumerated().compactMap { index, response in
            guard let target = graph.record(response.ref.target) else { return nil }
            var anchor = ""
            var view: [String: Any] = [
                "itemID": false, "itemTextHTML": false, "noteHTML": false, "superseded": false, "coversAll": false,
                "targetTitle": target.title,
                "targetKind": strings["kind_one.\(target.kind.rawValue)"],
                "outcome": response.outcome.rawValue,
                "outcomeLabel": strings[response.outcome.stringKey],
            ]
            if let item = response.ref.item {
                anchor = "#\(item)"
                view["itemID"] = item
                view["itemTextHTML"] = texts.records[target.id]?.items[item] ?? ""
            } else if !target.items.isEmpty {
                view["coversAll"] = true
            }
            view["targetHref"] = SitePaths.relative(from: path, to: SitePaths.record(target)) + anchor
            if let note = notes[index] { view["noteHTML"] = note }
            // Later feedback may have changed this outcome; say so where it did.
            let key = ItemKey(record: target.id, item: response.ref.item ?? (target.items.isEmpty ? nil : target.items[0].id))
            if response.ref.item != nil, case .answered(let latest) = graph.statuses.items[key], latest.feedback != record.id,
               let later = graph.record(latest.feedback) {
                view["superseded"] = [
                    "label": strings[latest.outcome.stringKey],
                    "sourceTitle": later.title,
                    "sourceHref": SitePaths.relative(from: path, to: SitePaths.record(later)),
                ]
            }
            return view
        }
    }
}
