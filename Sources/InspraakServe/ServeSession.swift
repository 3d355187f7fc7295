import Foundation
import InspraakSite
import InspraakSource

/// What `serve` is asked to do.
package struct ServeSettings: Sendable {
    package var build: BuildOptions
    /// 0: any free port.
    package var port: Int

    package init(build: BuildOptions, port: Int) {
        self.build = build
        self.port = port
    }
}

/// What happens while serving, for the command line to tell.
package enum ServeEvent: Sendable {
    /// The first build, before the server listens.
    case built(LiveRebuild)
    /// Listening, at this address (the site's sub-path included).
    case ready(url: String)
    case rebuilt(LiveRebuild)
    /// site.toml's base_url changed: the site is now at this address.
    case moved(url: String)
    /// Edits are not seen (no inotify); the site is served as it was built.
    case notWatching
}

/// How serving ended.
package enum ServeOutcome: Sendable, Equatable {
    /// Ctrl-C or SIGTERM.
    case stopped
    case portTaken(Int)
    case failed(String)
}

/// One `serve`: the site kept in memory (LiveSite), rebuilt on every saved edit the watcher
/// sees, answered over HTTP by the router of the moment, with the open pages told to reload.
package final class ServeSession: @unchecked Sendable {
    let settings: ServeSettings
    let report: @Sendable (ServeEvent) -> Void
    let events = ReloadEvents()
    private let lock = NSLock()
    private var currentRouter: ServeRouter?
    private var port = 0

    package init(settings: ServeSettings, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.settings = settings
        self.report = report
    }

    /// The router for the site as last built (nil before the first build).
    var router: ServeRouter? { lock.withLock { currentRouter } }

    /// The address of the site: the port that is listened on, and the sub-path.
    var url: String { lock.withLock { "http://127.0.0.1:\(port)\(currentRouter?.basePath ?? "/")" } }

    /// Builds, then serves until Ctrl-C or SIGTERM.
    package func run() async -> ServeOutcome {
        if settings.port != 0, PortProbe.isTaken(settings.port) { return .portTaken(settings.port) }
        let live = LiveSite(options: settings.build)
        let first = live.report
        report(.built(first))
        install(live: live, rebuild: first, basePath: BasePath.read(source: settings.build.source, override: settings.build.baseURL) ?? "/")
        let watcher = SourceWatcher(source: settings.build.source) { [self] changed in
            rebuild(live: live, changed: changed)
        }
        if watcher == nil { report(.notWatching) }
        let server = ServeServer(session: self)
        let outcome = await server.run(port: settings.port) { [self] port in
            lock.withLock { self.port = port }
            report(.ready(url: url))
            watcher?.start()
        }
        events.close()
        watcher?.stop()
        if case .failed = outcome, settings.port != 0, PortProbe.isTaken(settings.port) { return .portTaken(settings.port) }
        return outcome
    }

    /// One batch of saved edits: rebuilt, told to the open pages as soon as they are served,
    /// and in the terminal once the rebuild is done.
    func rebuild(live: LiveSite, changed: Set<String>) {
        let before = router
        var basePath = before?.basePath ?? "/"
        if changed.contains(WatchRules.configFile), let now = BasePath.read(source: settings.build.source, override: settings.build.baseURL) {
            basePath = now
        }
        var told = false
        var shown = (overlay: before?.injection.overlay, basePath: before?.basePath)
        // Told once or (the small pages first) twice, each time with the outputs that changed since.
        let tell = { (result: LiveRebuild) in
            let router = self.install(live: live, rebuild: result, basePath: basePath)
            // The overlay came, went or changed: every page looks different.
            self.events.send(changed: result.changedOutputs, all: router.injection.overlay != shown.overlay || basePath != shown.basePath)
            shown = (router.injection.overlay, basePath)
            told = true
        }
        let result = live.rebuild(changed: changed, whenServed: tell)
        if !told { tell(result) }
        report(.rebuilt(result))
        if basePath != before?.basePath { report(.moved(url: url)) }
    }

    @discardableResult
    private func install(live: LiveSite, rebuild: LiveRebuild, basePath: String) -> ServeRouter {
        let overlay = rebuild.succeeded ? nil : ErrorOverlay.html(rebuild.diagnostics, source: settings.build.source)
        let router = ServeRouter(site: live, basePath: basePath, overlay: overlay)
        lock.withLock { currentRouter = router }
        return router
    }
}
