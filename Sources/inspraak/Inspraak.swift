import ArgumentParser
import Foundation
import InspraakSource

@main
struct Inspraak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspraak",
        abstract: "Builds a participation portal from Markdown records of meetings, advice and feedback.",
        discussion: "inspraak --version --verbose also prints the versions of libcmark-gfm and libyaml.",
        version: buildVersion,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's folder (with site.toml and content/).")
    var source: String = "."

    @Flag(help: "Include records marked `draft: true`.")
    var drafts = false

    @Option(help: ArgumentHelp("The day to treat as today for open and overdue items (YYYY-MM-DD).", valueName: "date"))
    var now: String?

    func validate() throws {
        if let now, Day(iso: now) == nil {
            throw ValidationError("--now must be a date like 2026-01-15, not \"\(Diagnostic.printable(now))\"")
        }
        guard !source.isEmpty else { throw ValidationError("--source needs the site's folder, e.g. --source . (the default)") }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isFolder) {
            throw ValidationError("--source: there is no folder \(Diagnostic.printable(sourceURL.path))")
        }
        if !isFolder.boolValue {
            throw ValidationError("--source must be the site's folder (with site.toml and content/), not a file: \(Diagnostic.printable(sourceURL.path))")
        }
    }

    func today() throws -> Day {
        if let now {
            guard let day = Day(iso: now) else {
                throw ValidationError("--now must be a date like 2026-01-15, not \"\(Diagnostic.printable(now))\"")
            }
            return day
        }
        // The clock is read here, at the edge, and nowhere else.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    var sourceURL: URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}

/// Exit codes: 0 ok, 1 content errors (and files that could not be written), 64 usage errors
/// (from ArgumentParser, and an output folder the build may not replace).
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 64
}

extension FileHandle {
    func write(line: String) {
        write(Data((line + "\n").utf8))
    }
}
