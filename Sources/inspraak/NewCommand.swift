import ArgumentParser
import Foundation
import InspraakSite
import InspraakSource

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a skeleton record with a valid id (never overwrites).",
        discussion: "Example: inspraak new meeting \"Thematafel mantelzorg\" --theme mantelzorg --date 2025-03-04"
    )

    @Argument(help: "meeting, advice, feedback or theme.")
    var kind: String

    @Argument(help: "The title; the id is made from the date and this title.")
    var title: String

    @Option(help: ArgumentHelp("The site's folder.", valueName: "dir"))
    var source: String = "."

    @Option(name: .customLong("theme"), help: "A theme slug (repeatable).")
    var themes: [String] = []

    @Option(help: "The record's date (YYYY-MM-DD, default today).")
    var date: String?

    @Option(name: .customLong("responds-to"), help: "For feedback (required): the record or item it answers; a record expands to its open items.")
    var respondsTo: [String] = []

    @Option(help: ArgumentHelp("The day to treat as today (YYYY-MM-DD), for which items are still open.", valueName: "date"))
    var now: String?

    func validate() throws {
        guard NewRecord.Kind(rawValue: kind) != nil else {
            throw ValidationError(CLIMessage.unknownKind(kind))
        }
        if let date, Day(iso: date) == nil { throw ValidationError(CLIMessage.invalidDate) }
        if !respondsTo.isEmpty && kind != "feedback" { throw ValidationError(CLIMessage.respondsToNotFeedback) }
        if respondsTo.isEmpty && kind == "feedback" { throw ValidationError(CLIMessage.feedbackWithoutTarget) }
        try SiteOptions.validate(now: now)
        try SiteOptions.validate(source: source)
    }

    func run() throws {
        // The site is read once: its settings, themes, councils and open items as of today.
        var options = BuildOptions(source: SiteOptions.folder(source), today: SiteOptions.today(now: now))
        options.useGitHistory = false
        let site = SiteBuild.analysis(options)
        var record = NewRecord(kind: NewRecord.Kind(rawValue: kind)!, title: title, date: date.flatMap { Day(iso: $0) } ?? site.today)
        record.themes = themes
        record.respondsTo = respondsTo
        switch record.write(into: site) {
        case .success(let path):
            print(CLIMessage.wrote(path))
        case .failure(let diagnostic):
            FileHandle.standardError.write(line: DiagnosticFormat.text(diagnostic))
            throw ExitCode(ExitStatus.contentErrors)
        }
    }
}
