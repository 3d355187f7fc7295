import InspraakTemplates
import InspraakSource
/// The parts of a record page: its fields, documents, linked records, trail gaps, items,
/// answers, decision and change log.

/// One field of the record as a label/value row.
struct MetaRow: TemplateView {
    let label: String
    let value: String
    /// Where the value links to (an advice's council page).
    var href: String? = nil

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case label, value, href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .label: return .text(label)
        case .value: return .text(value)
        case .href: return .optional(href)
        }
    }

    /// The fields a record of its kind shows, in order, for its page at `path`.
    static func rows(_ record: Record, _ context: RenderContext, from path: String) -> [MetaRow] {
        let strings = context.strings
        var rows: [MetaRow] = []
        func row(_ key: String, _ value: String) { rows.append(MetaRow(label: strings["field.\(key)"], value: value)) }
        switch record.details {
        case .meeting(let meeting):
            if let format = meeting.format {
                row("format", context.formatLabel(format))
            }
            if let end = meeting.end, let start = record.date.minutes {
                let endText = end.day == record.date.day ? Strings.clock(end.minutes ?? 0) : strings.moment(end)
                row("time", "\(Strings.clock(start)) – \(endText)")
            }
            if let place = meeting.place { row("location", place) }
            if !meeting.organisers.isEmpty { row("organisers", meeting.organisers.joined(separator: ", ")) }
            if let attendees = meeting.attendees { row("attendees", String(attendees)) }
        case .advice(let advice):
            let council = context.councilLink(record, from: path)
            rows.append(MetaRow(label: strings["field.council"], value: council?.title ?? advice.council, href: council?.href))
            row("addressed_to", advice.addressedTo)
            row("kind", strings["advice_kind.\(advice.kind.rawValue)"])
            if let requested = advice.requestedOn { row("requested_on", strings.longDate(requested)) }
            row("response_due", strings.longDate(advice.responseDue))
        case .feedback:
            break
        }
        return rows
    }
}

/// A document of the record: a file in its bundle or a web address.
struct DocumentLink: TemplateView {
    let document: Attachment
    let record: Record
    let path: String

    init(document: Attachment, record: Record, from path: String) {
        self.document = document
        self.record = record
        self.path = path
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href, isFile, type }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(document.title)
        case .href:
            guard let file = document.file else { return .text(document.url ?? "") }
            return .text(SitePaths.relative(from: path, to: SitePaths.record(record) + file))
        case .isFile: return .bool(document.file != nil)
        case .type:
            // "PDF" from the file's or address's extension; nothing for a long one.
            let type = (document.file ?? document.url ?? "").split(separator: ".").last.map { $0.uppercased() } ?? ""
            return .text(type.count <= 4 ? type : "")
        }
    }
}

/// Another record, linked: one this record builds on or that follows it, or a step of its trail.
final class RecordReference: TemplateView {
    let context: RenderContext
    let target: Record
    let path: String
    /// On a trail: the record whose page it is (that step is `current`, and steps have a status).
    let trailOf: Record?
    /// Asked twice (`{{date.iso}}…{{date.text}}`), looked up once.
    private let date: TemplateValue

    init(_ context: RenderContext, target: Record, from path: String, trailOf: Record? = nil) {
        self.context = context
        self.target = target
        self.path = path
        self.trailOf = trailOf
        date = context.date(of: target)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href, kindLabel, date, status, current, gap }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(target.title)
        case .href: return .text(SitePaths.relative(from: path, to: SitePaths.record(target)))
        case .kindLabel: return .text(context.kindLabel(target.kind))
        case .date: return date
        case .status: return trailOf == nil ? .bool(false) : context.status(of: target)
        // By id: after an edit to a text, `serve`'s trails hold the record as it was before.
        case .current: return .bool(trailOf?.id == target.id)
        case .gap: return trailOf == nil ? nil : .bool(false)
        }
    }
}

/// Where a long trail leaves steps out: a step whose only name is `gap`.
struct TrailGapStep: TemplateView {
    let gap: TrailGap

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case gap }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .gap: return .view(gap)
        }
    }
}

/// "… 4 eerdere stappen. Lees verder bij <nearest>".
struct TrailGap: TemplateView {
    let text: String
    let continueText: String
    let nearest: Record
    let path: String

    init(_ context: RenderContext, hidden: Int, nearest: Record, around record: Record, from path: String) {
        let earlier = (nearest.date.epochSeconds, nearest.id) < (record.date.epochSeconds, record.id)
        text = context.strings.count(earlier ? "section.trail_hidden_earlier" : "section.trail_hidden_later", hidden)
        continueText = context.strings[earlier ? "section.trail_continue_earlier" : "section.trail_continue_later"]
        self.nearest = nearest
        self.path = path
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case text, `continue`, title, href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .text: return .text(text)
        case .continue: return .text(continueText)
        case .title: return .text(nearest.title)
        case .href: return .text(SitePaths.relative(from: path, to: SitePaths.record(nearest)))
        }
    }
}

/// The records of one kind that follow this one.
struct FollowGroup: TemplateView {
    let kindLabel: String
    let records: [RecordReference]

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case kindLabel, records }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .kindLabel: return .text(kindLabel)
        case .records: return .views(records)
        }
    }
}

/// The decision a feedback refers to.
struct DecisionView: TemplateView {
    let title: String
    let href: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .href: return .text(href)
        }
    }
}

/// One commit that changed the record (`[history] show`).
struct ChangeLogEntry: TemplateView {
    let date: TimeView
    let subject: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case date, subject }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .date: return .view(date)
        case .subject: return .text(subject)
        }
    }
}
