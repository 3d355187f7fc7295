import Foundation
import InspraakSource

/// How one rebuild of a `LiveSite` tells `serve` what it serves, batch by batch (the small
/// pages first): each batch is served, then told with the outputs that changed and were not
/// told before, so an open page reloads once.
final class LiveTelling {
    private let started: UInt64
    private let whenServed: ((LiveRebuild) -> Void)?
    private let publish: ([String: LiveOutput], [String]) -> Void
    private var told = Set<String>()
    /// Seconds from the rebuild's start to the first batch served before the last.
    private(set) var servedAfter: Double?

    init(started: UInt64, whenServed: ((LiveRebuild) -> Void)?, publish: @escaping ([String: LiveOutput], [String]) -> Void) {
        self.started = started
        self.whenServed = whenServed
        self.publish = publish
    }

    /// Every path told of so far.
    var toldPaths: Set<String> { told }

    /// Whether anyone is told: without, the rebuild serves its outputs once, at the end.
    var tells: Bool { whenServed != nil }

    /// Serves `batch` (every output, and the paths that changed) and tells of it; a batch that
    /// changed nothing is not served unless it is the last (`always`).
    func serve(_ batch: (files: [String: LiveOutput], changed: [String]), diagnostics: [Diagnostic], timings: [(stage: String, seconds: Double)],
               rendered: Int = 0, always: Bool = false) {
        guard let whenServed, always || !batch.changed.isEmpty else { return }
        publish(batch.files, batch.changed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if !always, servedAfter == nil { servedAfter = seconds }
        let news = batch.changed.filter { !told.contains($0) }
        told.formUnion(news)
        whenServed(LiveRebuild(diagnostics: diagnostics, changedOutputs: news, pagesRewritten: rendered, seconds: seconds, timings: timings))
    }
}
