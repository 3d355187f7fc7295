/// What `inspraak init` and `inspraak new` say when they write nothing.
enum ScaffoldMessage {
    // MARK: inspraak init
    static let emptyTitle = "the title must contain letters or digits"
    static let themeNamedDefault = "the house theme cannot be called `default`: that is the built-in theme it extends; choose a name such as `huisstijl`"
    static func themeNameNotSlug(_ name: String) -> String {
        "the theme name `\(name)` must be lower-case letters, digits and hyphens, because it is a folder name"
    }
    static let notAFolder = "this is a file, not a folder; give a folder for the new site"
    static func folderNotEmpty(_ entries: [String]) -> String {
        let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
        return "this folder is not empty (\(shown)); init only writes into an empty folder, so nothing was written"
    }
    static func notWritten(_ reason: String) -> String { "the new site could not be written: \(reason)" }

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
