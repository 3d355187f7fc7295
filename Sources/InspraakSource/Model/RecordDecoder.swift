import Foundation

/// Turns one loaded document into a typed record (or theme), reporting every bad field.
struct RecordDecoder {
    let config: SiteConfig
    let zone: TimeZone
    /// Meeting formats with a label: the site's `[formats]`, the theme's and the built-in ones; sorted.
    let knownFormats: [String]

    /// The formats the SPEC names, known even to a theme without labels for them.
    static let builtInFormats = ["adviesraad", "inloopavond", "online", "stamtafel", "thematafel", "werkbijeenkomst"]
    static let attendeesRange = 0...1_000_000
    static let orderRange = -1_000_000...1_000_000

    static let commonKeys = ["title", "date", "themes", "places", "summary", "draft", "updated", "documents"]
    static let kindKeys: [ContentFolder: [String]] = [
        .meetings: ["format", "location", "end", "organisers", "attendees", "cancelled", "input"],
        .advice: ["council", "addressed_to", "kind", "requested_on", "based_on", "recommendations", "response_due"],
        .feedback: ["responds_to", "outcome", "decision"],
        .themes: ["description", "order"],
        .places: ["description", "order"],
        .councils: ["description", "contact"],
    ]

    static func knownKeys(_ folder: ContentFolder) -> [String] {
        folder.isDefinition ? ["title"] + kindKeys[folder]! + ["draft"] : commonKeys + (kindKeys[folder] ?? [])
    }

    /// The record and every problem in it. A record with errors is still made from what could be
    /// read (see `RecordGaps`), so its refs are checked in the same run; the build fails anyway.
    func record(_ document: LoadedDocument) -> (Record, [Diagnostic]) {
        let source = document.source
        var reader = FieldReader(document.fields, path: source.path, zone: zone)
        var gaps = RecordGaps()
        checkID(source, &reader)
        let extra = checkKeys(document.fields, folder: source.folder, &reader)
        checkLinks(in: extra, &reader)
        let what = ModelMessage.noun(source.folder)
        let title = reader.required("title", what: what)
        let date = reader.requiredMoment("date", what: what)
        gaps.date = date == nil
        let themes = readSlugs("themes", of: .themes, &reader)
        gaps.themes = themes.failed
        let places = readSlugs("places", of: .places, &reader)
        let summary = reader.string("summary")
        let draft = reader.bool("draft") ?? false
        // Front matter wins; else git's last change after the commit that added the record.
        let updated = reader.day("updated") ?? document.history?.updated
        let documents = attachments(document, &reader)
        let body = document.frontMatter.body

        let details: Record.Details
        switch source.folder {
        case .meetings: details = .meeting(meeting(&reader, date: date, gaps: &gaps))
        case .advice: details = .advice(advice(&reader, date: date, gaps: &gaps))
        case .feedback: details = .feedback(feedback(&reader, body: body, gaps: &gaps))
        // Never: themes, places and councils are read by `definition(_:)`.
        case .themes, .places, .councils: details = .meeting(Meeting())
        }
        let record = Record(
            id: source.name, title: title ?? "", date: date ?? Moment(day: Day(number: 0)), themes: themes.slugs,
            themesLocation: reader.location("themes"), places: places.slugs, placesLocation: reader.location("places"), summary: summary, draft: draft, updated: updated, documents: documents,
            body: body, bodyFirstLine: document.frontMatter.bodyFirstLine, origin: RecordOrigin(source),
            extraFields: extra.map { ExtraField(key: $0.key, value: ExtraValue($0.field)) }, details: details,
            gaps: reader.diagnostics.hasErrors ? gaps : nil,
            changes: document.history?.changes ?? []
        )
        return (record, reader.diagnostics.all)
    }

