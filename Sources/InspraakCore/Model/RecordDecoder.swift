import Foundation

/// Turns one loaded document into a typed record (or theme), reporting every bad field.
struct RecordDecoder {
    let config: SiteConfig
    let zone: TimeZone

    static let commonKeys = ["title", "date", "themes", "summary", "draft", "updated", "documents"]
    static let kindKeys: [ContentFolder: [String]] = [
        .meetings: ["format", "location", "end", "organisers", "attendees", "cancelled", "input"],
        .advice: ["council", "addressed_to", "kind", "requested_on", "based_on", "recommendations", "response_due"],
        .feedback: ["responds_to", "outcome", "decision"],
        .themes: ["description", "order"],
    ]

    static func knownKeys(_ folder: ContentFolder) -> [String] {
        folder == .themes ? ["title", "description", "order", "draft"] : commonKeys + (kindKeys[folder] ?? [])
    }

    /// The record, or nil when a required part is unusable; diagnostics either way.
    func record(_ document: LoadedDocument) -> (Record?, [Diagnostic]) {
        let source = document.source
        var reader = FieldReader(document.fields, path: source.path, zone: zone)
        checkID(source, &reader)
        let extra = checkKeys(document.fields, folder: source.folder, &reader)
        let what = Self.noun(source.folder)
        let title = reader.required("title", what: what)
        let date = reader.moment("date")
        if document.fields["date"] == nil { reader.diagnostics.error(reader.fileLocation, ModelMessage.missingField("date", what: what)) }
        let themes = reader.strings("themes")
        for (slug, field) in zip(themes, Self.listFields(document.fields["themes"])) where !RecordID.isValid(slug) {
            reader.diagnostics.error(field.location, ModelMessage.invalidThemeSlug(slug), hint: ModelMessage.useInstead(RecordID.folded(slug)))
        }
        let summary = reader.string("summary")
        let draft = reader.bool("draft") ?? false
        // Front matter wins; else git's last change after the commit that added the record.
        let updated = reader.day("updated") ?? document.history?.updated
        let documents = attachments(document, &reader)
        let body = document.frontMatter.body

        let details: Record.Details?
        switch source.folder {
        case .meetings: details = meeting(&reader, date: date).map(Record.Details.meeting)
        case .advice: details = advice(&reader, date: date).map(Record.Details.advice)
        case .feedback: details = feedback(&reader, body: body).map(Record.Details.feedback)
        case .themes: details = nil
        }
        guard let title, let date, let details, !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics.all)
        }
        let record = Record(
            id: source.name, title: title, date: date, themes: themes, themesLocation: reader.location("themes"),
            summary: summary, draft: draft, updated: updated, documents: documents, body: body,
            bodyFirstLine: document.frontMatter.bodyFirstLine, source: source, extra: extra, details: details,
            changes: document.history?.changes ?? []
        )
        return (record, reader.diagnostics.all)
    }

    func theme(_ document: LoadedDocument) -> (Theme?, Bool, [Diagnostic]) {
        let source = document.source
        var reader = FieldReader(document.fields, path: source.path, zone: zone)
        checkID(source, &reader)
        _ = checkKeys(document.fields, folder: .themes, &reader)
        let title = reader.required("title", what: "theme")
        let description = reader.string("description") ?? ""
        let order = reader.integer("order") ?? 0
        let draft = reader.bool("draft") ?? false
        guard let title, !reader.diagnostics.hasErrors else { return (nil, draft, reader.diagnostics.all) }
        let theme = Theme(slug: source.name, title: title, description: description, order: order,
                          body: document.frontMatter.body, location: reader.fileLocation)
        return (theme, draft, reader.diagnostics.all)
    }

    private static func noun(_ folder: ContentFolder) -> String {
        switch folder {
        case .meetings: return "meeting"
        case .advice: return "advice"
        case .feedback: return "feedback"
        case .themes: return "theme"
        }
    }

    private static func listFields(_ field: Field?) -> [Field] {
        guard let field else { return [] }
        if case .list(let items) = field.value { return items }
        return [field]
    }

    private func checkID(_ source: SourceDocument, _ reader: inout FieldReader) {
        if !RecordID.isValid(source.name) {
            reader.diagnostics.error(reader.fileLocation, ModelMessage.invalidID(source.name),
                                     hint: ModelMessage.useInstead(RecordID.folded(source.name)))
        }
    }

    /// Unknown keys are kept for templates; `id` and `slug` are errors; near-misses get a warning.
    private func checkKeys(_ table: FieldTable, folder: ContentFolder, _ reader: inout FieldReader) -> [FieldTable.Entry] {
        let known = Self.knownKeys(folder)
        var extra: [FieldTable.Entry] = []
        for entry in table.entries where !known.contains(entry.key) {
            if entry.key == "id" {
                reader.diagnostics.error(entry.keyLocation, ModelMessage.idKey)
            } else if entry.key == "slug" {
                reader.diagnostics.error(entry.keyLocation, ModelMessage.slugKey)
            } else {
                if let suggestion = EditDistance.closest(to: entry.key, in: known) {
                    reader.diagnostics.warning(entry.keyLocation, ModelMessage.unknownKey(entry.key, suggestion: suggestion))
                }
                extra.append(entry)
            }
        }
        return extra
    }

    private func attachments(_ document: LoadedDocument, _ reader: inout FieldReader) -> [Attachment] {
        guard let field = document.fields["documents"] else { return [] }
        guard case .list(let list) = field.value else {
            if case .null = field.value { return [] }
            reader.diagnostics.error(field.location, ModelMessage.wrongType("documents", expected: "a list of {title, file} or {title, url}", found: field.kindDescription))
            return []
        }
        var result: [Attachment] = []
        for element in list {
            guard case .table(let entry) = element.value,
                  let title = entry["title"].flatMap(FieldReader.text(of:)) else {
                reader.diagnostics.error(element.location, ModelMessage.documentWithoutTarget)
                continue
            }
            let file = entry["file"].flatMap(FieldReader.text(of:))
            let url = entry["url"].flatMap(FieldReader.text(of:))
            guard (file == nil) != (url == nil) else {
                reader.diagnostics.error(element.location, ModelMessage.documentWithoutTarget)
                continue
            }
            if let file {
                let location = entry["file"]!.location
                guard document.source.bundleFolder != nil else {
                    reader.diagnostics.error(location, ModelMessage.documentNeedsBundle)
                    continue
                }
                let parts = file.split(separator: "/")
                if file.hasPrefix("/") || parts.contains("..") || parts.contains(".") {
                    reader.diagnostics.error(location, ModelMessage.documentOutsideBundle(file))
                    continue
                }
                guard document.source.bundleFiles.contains(file) else {
                    reader.diagnostics.error(location, ModelMessage.documentMissing(file))
                    continue
                }
            }
            result.append(Attachment(title: title, file: file, url: url, location: element.location))
        }
        return result
    }

    private func meeting(_ reader: inout FieldReader, date: Moment?) -> Meeting? {
        var meeting = Meeting()
        meeting.format = reader.string("format")
        meeting.place = reader.string("location")
        meeting.end = reader.moment("end")
        if let end = meeting.end, let date, end < date {
            reader.diagnostics.error(reader.location("end"), ModelMessage.endBeforeDate)
        }
        meeting.organisers = reader.strings("organisers")
        meeting.attendees = reader.integer("attendees")
        if let attendees = meeting.attendees, attendees < 0 {
            reader.diagnostics.error(reader.location("attendees"), ModelMessage.negativeAttendees(attendees))
        }
        meeting.cancelled = reader.bool("cancelled") ?? false
        meeting.input = reader.items("input")
        return meeting
    }

    private func advice(_ reader: inout FieldReader, date: Moment?) -> Advice? {
        let council = reader.required("council", what: "advice")
        var kind = AdviceKind.requested
        if let text = reader.string("kind") {
            if let parsed = AdviceKind(rawValue: text) { kind = parsed } else {
                reader.diagnostics.error(reader.location("kind"), ModelMessage.unknownKind(text))
            }
        }
        let due = reader.day("response_due")
        let fallbackDue = (date?.day ?? Day(number: 0)).adding(days: config.adviceResponseDays)
        if let due, let date, due < date.day {
            reader.diagnostics.warning(reader.location("response_due"), ModelMessage.dueBeforeDate)
        }
        var advice = Advice(
            council: council ?? "",
            addressedTo: reader.string("addressed_to") ?? config.adviceAddressedTo,
            responseDue: due ?? fallbackDue
        )
        advice.kind = kind
        advice.requestedOn = reader.day("requested_on")
        advice.basedOn = reader.refs("based_on")
        advice.recommendations = reader.items("recommendations")
        return advice
    }

    private func feedback(_ reader: inout FieldReader, body: String) -> Feedback? {
        var feedback = Feedback()
        if let text = reader.string("outcome") {
            if let outcome = Outcome(rawValue: text) { feedback.defaultOutcome = outcome } else {
                reader.diagnostics.error(reader.location("outcome"), ModelMessage.unknownOutcome(text),
                                         hint: EditDistance.closest(to: text, in: Outcome.allCases.map(\.rawValue)).map(Message.didYouMean))
            }
        }
        if let field = reader.table["decision"] {
            if case .table(let decision) = field.value,
               let title = decision["title"].flatMap(FieldReader.text(of:)),
               let url = decision["url"].flatMap(FieldReader.text(of:)) {
                feedback.decision = DecisionLink(title: title, url: url)
            } else {
                reader.diagnostics.error(field.location, ModelMessage.decisionShape)
            }
        }
        guard let field = reader.table["responds_to"] else {
            reader.diagnostics.error(reader.fileLocation, ModelMessage.missingField("responds_to", what: "feedback"))
            return nil
        }
        let list: [Field]
        switch field.value {
        case .list(let items): list = items
        case .string: list = [field]
        default:
            reader.diagnostics.error(field.location, ModelMessage.wrongType("responds_to", expected: "a list of references", found: field.kindDescription))
            return nil
        }
        if list.isEmpty {
            reader.diagnostics.error(reader.location("responds_to"), ModelMessage.emptyRespondsTo)
            return nil
        }
        let hasBody = !body.trimmingSpaces().isEmpty
        for element in list {
            if let response = response(element, defaultOutcome: feedback.defaultOutcome, hasDefault: reader.table["outcome"] != nil, hasBody: hasBody, &reader) {
                feedback.responses.append(response)
            }
        }
        return feedback
    }
}
