import ArgumentParser
import Foundation
import InspraakServe
import InspraakSite
import InspraakSource

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on 127.0.0.1 while you edit: each saved edit is rebuilt and the open page reloads; errors show in the browser.",
        discussion: """
        Watches site.toml, content/ and themes/. Nothing is written to disk: the site is kept in \
        memory, so build it with `inspraak build` to publish. Stop with Ctrl-C.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The port on 127.0.0.1 to serve on (0: any free port).")
    var port: Int = 8080

    @Option(name: .customLong("base-url"), help: "Override base_url from site.toml (its path is the one served under).")
    var baseURL: String?

    @Flag(name: .customLong("no-git"), help: "Do not read `updated` dates from git history.")
    var noGit = false

    @Flag(help: "Open the site in the browser once it is served.")
    var open = false

    @Flag(help: "Print how long each step of every (re)build took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(CLIMessage.invalidPort(port)) }
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError(CLIMessage.invalidBaseURL(problem))
        }
    }

    func run() throws {
        var options = BuildOptions(source: site.sourceURL, baseURL: baseURL, today: site.today)
        options.includeDrafts = site.drafts
        options.useGitHistory = !noGit
        let openBrowser = open, timings = timings
        let session = ServeSession(settings: ServeSettings(build: options, port: port)) { event in
            Self.tell(event, openBrowser: openBrowser, timings: timings)
        }
        switch Self.waiting(for: session) {
        case .stopped:
            FileHandle.standardOutput.write(line: CLIMessage.serveStopped)
        case .portTaken(let port):
            FileHandle.standardError.write(line: CLIMessage.portTaken(port))
            throw ExitCode(ExitStatus.unavailable)
        case .failed(let problem):
            FileHandle.standardError.write(line: CLIMessage.serveFailed(Diagnostic.printable(problem)))
            throw ExitCode(ExitStatus.unavailable)
        }
    }

    /// The session runs on Swift's own threads; the command's thread waits for its end.
    private static func waiting(for session: ServeSession) -> ServeOutcome {
        let ended = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            ended.set(await session.run())
            done.signal()
        }
        done.wait()
        return ended.get()
    }

    /// The terminal's side: a line per build, with the diagnostics above it (stdout written
    /// at once, not buffered: a script reading the serving line waits for it).
    private static func tell(_ event: ServeEvent, openBrowser: Bool, timings: Bool) {
        switch event {
        case .built(let build), .rebuilt(let build):
            for diagnostic in build.diagnostics {
                FileHandle.standardError.write(line: DiagnosticFormat.text(diagnostic))
            }
            let first: Bool = if case .built = event { true } else { false }
            let milliseconds = build.seconds * 1000
            let line = build.succeeded
                ? CLIMessage.rebuilt(first: first, milliseconds: milliseconds, pages: build.pagesRewritten, warnings: build.diagnostics.warningCount,
                                     servedAfter: build.servedAfter.map { $0 * 1000 })
                : CLIMessage.rebuildFailed(first: first, milliseconds: milliseconds, errors: build.diagnostics.errorCount)
            FileHandle.standardOutput.write(line: line)
            if timings {
                for (stage, seconds) in build.timings {
                    FileHandle.standardError.write(line: CLIMessage.stageTime(stage, milliseconds: seconds * 1000))
                }
            }
        case .ready(let url):
            FileHandle.standardOutput.write(line: CLIMessage.serving(url))
            if openBrowser { Self.openBrowser(at: url) }
        case .moved(let url):
            FileHandle.standardOutput.write(line: CLIMessage.serveMoved(url))
        case .notWatching:
            FileHandle.standardError.write(line: CLIMessage.notWatching)
        }
    }

    /// `--open`: the system's way of opening an address (xdg-open; open on macOS).
    private static func openBrowser(at url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(line: CLIMessage.browserNotOpened(url))
        }
    }
}

/// How the session ended, handed from its task to the waiting thread.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome = ServeOutcome.stopped
    func set(_ value: ServeOutcome) { lock.withLock { outcome = value } }
    func get() -> ServeOutcome { lock.withLock { outcome } }
}
