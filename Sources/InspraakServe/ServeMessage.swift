import Foundation

/// What `serve` says in the browser: the error overlay's sentences and its plain pages.
/// (What it says in the terminal is the command line's, in CLIMessage.)
enum ServeMessage {
    static let overlayTitle = "The site could not be rebuilt"
    static func overlaySummary(errors: Int, warnings: Int) -> String {
        var found = count(errors, "error")
        if warnings > 0 { found += " and " + count(warnings, "warning") }
        return "Your last edit has \(found). The page below is the last version that built; "
            + "fix the file and save it, and this message goes away by itself."
    }
    static let overlayLabel = "Build errors"
    static let sourceLabel = "The lines around it, with the line marked"
    static let markedLine = "this line"
    static let noGoodBuildTitle = "Nothing to show yet"
    static let noGoodBuild = "The site has not been built successfully since serve started; fix the errors above and save."
    static let notFoundTitle = "Page not found"
    static let notFound = "There is no page at this address."
    static let badRequest = "This address cannot be served: it leaves the site (`..`) or is not a valid path."
    static let methodNotAllowed = "Only GET and HEAD are served."

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
