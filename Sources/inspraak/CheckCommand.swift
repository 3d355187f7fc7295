import ArgumentParser
import Foundation
import InspraakSite
import InspraakSource

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site as a build would, without writing anything."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, json
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print diagnostics: text, github (Actions annotations) or json.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(name: .customLong("no-git"), help: "Do not ask git anything (not even whether the clone is shallow).")
    var noGit = false

    @Flag(name: .customLong("allow-shallow"), help: "Accept a shallow git clone: warn instead of failing.")
    var allowShallow = false

    func run() throws {
        var options = BuildOptions(source: site.sourceURL, today: site.today)
        options.includeDrafts = site.drafts
        options.useGitHistory = !noGit
        options.allowShallow = allowShallow
        let report = SiteBuild.check(options)
        switch format {
        case .text:
            for diagnostic in report.diagnostics { print(DiagnosticFormat.text(diagnostic)) }
            FileHandle.standardError.write(line: CLIMessage.checked(records: report.recordCount, errors: report.diagnostics.errorCount,
                                                                    warnings: report.diagnostics.warningCount))
        case .github:
            for diagnostic in report.diagnostics { print(DiagnosticFormat.github(diagnostic)) }
        case .json:
            print(DiagnosticFormat.json(report.diagnostics))
        }
        let failed = report.diagnostics.hasErrors || (strict && report.diagnostics.warningCount > 0)
        // End here, while the report still holds the loaded site and graph: the system takes
        // that memory back at once instead of it being freed value by value.
        withExtendedLifetime(report) { Foundation.exit(failed ? ExitStatus.contentErrors : 0) }
    }
}
