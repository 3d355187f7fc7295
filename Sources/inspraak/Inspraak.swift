import ArgumentParser
import Foundation
import InspraakSite
import InspraakSource

@main
struct Inspraak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspraak",
        abstract: "Builds a participation portal from Markdown records of meetings, advice and feedback.",
        discussion: "inspraak --version --verbose also prints the versions of libcmark-gfm and libyaml.",
        version: buildVersion,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self],
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
        try Self.validate(now: now)
        try Self.validate(source: source)
    }

    var today: Today { Self.today(now: now) }

    var sourceURL: URL { Self.folder(source) }

    /// `--now`, checked.
    static func validate(now: String?) throws {
        if let now, Day(iso: now) == nil { throw ValidationError(CLIMessage.invalidNow(now)) }
    }

    /// `--source`: an existing folder.
    static func validate(source: String) throws {
        guard !source.isEmpty else { throw ValidationError(CLIMessage.emptySource) }
        let url = folder(source)
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            throw ValidationError(CLIMessage.noSourceFolder(url.path))
        }
        if !isFolder.boolValue {
            throw ValidationError(CLIMessage.sourceIsFile(url.path))
        }
    }

    /// `--now` (validated), else the clock's instant: the clock is read here, at the edge, and
    /// nowhere else; the library takes its day in the site's time zone.
    static func today(now: String?) -> Today {
        if let now, let day = Day(iso: now) { return .day(day) }
        return .instant(Date())
    }

    /// A folder given on the command line, made absolute.
    static func folder(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}

/// Exit codes: 0 ok, 1 content errors (and files that could not be written), 64 usage errors
/// (from ArgumentParser, and an output folder the build may not replace), 69 `serve` could not
/// listen (the port is taken).
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 64
    static let unavailable: Int32 = 69
}

extension FileHandle {
    func write(line: String) {
        write(Data((line + "\n").utf8))
    }
}
