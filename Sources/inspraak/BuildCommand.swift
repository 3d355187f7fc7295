import ArgumentParser
import Foundation
import InspraakSite
import InspraakSource

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (replaced only when the build succeeds)."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: public/ in the source folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.toml (e.g. for a preview).")
    var baseURL: String?

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Flag(name: .customLong("no-git"), help: "Do not read `updated` dates from git history.")
    var noGit = false

    @Flag(name: .customLong("allow-shallow"), help: "Accept a shallow git clone: warn, and use each record's `date` instead of git's dates.")
    var allowShallow = false

    @Option(help: ArgumentHelp("The Pagefind program that makes the search index (default: $INSPRAAK_PAGEFIND, else `pagefind` on PATH). Without it the site is built without a search index.",
                               valueName: "path"))
    var pagefind: String?

    @Option(help: ArgumentHelp("Print what one output file is made from (records, site.toml settings, templates, assets, the day) and write nothing. The path as under the output folder: feed.xml, themes/wonen/ or themes/wonen/index.html.",
                               valueName: "output path"))
    var explain: String?

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError(CLIMessage.emptyOutput) }
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError(CLIMessage.invalidBaseURL(problem))
        }
    }

    func run() throws {
        let source = site.sourceURL
        var options = BuildOptions(source: source, baseURL: baseURL, today: site.today)
        if let output {
            // As given (made absolute), not tidied: `..` after a link is resolved by the output
            // guard as the system resolves it.
            options.output = URL(fileURLWithPath: output.hasPrefix("/") ? output : FileManager.default.currentDirectoryPath + "/" + output)
        }
        options.includeDrafts = site.drafts
        options.useGitHistory = !noGit
        // Before any work: an output that is not the build's to replace is a usage error.
        if explain == nil, case .failure(let refusal) = OutputGuard.check(output: options.output, source: source) {
            FileHandle.standardError.write(line: DiagnosticFormat.text(refusal))
            FileHandle.standardError.write(line: CLIMessage.buildNotStarted)
            throw ExitCode(ExitStatus.usage)
        }
        options.allowShallow = allowShallow
        options.searchIndexer = SearchIndexer.locate(option: pagefind, environment: ProcessInfo.processInfo.environment)
        if let explain { try printInputs(of: explain, options: options) }
        let report = SiteBuild.build(options)
        for diagnostic in report.diagnostics {
            FileHandle.standardError.write(line: DiagnosticFormat.text(diagnostic))
        }
        if timings {
            for (stage, seconds) in report.timings {
                FileHandle.standardError.write(line: CLIMessage.stageTime(stage, milliseconds: seconds * 1000))
            }
            if let git = report.gitSeconds {
                FileHandle.standardError.write(line: CLIMessage.gitTime(milliseconds: git * 1000))
            }
            if let cpu = report.writeStageCPU {
                FileHandle.standardError.write(line: CLIMessage.writeTime(renderMilliseconds: cpu.render * 1000, writeMilliseconds: cpu.write * 1000))
            }
        }
        let time = String(format: "%.2f s", report.seconds)
        if report.succeeded {
            print(CLIMessage.built(records: report.recordCount, pages: report.pageCount, files: report.fileCount, time: time,
                                   warnings: report.diagnostics.warningCount))
            for note in report.notes { print(note) }
            if let note = report.searchIndexNote { FileHandle.standardError.write(line: note) }
            // Done: end here, while the report still holds what the build made, so the system
            // takes that memory back at once instead of it being freed value by value.
            withExtendedLifetime(report) { Foundation.exit(0) }
        } else {
            FileHandle.standardError.write(line: CLIMessage.buildFailed(errors: report.diagnostics.errorCount, time: time, outputReplaced: report.outputReplaced))
            throw ExitCode(ExitStatus.contentErrors)
        }
    }

    /// `--explain`: load, model, graph and the render plan as a build makes them, then the
    /// inputs of one output; nothing is written.
    private func printInputs(of written: String, options: BuildOptions) throws -> Never {
        let (plan, _, report) = SiteBuild.plan(options)
        for diagnostic in report.diagnostics {
            FileHandle.standardError.write(line: DiagnosticFormat.text(diagnostic))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let map = plan?.inputs()
        if timings {
            let made = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            for (stage, seconds) in report.timings + [("inputs", made)] {
                FileHandle.standardError.write(line: CLIMessage.stageTime(stage, milliseconds: seconds * 1000))
            }
        }
        guard let map, report.succeeded else {
            let errors = report.diagnostics.errorCount
            FileHandle.standardError.write(line: CLIMessage.explainFailed(errors: errors))
            Foundation.exit(ExitStatus.contentErrors)
        }
        guard let path = map.output(named: written), let text = map.explanation(of: path) else {
            FileHandle.standardError.write(line: CLIMessage.error(map.unknownOutput(written)))
            Foundation.exit(ExitStatus.usage)
        }
        print(text)
        withExtendedLifetime(report) { Foundation.exit(0) }
    }
}
