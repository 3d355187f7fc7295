/// One entry of a feedback's `responds_to`: a ref, or `{ref, outcome, implementation, expected, note}`.
extension RecordDecoder {
    static let responseKeys = ["ref", "outcome", "implementation", "expected", "note"]

    /// What one entry gives: an answer; or, when its answer cannot be used (a diagnostic says
    /// why), only its ref, still checked against the other records; or nothing readable at all.
    enum Entry {
        case answer(Response)
        case refOnly(Ref)
        case unreadable
    }

    func response(_ element: Field, defaultOutcome: Outcome?, hasDefault: Bool, hasBody: Bool, _ reader: inout FieldReader) -> Entry {
        var refText: String?
        var entry = FieldTable(entries: [], location: element.location)
        switch element.value {
        case .string(let text): refText = text
        case .table(let table):
            entry = table
            for unknown in table.entries where !Self.responseKeys.contains(unknown.key) {
                reader.diagnostics.error(unknown.keyLocation, ModelMessage.unknownItemKey(unknown.key, in: "responds_to", known: Self.responseKeys),
                                         hint: Message.didYouMean(unknown.key, among: Self.responseKeys))
            }
            refText = table["ref"].flatMap(FieldReader.text(of:))
        default: break
        }
        guard let refText, !refText.trimmingSpaces().isEmpty else {
            reader.diagnostics.error(element.location, ModelMessage.wrongType("responds_to", expected: ModelMessage.expectedResponse, found: element.kindDescription))
            return .unreadable
        }
        let ref = Ref.parse(refText, at: element.location)
        let note = entry["note"].flatMap(FieldReader.text(of:))
        var usable = true

        var outcome: Outcome?
        if let field = entry["outcome"] {
            let text = FieldReader.text(of: field)?.trimmingSpaces() ?? ""
            if text.isEmpty {
                // What `new feedback` writes until an editor chooses.
                reader.diagnostics.error(field.location, ModelMessage.chooseOutcome(refText))
                return .refOnly(ref)
            }
            outcome = Outcome(rawValue: text)
            if outcome == nil {
                reader.diagnostics.error(field.location, ModelMessage.unknownOutcome(text),
                                         hint: Message.didYouMean(text, among: Outcome.allCases.map(\.rawValue)))
                return .refOnly(ref)
            }
        }
        var implementation: Implementation?
        if let field = entry["implementation"], let text = FieldReader.text(of: field) {
            implementation = Implementation(rawValue: text)
            if implementation == nil {
                reader.diagnostics.error(field.location, ModelMessage.unknownImplementation(text),
                                         hint: Message.didYouMean(text, among: Implementation.allCases.map(\.rawValue)))
                usable = false
            }
        }
        var expected: Day?
        if let field = entry["expected"] {
            if let text = FieldReader.text(of: field), let moment = Moment.parse(text, zone: zone) {
                expected = moment.day
            } else if case .null = field.value {
            } else {
                reader.diagnostics.error(field.location, ModelMessage.invalidDate("expected", FieldReader.text(of: field) ?? field.kindDescription))
                usable = false
            }
        }
        // A default outcome covers every entry without its own, implementation reports included.
        outcome = outcome ?? defaultOutcome
        if outcome == nil, implementation == nil {
            if !hasDefault { reader.diagnostics.error(element.location, ModelMessage.refWithoutOutcome(refText)) }
            return .refOnly(ref)
        }
        if let outcome, implementation != nil, !outcome.canBeImplemented {
            reader.diagnostics.error(entry["implementation"]?.location ?? element.location, ModelMessage.implementationNotAdopted(refText, outcome: outcome.rawValue))
            usable = false
        }
        if expected != nil, outcome != .inProgress, implementation == nil {
            reader.diagnostics.error(entry["expected"]?.location ?? element.location, ModelMessage.expectedWithoutPromise(refText))
            usable = false
        }
        if outcome == .notAdopted, (note ?? "").trimmingSpaces().isEmpty, !hasBody {
            reader.diagnostics.error(element.location, ModelMessage.notAdoptedWithoutReason(refText))
        }
        guard usable else { return .refOnly(ref) }
        var response = Response(ref: ref, outcome: outcome, note: note)
        response.implementation = implementation
        response.expected = expected
        return .answer(response)
    }
}
