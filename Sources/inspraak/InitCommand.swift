import ArgumentParser
import Foundation
import InspraakSite
import InspraakSource

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site that checks and builds at once (settings, one record of each kind, CI files).",
        discussion: "Example: inspraak init participatie --title \"Inspraak in Voorbeeldstad\" --base-url https://participatie.voorbeeldstad.nl/"
    )

    enum Language: String, ExpressibleByArgument, CaseIterable { case nl, en }
    enum Pipeline: String, ExpressibleByArgument, CaseIterable { case github, gitlab, none }

    @Argument(help: ArgumentHelp("The folder for the new site: created when missing, else it must be empty (a .git folder is allowed).", valueName: "dir"))
    var folder: String = "."

    @Option(help: "The site's name.")
    var title: String?

    @Option(name: .customLong("base-url"), help: "The address the site will be published at.")
    var baseURL: String?

    @Option(help: "nl or en: the language of the site and of its example records.")
    var language: Language = .nl

    @Option(help: "The CI pipeline to write: github (GitHub Actions and Pages), gitlab (GitLab CI and Pages) or none.")
    var ci: Pipeline = .github

    @Option(name: .customLong("with-theme"), help: ArgumentHelp("Copy the default theme's templates and assets into themes/<name>/ (extends = \"default\") for a house style.", valueName: "name"))
    var themeName: String?

    @Option(help: ArgumentHelp("The day to treat as today; the example records are dated in the weeks before it (YYYY-MM-DD).", valueName: "date"))
    var now: String?

    func validate() throws {
        try SiteOptions.validate(now: now)
    }

    func run() throws {
        // The new site's time zone is the default one (its site.toml says so).
        let today = SiteOptions.today(now: now).day(in: SiteConfig.defaultTimezone)
        var site = NewSite(title: title, baseURL: baseURL, language: language.rawValue, today: today, version: buildVersion)
        site.ci = NewSite.CI(rawValue: ci.rawValue)!
        site.themeName = themeName
        let problems = site.problems()
        for problem in problems {
            FileHandle.standardError.write(line: DiagnosticFormat.text(problem))
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.contentErrors) }
        let target = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        switch site.write(into: target) {
        case .failure(let diagnostic):
            FileHandle.standardError.write(line: DiagnosticFormat.text(diagnostic))
            throw ExitCode(ExitStatus.contentErrors)
        case .success(let paths):
            let shown = paths.filter { !$0.hasPrefix("themes/") }
                + (themeName.map { [CLIMessage.themeFiles("themes/\($0)/", count: paths.filter { $0.hasPrefix("themes/") }.count)] } ?? [])
            print(CLIMessage.createdSite(in: folder))
            for path in shown { print("  \(path)") }
            print(CLIMessage.nextAfterInit(folder: folder))
        }
    }
}
