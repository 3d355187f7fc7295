import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// While the write stage has a folder beside the output (the staging folder, later the previous
/// output moved aside), Ctrl-C (SIGINT) or SIGTERM removes it and ends the process by that
/// signal (the shell sees 130 for Ctrl-C), instead of leaving up to hundreds of megabytes behind
/// or finishing the build as if nothing was pressed.
///
/// A real signal handler records the signal the moment it arrives; a thread of this object
/// waits for it and does the removing (a handler may not take locks or remove files). Because
/// the signal is recorded, nothing depends on how soon that thread runs: the swap and `end()`
/// look at the record themselves, so a signal can never be dropped between the last file
/// written and the dispositions put back (a dispatch source could: its late event was lost when
/// `end()` cancelled it, and the build ended with 0).
///
/// One write at a time per process (as the dispositions are per process anyway).
final class InterruptCleanup: @unchecked Sendable {
    private static let signals = [SIGINT, SIGTERM]

    // The only process-wide state, because a C signal handler can reach nothing else (it gets
    // no context): the first signal that arrived while a cleanup listened (0: none; reset by
    // each cleanup), and the pipe its handler writes one byte to so the waiting thread wakes.
    // The pipe is made once and never closed, so a handler still running as `end()` puts the
    // dispositions back can never write into a file descriptor reused for something else.
    private static let received = Atomic<Int32>(0)
    private static let wakeUp: (read: Int32, write: Int32) = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return (-1, -1) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // A full pipe (many signals) must never block the handler: one byte already wakes.
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        return (ends[0], ends[1])
    }()

    /// Whether a signal arrived while a cleanup listened: the write stage then starts no more
    /// files. Its files are opened relative to the staging folder, which a rename does not
    /// stop (the open folder moves with it), so the cores must stop themselves.
    static var interrupted: Bool { received.load(ordering: .sequentiallyConsistent) != 0 }

    /// Async-signal-safe: an atomic store and one `write`, errno kept.
    private static let handler: @convention(c) (Int32) -> Void = { number in
        let saved = errno
        _ = InterruptCleanup.received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 1
        _ = write(InterruptCleanup.wakeUp.write, &byte, 1)
        errno = saved
    }

    /// Guards `folder` and `ended`, and is held through the swap, so a signal during the swap
    /// waits until the new output is in place and then removes what is left over.
    private let lock = NSLock()
    /// What to remove on a signal, and whether to move it aside first: the staging folder is
    /// renamed before it is removed, so the next build knows it for a leftover should the
    /// removal stop half-way; cores still writing start no new file (`interrupted`).
    private var folder: (path: String, aside: String?)?
    private var ended = false
    private var previous: [(signal: Int32, action: sigaction)] = []
    /// Signalled by the waiting thread when it stops, so `end()` leaves no thread reading the pipe.
    private let stopped = DispatchSemaphore(value: 0)
    private var listening = false

    init(removing path: String, movingAsideTo aside: String) {
        folder = (path, aside)
        let pipe = Self.wakeUp
        guard pipe.write >= 0 else { return }   // no pipe: signals act as they always do
        Self.received.store(0, ordering: .sequentiallyConsistent)
        drain(pipe.read)
        for number in Self.signals {
            var earlier = sigaction()
            guard sigaction(number, nil, &earlier) == 0 else { continue }
            // A signal the program was started to ignore (`nohup`, a background job of a
            // script) stays ignored.
            if Self.isIgnore(earlier) { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = Self.handler
            #else
            action.__sigaction_u.__sa_handler = Self.handler
            #endif
            sigemptyset(&action.sa_mask)
            // Restarted: the disk calls of the writing cores must not fail with EINTR.
            action.sa_flags = SA_RESTART
            guard sigaction(number, &action, nil) == 0 else { continue }
            previous.append((number, earlier))
        }
        guard !previous.isEmpty else { return }
        listening = true
        let thread = Thread { [self] in listen(on: pipe.read) }
        thread.name = "inspraak-interrupt"
        thread.start()
    }

    /// Runs `work` (the swap) with signals held off; it returns what a signal removes from
    /// then on (the previous output moved aside, or nothing). A signal that arrived before it
    /// ends the process instead, with the staging folder removed and the previous output as it was.
    func swap(_ work: () -> String?) {
        lock.lock()
        defer { lock.unlock() }
        endIfInterrupted()
        folder = work().map { ($0, nil) }
    }

    /// Gives the signals back their earlier dispositions and stops listening; a signal that
    /// arrived before that (however late the waiting thread would have run) ends the process
    /// here, after removing what is left, as it would have during the write.
    func end() {
        lock.lock()
        for (number, action) in previous {
            var action = action
            sigaction(number, &action, nil)
        }
        previous = []
        // After the dispositions are back: a signal from here on acts as it always does.
        endIfInterrupted()
        ended = true
        folder = nil
        lock.unlock()
        if listening {
            listening = false
            var byte: UInt8 = 0
            _ = write(Self.wakeUp.write, &byte, 1)
            stopped.wait()
        }
    }

    /// The waiting thread: each byte in the pipe is a signal (or `end()` waking it to stop).
    private func listen(on pipe: Int32) {
        var byte: UInt8 = 0
        while true {
            let count = read(pipe, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            lock.lock()
            if ended || count <= 0 {
                lock.unlock()
                stopped.signal()
                return
            }
            endIfInterrupted()
            lock.unlock()
        }
    }

    /// With `lock` held: if a signal arrived, remove the folder and end the process by it.
    private func endIfInterrupted() {
        let number = Self.received.load(ordering: .sequentiallyConsistent)
        guard number != 0 else { return }
        if let (path, aside) = folder {
            let doomed = aside.flatMap { rename(path, $0) == 0 ? $0 : nil } ?? path
            // A core that began a file before the signal may still add it while the folder is
            // being removed, which then fails (not empty): it starts no other (`interrupted`),
            // so a few more tries remove it all.
            for _ in 0..<200 {
                if (try? FileManager.default.removeItem(atPath: doomed)) != nil || access(doomed, F_OK) != 0 { break }
                usleep(1_000)
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

    private static func isIgnore(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Bytes left by a signal of an earlier write in this process (one that came as it ended).
    private func drain(_ pipe: Int32) {
        var ready = pollfd(fd: pipe, events: Int16(POLLIN), revents: 0)
        var byte: UInt8 = 0
        while poll(&ready, 1, 0) == 1, read(pipe, &byte, 1) == 1 {}
    }
}
