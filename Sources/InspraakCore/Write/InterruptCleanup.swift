import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// While the write stage has a folder beside the output (the staging folder, later the previous
/// output moved aside), Ctrl-C (SIGINT) or SIGTERM removes it before the process ends, instead
/// of leaving up to hundreds of megabytes behind.
///
/// Signals come in through DispatchSource, which runs the handler on an ordinary queue thread,
/// not inside a signal handler, so it may take a lock and remove files. Nothing global is kept:
/// the sources and this object live for one write. The only process-wide state touched is what
/// the signal mechanism itself needs: the two signals' dispositions, set to "ignore" while the
/// sources listen (so the default action does not end the process first) and put back by `end()`.
final class InterruptCleanup: @unchecked Sendable {
    private static let signals = [SIGINT, SIGTERM]

    /// Guards `folder`, and is held through the swap, so a signal during the swap waits until
    /// the new output is in place and then removes what is left over. The handler never
    /// releases it: the process ends there.
    private let lock = NSLock()
    /// What to remove on a signal, and whether to move it aside first: the staging folder is
    /// renamed before it is removed, so cores still writing into it fail at once instead of
    /// refilling the folder being removed.
    private var folder: (path: String, aside: String?)?
    private var sources: [any DispatchSourceSignal] = []
    private var previous: [(signal: Int32, handler: (@convention(c) (Int32) -> Void)?)] = []

    init(removing path: String, movingAsideTo aside: String) {
        folder = (path, aside)
        for number in Self.signals {
            let earlier = signal(number, SIG_IGN)
            previous.append((number, earlier))
            // A signal the program was started to ignore (`nohup`, a background job of a
            // script) stays ignored.
            if unsafeBitCast(earlier, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `work` (the swap) with signals held off; it returns what a signal removes from
    /// then on (the previous output moved aside, or nothing).
    func swap(_ work: () -> String?) {
        lock.lock()
        defer { lock.unlock() }
        folder = work().map { ($0, nil) }
    }

    /// Stops listening and gives the signals back their earlier dispositions.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        folder = nil
        for source in sources { source.cancel() }
        sources = []
        for (number, handler) in previous { signal(number, handler) }
        previous = []
    }

    private func interrupted(by number: Int32) {
        lock.lock()
        if let (path, aside) = folder {
            if let aside, rename(path, aside) == 0 {
                try? FileManager.default.removeItem(atPath: aside)
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        // End as the signal asks, so the shell sees "interrupted" (130 for Ctrl-C): its default
        // action, unblocked on this thread, raised here.
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}
