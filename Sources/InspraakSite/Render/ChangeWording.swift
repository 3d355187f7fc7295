import Foundation
import InspraakSource

/// The site's status changes, logged and worded when the first change feed is rendered, and
/// kept with the render context: `serve` takes the wording of every change whose records did
/// not change over into the next build (a new outcome rewords a few changes of thousands).
final class ChangeWording: @unchecked Sendable {
    struct Worded: Sendable {
        let log: ChangeLog
        let worded: WordedChanges
        /// The graph they were made from.
        let graph: SiteGraph
    }

    private let lock = NSLock()
    private var made: Worded?
    /// What a build before worded, to take over; dropped once this one is made.
    private var earlier: Worded?

    /// `earlier`: the wording of a build before with the same settings, strings and themes.
    init(earlier: ChangeWording? = nil) {
        self.earlier = earlier.flatMap { $0.locked { $0.made ?? $0.earlier } }
    }

    /// The log and its wording for the graph of `context`, made at the first call.
    func value(_ context: RenderContext) -> (log: ChangeLog, worded: WordedChanges) {
        lock.lock()
        defer { lock.unlock() }
        if let made { return (made.log, made.worded) }
        let log = ChangeLog(context.graph)
        let worded = WordedChanges(log, context, earlier: earlier)
        made = Worded(log: log, worded: worded, graph: context.graph)
        earlier = nil
        return (log, worded)
    }

    private func locked<T>(_ work: (ChangeWording) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return work(self)
    }
}