    /// A theme, place or council file, also when a field is wrong (its slug then still counts
    /// as defined, so records that use it get no echo of its error); diagnostics either way.
    func definition(_ document: LoadedDocument) -> (Definition, [Diagnostic]) {
        let source = document.source
        var reader = FieldReader(document.fields, path: source.path, zone: zone)
        checkID(source, &reader)
        _ = checkKeys(document.fields, folder: source.folder, &reader)
        let title = reader.required("title", what: ModelMessage.noun(source.folder))
        let definition = Definition(
            folder: source.folder, slug: source.name, title: title ?? source.name, description: reader.string("description") ?? "",
            order: source.folder == .councils ? 0 : reader.integer("order", in: Self.orderRange) ?? 0,
            contact: source.folder == .councils ? reader.string("contact").map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } : nil,
            draft: reader.bool("draft") ?? false, body: document.frontMatter.body, location: reader.fileLocation)
        return (definition, reader.diagnostics.all)
    }

    /// Slugs of themes or places as written; an invalid one is reported here and left out, so
    /// the graph does not also call it undefined. `failed`: not every slug could be read.
    private func readSlugs(_ key: String, of folder: ContentFolder, _ reader: inout FieldReader) -> (slugs: [String], failed: Bool) {
        let before = reader.errorCount
        var slugs: [String] = []
        let fields = Self.listFields(reader.table[key])
        for slug in reader.strings(key) {
            guard RecordID.isValid(slug) else {
                let field = fields.first { FieldReader.text(of: $0) == slug }
                // A name with nothing to fold into a slug gets no "rename it to ``".
                let folded = RecordID.folded(slug)
                reader.diagnostics.error(field?.location ?? reader.location(key),
                                         slug.isEmpty ? ModelMessage.emptySlug(of: folder) : ModelMessage.invalidSlug(slug, of: folder),
                                         hint: folded.isEmpty ? ModelMessage.writeSlugOrLeaveOut(folder) : ModelMessage.useInstead(folded))
                continue
            }
            slugs.append(slug)
        }
        return (slugs, reader.errorCount > before)
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
                if let suggestion = Message.didYouMean(entry.key, among: known) {
                    reader.diagnostics.warning(entry.keyLocation, ModelMessage.unknownKey(entry.key, suggestion: suggestion))
                } else if !folder.isDefinition,
                          let owner = [ContentFolder.meetings, .advice, .feedback].first(where: { Self.kindKeys[$0]?.contains(entry.key) == true }) {
                    // A feedback copied into meetings/ would otherwise become a meeting whose
                    // answers count for nothing, without a word.
                    reader.diagnostics.warning(entry.keyLocation, ModelMessage.keyOfOtherKind(entry.key, owner: ModelMessage.noun(owner), folder: owner.rawValue))
                }
                extra.append(entry)
            }
        }
        return extra
    }

    /// Unknown fields reach the theme's templates as they are; one named like a link (`url`,
    /// `…_url`, `href`, also inside lists and tables) must pass the same test as `documents`.
    private func checkLinks(in entries: [FieldTable.Entry], _ reader: inout FieldReader) {
        func visit(_ key: String, _ field: Field) {
            switch field.value {
            case .list(let items):
                for item in items { visit(key, item) }
            case .table(let table):
                for entry in table.entries { visit(entry.key, entry.field) }
            case .string(let text):
                let name = key.lowercased()
                if name == "url" || name.hasSuffix("_url") || name == "href", LinkTarget.checked(text) == nil {
                    reader.diagnostics.error(field.location, ModelMessage.unsafeLink(text))
                }
            default: break
            }
        }
        for entry in entries { visit(entry.key, entry.field) }
    }

    private func attachments(_ document: LoadedDocument, _ reader: inout FieldReader) -> [Attachment] {
        guard let field = document.fields["documents"] else { return [] }
        guard case .list(let list) = field.value else {
            if case .null = field.value { return [] }
            reader.diagnostics.error(field.location, ModelMessage.wrongType("documents", expected: ModelMessage.expectedDocuments, found: field.kindDescription))
            return []
        }
        var result: [Attachment] = []
        for element in list {
            guard case .table(let entry) = element.value,
                  let title = entry["title"].flatMap(FieldReader.text(of:)), !title.trimmingSpaces().isEmpty else {
                reader.diagnostics.error(element.location, ModelMessage.documentWithoutTarget)
                continue
            }
            let file = entry["file"].flatMap(FieldReader.text(of:))
            let url = entry["url"].flatMap(FieldReader.text(of:))
            guard (file == nil) != (url == nil) else {
                reader.diagnostics.error(element.location, ModelMessage.documentWithoutTarget)
                continue
            }
            if let url {
                guard let target = LinkTarget.checked(url) else {
                    reader.diagnostics.error(entry["url"]!.location, ModelMessage.unsafeLink(url))
                    continue
                }
                result.append(Attachment(title: title, file: nil, url: target, location: element.location))
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

    private func meeting(_ reader: inout FieldReader, date: Moment?, gaps: inout RecordGaps) -> Meeting {
        var meeting = Meeting()
        meeting.format = reader.string("format")
        if let format = meeting.format, !knownFormats.contains(format) {
            reader.diagnostics.warning(reader.location("format"), ModelMessage.unknownFormat(format, known: knownFormats),
                                       hint: Message.didYouMean(format, among: knownFormats))
        }
        meeting.place = reader.string("location")
        meeting.end = reader.moment("end")
        if let end = meeting.end, let date, end < date {
            reader.diagnostics.error(reader.location("end"), ModelMessage.endBeforeDate)
        }
        meeting.organisers = reader.strings("organisers")
        meeting.attendees = reader.integer("attendees", in: Self.attendeesRange)
        meeting.cancelled = reader.bool("cancelled") ?? false
        let before = reader.errorCount
        meeting.input = reader.items("input")
        gaps.items = reader.errorCount > before
        return meeting
    }

    private func advice(_ reader: inout FieldReader, date: Moment?, gaps: inout RecordGaps) -> Advice {
        let council = reader.required("council", what: ModelMessage.noun(.advice))
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
            council: council?.trimmingSpaces() ?? "",
            addressedTo: reader.string("addressed_to") ?? config.adviceAddressedTo,
            responseDue: due ?? fallbackDue
        )
        advice.kind = kind
        advice.councilLocation = reader.location("council")
        advice.requestedOn = reader.day("requested_on")
        var before = reader.errorCount
        advice.basedOn = reader.refs("based_on")
        gaps.refs = reader.errorCount > before
        before = reader.errorCount
        advice.recommendations = reader.items("recommendations")
        gaps.items = reader.errorCount > before
        return advice
    }
}
