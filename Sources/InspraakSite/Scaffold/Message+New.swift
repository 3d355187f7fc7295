import InspraakSource

/// What `inspraak new` says when it writes nothing.
extension Message {
    // MARK: inspraak new
    static let newTitleWithoutLetters = "the title must contain letters or digits, so it can become the id"
    static let newTitleNotOneLine = "the title must be one line of text, without line breaks, tabs or other control characters; nothing was written"
    static let newRecordExists = "this record already exists; nothing was written"
    static func newRecordNotWritten(_ reason: String) -> String { "the record could not be written: \(reason)" }
    static let newFeedbackNeedsTarget = "say which record this feedback answers: --responds-to <id>"
    static let newSiteDoesNotLoad = "the site does not load; run `inspraak check` first"
    static func newNoSuchRecord(_ id: String) -> String { "there is no record `\(id)`" }
    static func newUnknownTheme(_ slug: String, known: [String]) -> String {
        let list = known.isEmpty ? "this site has no themes yet" : "the themes are: \(known.joined(separator: ", "))"
        return "there is no theme `\(slug)` (\(list)); check the spelling, or make the theme first with `inspraak new theme`; nothing was written"
    }
}
