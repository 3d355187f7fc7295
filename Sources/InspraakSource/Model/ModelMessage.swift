/// The sentences the model stage says about records, for the people who write them.
enum ModelMessage {
    static func wrongType(_ key: String, expected: String, found: String) -> String {
        "`\(key)` should be \(expected), not \(found)"
    }
    static func missingField(_ key: String, what: String) -> String { "this \(what) has no `\(key)`; add `\(key):` to the front matter" }
    static func emptyField(_ key: String, what: String) -> String {
        "`\(key)` is empty, but every \(what) needs one; fill it in after `\(key):`"
    }
    static func outOfRange(_ key: String, _ number: Int, _ range: ClosedRange<Int>) -> String {
        "`\(key)` must be a whole number from \(Message.number(range.lowerBound)) to \(Message.number(range.upperBound)), not \(Message.number(number))"
    }
    static func implausibleYear(_ key: String, _ text: String, _ years: ClosedRange<Int>) -> String {
        "`\(key)` \"\(text)\" lies outside the years \(years.lowerBound)–\(years.upperBound); check the year"
    }
    static func invalidDate(_ key: String, _ text: String) -> String {
        "`\(key)` is not a valid date: \"\(text)\" (write 2019-05-14, or 2019-05-14T19:30 with a time)"
    }
    static func invalidID(_ name: String) -> String {
        "the file name `\(name)` is not a valid id: use lower-case letters a–z, digits and hyphens"
    }
    static func useInstead(_ folded: String) -> String { "rename it to `\(folded)`" }
    static let idKey = "the id is the file name; remove the `id` field and rename the file instead"
    static let slugKey = "the address of a page is its file name; remove the `slug` field and rename the file instead"
    static func keyOfOtherKind(_ key: String, owner: String, folder: String) -> String {
        "`\(key)` is a field of \(owner), not of this kind of record; if this is \(owner == "advice" ? "an advice" : "a \(owner)"), move the file to content/\(folder)"
    }
    /// `suggestion` is `Message.didYouMean`'s.
    static func unknownKey(_ key: String, suggestion: String) -> String {
        "unknown field `\(key)` (kept for the theme; \(suggestion))"
    }
    static func itemNotTable(_ key: String) -> String { "each entry of `\(key)` should have an `id` and a `text`" }
    static func itemWithoutID(_ key: String) -> String { "an entry of `\(key)` has no `id` (e.g. id: i1)" }
    static func itemWithoutText(_ id: String, in key: String) -> String { "`\(key)` entry `\(id)` has no `text`" }
    static func invalidItemID(_ id: String) -> String { "the item id `\(id)` may only hold lower-case letters, digits and hyphens" }
    static func duplicateItem(_ id: String, firstLine: Int) -> String { "the item id `\(id)` is used twice in this record (first on line \(firstLine))" }
    static func refAnsweredTwice(_ ref: String, firstLine: Int) -> String {
        "`\(ref)` is answered twice in this feedback (first on line \(firstLine)); give each item one entry, with its outcome and implementation together"
    }
    static func unknownItemKey(_ key: String, in list: String, known: [String]) -> String {
        "unknown field `\(key)` in `\(list)` (known: \(known.joined(separator: ", ")))"
    }
    static func unknownOutcome(_ text: String) -> String {
        "unknown outcome `\(text)`; use one of: \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))"
    }
    static func unknownKind(_ text: String) -> String { "`kind` must be `requested` or `unsolicited`, not `\(text)`" }
    static func refWithoutOutcome(_ ref: String) -> String {
        "the answer to `\(ref)` has no `outcome`, and the feedback sets no default `outcome`"
    }
    static func chooseOutcome(_ ref: String) -> String {
        "choose an outcome for `\(ref)`: adopted, partially-adopted, not-adopted, in-progress, referred or noted"
    }
    static func unknownImplementation(_ text: String) -> String {
        "unknown implementation `\(text)`; use one of: \(Implementation.allCases.map(\.rawValue).joined(separator: ", "))"
    }
    static func implementationNotAdopted(_ ref: String, outcome: String) -> String {
        "`\(ref)` has an `implementation`, but its outcome is `\(outcome)`; only what is adopted or partially-adopted is carried out"
    }
    static func expectedWithoutPromise(_ ref: String) -> String {
        "`expected` for `\(ref)` promises nothing: use it with `outcome: in-progress` (the date of the decision) or with an `implementation` (the date it will be done)"
    }
    static let emptyRespondsTo = "`responds_to` is empty: say which meeting, advice or item this feedback answers"
    static func notAdoptedWithoutReason(_ ref: String) -> String {
        "`\(ref)` is not adopted, but no reason is given; add a `note` or explain it in the text"
    }
    static let endBeforeDate = "`end` is before `date`"
    static let dueBeforeDate = "`response_due` is before the advice's `date`"
    static let documentWithoutTarget = "each document needs a `title` and either a `file` (in the page bundle) or a `url`"
    static func documentMissing(_ file: String) -> String {
        "the document file `\(file)` is not in this record's page bundle folder"
    }
    static func documentOutsideBundle(_ file: String) -> String {
        "the document `\(file)` lies outside this record's page bundle; put the file in the bundle folder"
    }
    static let documentNeedsBundle = "a document with a `file` needs a page bundle: move this record to <id>/index.md and put the file beside it"
    static func invalidSlug(_ slug: String, of folder: ContentFolder) -> String { "`\(slug)` is not a valid \(noun(folder)) slug" }
    static func emptySlug(of folder: ContentFolder) -> String { "an empty text is not a \(noun(folder)) slug" }
    static func writeSlugOrLeaveOut(_ folder: ContentFolder) -> String {
        "write the name of a file in content/\(folder.rawValue)/ without .md, or leave the entry out"
    }
    static func unsafeLink(_ url: String) -> String {
        "the link \"\(url)\" is not allowed: a link starts with https://, http:// or mailto:, or is a path within this site"
    }
    static func unknownFormat(_ format: String, known: [String]) -> String {
        "unknown meeting format `\(format)` (known: \(known.joined(separator: ", "))); to use a new format, give it a label under [formats] in site.toml"
    }
    static let decisionShape = "`decision` should have a `title` and a `url`"

    // MARK: What a field should be (the `expected` of `wrongType`)
    static let expectedText = "text"
    static let expectedTexts = "a list of texts"
    static let expectedWholeNumber = "a whole number (without quotes)"
    static let expectedTrueOrFalse = "true or false"
    static let expectedDate = "a date like 2019-05-14 or 2019-05-14T19:30"
    static let expectedItems = "a list of {id, text}"
    static let expectedRefs = "a list of references like 2019-05-14-stamtafel or 2019-05-14-stamtafel#i2"
    static let expectedRef = "a reference like 2019-05-14-stamtafel#i2"
    static let expectedResponse = "a reference, or {ref, outcome, note}"
    static let expectedResponses = "a list of references"
    static let expectedDocuments = "a list of {title, file} or {title, url}"

    /// A record of this folder, as a message names it ("this meeting has no `title`").
    static func noun(_ folder: ContentFolder) -> String {
        switch folder {
        case .meetings: "meeting"
        case .advice: "advice"
        case .feedback: "feedback"
        case .themes: "theme"
        case .places: "place"
        case .councils: "council"
        }
    }
}
