extension RecordDecoder {
    /// A feedback's answers; a ref whose answer cannot be read is still kept for the ref checks.
    func feedback(_ reader: inout FieldReader, body: String, gaps: inout RecordGaps) -> Feedback {
        var feedback = Feedback()
        if let text = reader.string("outcome") {
            if let outcome = Outcome(rawValue: text) { feedback.defaultOutcome = outcome } else {
                reader.diagnostics.error(reader.location("outcome"), ModelMessage.unknownOutcome(text),
                                         hint: EditDistance.closest(to: text, in: Outcome.allCases.map(\.rawValue)).map(Message.didYouMean))
            }
        }
        if let field = reader.table["decision"] {
            if case .table(let decision) = field.value,
               let title = decision["title"].flatMap(FieldReader.text(of:)), !title.trimmingSpaces().isEmpty,
               let urlField = decision["url"], let url = FieldReader.text(of: urlField) {
                if let target = LinkTarget.checked(url) {
                    feedback.decision = DecisionLink(title: title, url: target)
                } else {
                    reader.diagnostics.error(urlField.location, ModelMessage.unsafeLink(url))
                }
            } else {
                reader.diagnostics.error(field.location, ModelMessage.decisionShape)
            }
        }
        guard let field = reader.table["responds_to"] else {
            reader.diagnostics.error(reader.fileLocation, ModelMessage.missingField("responds_to", what: "feedback"))
            return feedback
        }
        let list: [Field]
        switch field.value {
        case .list(let items): list = items
        case .string: list = [field]
        case .null: list = []
        default:
            reader.diagnostics.error(field.location, ModelMessage.wrongType("responds_to", expected: "a list of references", found: field.kindDescription))
            gaps.refs = true
            return feedback
        }
        if list.isEmpty {
            reader.diagnostics.error(reader.location("responds_to"), ModelMessage.emptyRespondsTo)
            return feedback
        }
        let hasBody = !body.trimmingSpaces().isEmpty
        for element in list {
            var refText: String?
            var outcomeText: String?
            var outcomeLocation = element.location
            var note: String?
            switch element.value {
            case .string(let text): refText = text
            case .table(let entry):
                for unknown in entry.entries where !["ref", "outcome", "note"].contains(unknown.key) {
                    reader.diagnostics.error(unknown.keyLocation, ModelMessage.unknownItemKey(unknown.key, in: "responds_to", known: ["ref", "outcome", "note"]),
                                             hint: EditDistance.closest(to: unknown.key, in: ["ref", "outcome", "note"]).map(Message.didYouMean))
                }
                refText = entry["ref"].flatMap(FieldReader.text(of:))
                if let field = entry["outcome"] {
                    outcomeText = FieldReader.text(of: field)
                    outcomeLocation = field.location
                }
                note = entry["note"].flatMap(FieldReader.text(of:))
            default: break
            }
            guard let refText, !refText.trimmingSpaces().isEmpty else {
                reader.diagnostics.error(element.location, ModelMessage.wrongType("responds_to", expected: "a reference, or {ref, outcome, note}", found: element.kindDescription))
                gaps.refs = true
                continue
            }
            let ref = Ref.parse(refText, at: element.location)
            var outcome = feedback.defaultOutcome
            if let outcomeText {
                outcome = Outcome(rawValue: outcomeText)
                if outcome == nil {
                    reader.diagnostics.error(outcomeLocation, ModelMessage.unknownOutcome(outcomeText),
                                             hint: EditDistance.closest(to: outcomeText, in: Outcome.allCases.map(\.rawValue)).map(Message.didYouMean))
                    feedback.refsWithoutAnswer.append(ref)
                    continue
                }
            }
            guard let outcome else {
                if reader.table["outcome"] == nil {
                    reader.diagnostics.error(element.location, ModelMessage.refWithoutOutcome(refText))
                }
                feedback.refsWithoutAnswer.append(ref)
                continue
            }
            if outcome == .notAdopted, (note ?? "").trimmingSpaces().isEmpty, !hasBody {
                reader.diagnostics.error(element.location, ModelMessage.notAdoptedWithoutReason(refText))
            }
            feedback.responses.append(Response(ref: ref, outcome: outcome, note: note))
        }
        return feedback
    }
}
