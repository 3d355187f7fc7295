import Foundation
import InspraakSite

/// The live reload channel: each open page listens on /__inspraak/events (Server-Sent Events)
/// and hears, after every rebuild, which outputs changed, or that all did (the overlay came
/// or went).
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// Past this many changed outputs a page is simply told that everything changed.
    static let listLimit = 2000

    /// A new listener's stream of SSE messages; it ends when the page goes or serve stops.
    func listen() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            nextID += 1
            listeners[nextID] = continuation
            return nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        // Tells the browser to try again soon if serve restarts.
        continuation.yield("retry: 1000\n\n")
        return stream
    }

    var listenerCount: Int { lock.withLock { listeners.count } }

    /// After a rebuild: the changed outputs, or all when the overlay came, went or changed.
    func send(changed: [String], all: Bool) {
        guard all || !changed.isEmpty else { return }
        let message = Self.message(changed: changed, all: all)
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(message) }
    }

    static func message(changed: [String], all: Bool) -> String {
        let everything = all || changed.count > listLimit
        let list = everything ? [] : changed
        let data = (try? JSONSerialization.data(withJSONObject: ["all": everything, "changed": list], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{\"all\":true}".utf8)
        return "event: rebuild\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    /// Ends every stream (serve is stopping), so no open page holds the server up.
    func close() {
        let open = lock.withLock {
            closed = true
            defer { listeners.removeAll() }
            return Array(listeners.values)
        }
        for listener in open { listener.finish() }
    }
}
