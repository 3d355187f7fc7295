/// The three kinds of record, named after their folders.
public enum RecordKind: String, Sendable, CaseIterable, Comparable {
    case meetings
    case advice
    case feedback

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A meeting: where residents and councils brought in their input.
public struct Meeting: Sendable {
    public var format: String?
    public var place: String?
    public var end: Moment?
    public var organisers: [String] = []
    public var attendees: Int?
    public var cancelled = false
    public var input: [Item] = []

    package init() {}
}

public enum AdviceKind: String, Sendable, CaseIterable {
    case requested
    case unsolicited
}

/// Advice from a council to the municipal executive.
public struct Advice: Sendable {
    public var council: String
    /// Where `council` is written, for messages about it.
    public var councilLocation: SourceLocation? = nil
    public var addressedTo: String
    public var kind: AdviceKind = .requested
    public var requestedOn: Day?
    public var basedOn: [Ref] = []
    public var recommendations: [Item] = []
    public var responseDue: Day
}

/// The municipality's answer: what it did with input points and recommendations.
public struct Feedback: Sendable {
    public var responses: [Response] = []
    /// Refs read whose answer could not be (an unknown or missing outcome): only in a record with
    /// errors, kept so that its refs are still checked.
    public var refsWithoutAnswer: [Ref] = []
    public var defaultOutcome: Outcome?
    public var decision: DecisionLink?
}

/// What could not be read of a record whose front matter has errors. Such a record still takes
/// part in reference checks, so that one `check` reports the whole site; the build fails, so it is
/// never rendered. The graph uses the gaps to avoid reporting errors that are only echoes.
public struct RecordGaps: Sendable, Hashable {
    /// `date` is missing or invalid: the record's date is a stand-in, so nothing is judged by it.
    public var date = false
    /// Some input point or recommendation was unreadable: a ref to an item it lacks may be right.
    public var items = false
    /// `themes` could not be read in full: having no themes is not the record's fault.
    public var themes = false
    /// A ref could not be read: the record may refer to more than it seems.
    public var refs = false

    public init() {}
}

/// One published record, typed; everything the later stages need and nothing of how it was stored.
///
/// A class because it never changes after the model stage and is handed around a lot (links,
/// trails, lists, theme pages): passing one is then a single reference, not a copy of every field.
public final class Record: Sendable {
    public enum Details: Sendable {
        case meeting(Meeting)
        case advice(Advice)
        case feedback(Feedback)
    }

    public let id: String
    public let title: String
    public let date: Moment
    /// Theme slugs as written (a record without them inherits; see the graph).
    public let themes: [String]
    public let themesLocation: SourceLocation
    /// Place slugs as written (villages, wards); never inherited.
    public let places: [String]
    public let placesLocation: SourceLocation
    /// Inline Markdown, when written.
    public let summary: String?
    public let draft: Bool
    /// As written, else from git history; else nil (the date then stands in).
    public let updated: Day?
    public let documents: [Attachment]
    public let body: String
    public let bodyFirstLine: Int
    /// The file it was read from.
    public let origin: RecordOrigin
    /// Front-matter keys the model does not know, kept for themes, in the order written.
    public let extraFields: [ExtraField]
    public let details: Details
    /// Nil for a record read without errors (the only kind that is ever rendered).
    public let gaps: RecordGaps?
    public let kind: RecordKind
    /// Input points or recommendations: what can be answered item by item.
    public let items: [Item]
    /// Every ref this record makes, in the order written.
    public let refs: [Ref]
    /// The commits that changed the record, newest first (empty outside git).
    public let changes: [FileHistory.Change]
    /// `<kind>/<id>/`: where the record's page is, relative to the site. Made once: every link
    /// to the record on every page and feed starts from it.
    public let address: String

    init(id: String, title: String, date: Moment, themes: [String], themesLocation: SourceLocation,
         places: [String] = [], placesLocation: SourceLocation? = nil, summary: String?,
         draft: Bool, updated: Day?, documents: [Attachment], body: String, bodyFirstLine: Int, origin: RecordOrigin,
         extraFields: [ExtraField], details: Details, gaps: RecordGaps? = nil, changes: [FileHistory.Change] = []) {
        self.id = id
        self.title = title
        self.date = date
        self.themes = themes
        self.themesLocation = themesLocation
        self.places = places
        self.placesLocation = placesLocation ?? themesLocation
        self.summary = summary
        self.draft = draft
        self.updated = updated
        self.documents = documents
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.origin = origin
        self.extraFields = extraFields
        self.details = details
        self.gaps = gaps
        self.changes = changes
        switch details {
        case .meeting(let meeting):
            (kind, items, refs) = (.meetings, meeting.input, [])
        case .advice(let advice):
            (kind, items, refs) = (.advice, advice.recommendations, advice.basedOn)
        case .feedback(let feedback):
            (kind, items, refs) = (.feedback, [], feedback.responses.map(\.ref) + feedback.refsWithoutAnswer)
        }
        address = kind.rawValue + "/" + id + "/"
    }

    /// The same record with another body (its front matter unchanged): `serve` after an edit
    /// to a record's text only.
    func replacingBody(_ body: String) -> Record {
        Record(id: id, title: title, date: date, themes: themes, themesLocation: themesLocation, places: places,
               placesLocation: placesLocation, summary: summary, draft: draft, updated: updated, documents: documents,
               body: body, bodyFirstLine: bodyFirstLine, origin: origin, extraFields: extraFields, details: details,
               gaps: gaps, changes: changes)
    }

    /// Whether every field was read; a record with errors only takes part in checks.
    public var isComplete: Bool { gaps == nil }

    /// The file, for messages about the record as a whole.
    public var location: SourceLocation { SourceLocation(path: origin.path, line: 1, column: 1) }

    public var meeting: Meeting? {
        if case .meeting(let meeting) = details { return meeting }
        return nil
    }

    public var advice: Advice? {
        if case .advice(let advice) = details { return advice }
        return nil
    }

    public var feedback: Feedback? {
        if case .feedback(let feedback) = details { return feedback }
        return nil
    }
}

/// A subject residents follow: `content/themes/<slug>.md`.
public struct Theme: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let description: String
    public let order: Int
    public let body: String
    public let location: SourceLocation
}

/// A village, ward or neighbourhood records can be about: `content/places/<slug>.md`.
public struct Place: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let description: String
    public let order: Int
    public let body: String
    public let location: SourceLocation
}

/// An advisory council with its own file, `content/councils/<slug>.md` (optional: a council
/// without one is known by the name its advice gives).
public struct CouncilFile: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let description: String
    /// An e-mail address, a link or a line of text, as written.
    public let contact: String?
    public let body: String
    public let location: SourceLocation
}

/// Every record, theme, place and council file of a site, typed and sorted (records by id).
public struct SiteModel: Sendable {
    public let records: [Record]
    public let themes: [Theme]
    /// By order, title, slug (like themes).
    public var places: [Place] = []
    /// By slug.
    public var councils: [CouncilFile] = []
    /// Drafts left out of this build (so a ref to one can say so).
    public let draftIDs: Set<String>
    public let unreadableIDs: Set<String>
}
