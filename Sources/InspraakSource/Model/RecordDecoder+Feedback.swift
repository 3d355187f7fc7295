extension RecordDecoder {
    /// A feedback's answers; a ref whose answer cannot be read is still kept for the ref checks.
    /// Whether a body says anything: all a record reads of it (a feedback whose body explains
    /// may leave out its responses' notes).
    static func hasText(_ body: String) -> Bool { !body.trimmingSpaces().isEmpty }

    func feedback(_ reader: inout FieldReader, body: String, gaps: inout RecordGaps) -> Feedback {
        var feedback = Feedback()
        if let text = reader.string("outcome") {
            if let outcome = Outcome(rawValue: text) { feedback.defaultOutcome = outcome } else {
                reader.diagnostics.error(reader.location("outcome"), ModelMessage.unknownOutcome(text),
                                         hint: Message.didYouMean(text, among: Outcome.allCases.map(\.rawValue)))
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
            reader.diagnostics.error(reader.fileLocation, ModelMessage.missingField("responds_to", what: ModelMessage.noun(.feedback)))
            return feedback
        }
        let list: [Field]
        switch field.value {
        case .list(let items): list = items
        case .string: list = [field]
        case .null: list = []
        default:
            reader.diagnostics.error(field.location, ModelMessage.wrongType("responds_to", expected: ModelMessage.expectedResponses, found: field.kindDescription))
            gaps.refs = true
            return feedback
        }
        if list.isEmpty {
            reader.diagnostics.error(reader.location("responds_to"), ModelMessage.emptyRespondsTo)
            return feedback
        }
        let hasBody = Self.hasText(body)
        // Two entries for one item would give it two answers of the same date; which one counts
        // would depend on the order of the lines, so the editor must choose.
        var firstLines: [String: Int] = [:]
        for element in list {
            let entry = response(element, defaultOutcome: feedback.defaultOutcome, hasDefault: reader.table["outcome"] != nil, hasBody: hasBody, &reader)
            let ref: Ref?
            switch entry {
            case .answer(let answer): feedback.responses.append(answer); ref = answer.ref
            case .refOnly(let refOnly): feedback.refsWithoutAnswer.append(refOnly); ref = refOnly
            case .unreadable: gaps.refs = true; ref = nil
            }
            if let ref {
                if let firstLine = firstLines[ref.description] {
                    reader.diagnostics.error(ref.location, ModelMessage.refAnsweredTwice(ref.description, firstLine: firstLine))
                } else {
                    firstLines[ref.description] = ref.location.line
                }
            }
        }
        return feedback
    }
}
