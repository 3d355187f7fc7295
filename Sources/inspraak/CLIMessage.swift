import Foundation
import InspraakSite
import InspraakSource

/// Everything the command line says itself: usage errors, summaries and hints. The site's own
/// problems come from the library's catalogues, as diagnostics.
enum CLIMessage {
    // MARK: Usage errors (exit 64)
    static func notACommand(_ word: String, commands: [String]) -> String {
        "Error: `\(Diagnostic.printable(word))` is not an inspraak command; the commands are \(commands.joined(separator: ", ")) (see inspraak --help)"
    }
    static func invalidNow(_ text: String) -> String { "--now must be a date like 2026-01-15, not \"\(Diagnostic.printable(text))\"" }
    static let emptySource = "--source needs the site's folder, e.g. --source . (the default)"
    static func noSourceFolder(_ path: String) -> String { "--source: there is no folder \(Diagnostic.printable(path))" }
    static func sourceIsFile(_ path: String) -> String {
        "--source must be the site's folder (with site.toml and content/), not a file: \(Diagnostic.printable(path))"
    }
    static let emptyOutput = "--output needs a folder, e.g. --output public"
    static func invalidBaseURL(_ problem: String) -> String { "--base-url: " + Diagnostic.printable(problem) }
    static let buildNotStarted = "build not started: the output folder was not changed"
    static func unknownKind(_ kind: String) -> String { "the kind must be one of: meeting, advice, feedback, theme (not \"\(kind)\")" }
    static let invalidDate = "--date must be a date like 2025-03-04"
    static let respondsToNotFeedback = "--responds-to is only for feedback"
    static let feedbackWithoutTarget = "say which record this feedback answers: --responds-to <id>"
    static func invalidPort(_ port: Int) -> String { "--port must be a number from 0 to 65535 (0: any free port), not \(port)" }

    // MARK: serve
    static func portTaken(_ port: Int) -> String {
        "Error: port \(port) on 127.0.0.1 is already in use (is another inspraak serve running?); stop that one, or pick another port with --port, e.g. --port 0 for any free one"
    }
    static func serveFailed(_ problem: String) -> String { "Error: the server could not start: \(problem)" }
    static func serving(_ url: String) -> String { "serving \(url)" }
    static func serveMoved(_ url: String) -> String { "base_url changed: the site is now at \(url)" }
    static let serveStopped = "stopped serving"
    static let notWatching = "warning: edits are not being watched (inotify is not available here); restart serve to see them"
    static func browserNotOpened(_ url: String) -> String { "could not open a browser; open \(url) yourself" }
    static func rebuilt(first: Bool, milliseconds: Double, pages: Int, warnings: Int, servedAfter: Double? = nil) -> String {
        (first ? "built" : "rebuilt") + String(format: " in %.1f ms: ", milliseconds) + count(pages, "page") + (first ? " made" : " rewritten")
            + (warnings > 0 ? ", \(count(warnings, "warning"))" : "")
            + (servedAfter.map { String(format: " (the record pages served after %.1f ms)", $0) } ?? "")
    }
    static func rebuildFailed(first: Bool, milliseconds: Double, errors: Int) -> String {
        (first ? "build" : "rebuild") + String(format: " failed in %.1f ms: ", milliseconds) + count(errors, "error")
            + (first ? "; the browser shows them until they are fixed" : "; the browser shows them over the last good pages")
    }

    // MARK: Summaries
    static func built(records: Int, pages: Int, files: Int, time: String, warnings: Int) -> String {
        "built \(records) records into \(pages) pages (\(files) files) in \(time)" + (warnings > 0 ? ", \(count(warnings, "warning"))" : "")
    }
    static func buildFailed(errors: Int, time: String, outputReplaced: Bool) -> String {
        let output = outputReplaced ? "the new site is in place" : "the output folder was not changed"
        return "build failed: \(count(errors, "error")) in \(time); \(output)"
    }
    static func checked(records: Int, errors: Int, warnings: Int) -> String {
        "checked \(records) records: \(count(errors, "error")), \(count(warnings, "warning"))"
    }
    static func stageTime(_ stage: String, milliseconds: Double) -> String {
        "  \(stage.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%7.1f ms", milliseconds))"
    }
    static func explainFailed(errors: Int) -> String { "explain failed: \(count(errors, "error")); nothing was written" }
    static func error(_ message: String) -> String { "error: " + message }
    static func gitTime(milliseconds: Double) -> String {
        String(format: "  (load: the git pass took %.1f ms, alongside reading the files)", milliseconds)
    }
    static func writeTime(renderMilliseconds: Double, writeMilliseconds: Double) -> String {
        String(format: "  (write: pages and feeds rendered in %.1f ms, files written in %.1f ms of processor time, over all cores)",
               renderMilliseconds, writeMilliseconds)
    }
    static func wrote(_ path: String) -> String { "wrote \(path)" }
    static func createdSite(in folder: String) -> String { "created a new site in \(folder):" }
    static func themeFiles(_ path: String, count: Int) -> String { "\(path) (\(count) files)" }
    static func nextAfterInit(folder: String) -> String {
        "next: \(folder == "." ? "" : "cd \(folder) && ")inspraak build, then open public/index.html"
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
