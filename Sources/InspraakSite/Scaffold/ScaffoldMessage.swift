/// What `inspraak init` says when it cannot make a new site.
enum ScaffoldMessage {
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
}
