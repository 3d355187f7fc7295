import Foundation
import InspraakSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stage 5, the only one that writes: the whole plan into a staging folder beside the output,
/// then swapped in. A build that fails leaves the published folder exactly as it was; one that
/// is interrupted (Ctrl-C, SIGTERM) removes its staging folder; one that was killed outright
/// leaves it for the next build to remove (see `Leftovers`).
public enum SiteWriter {
    /// What writing took: the problems, and the processor time spent making files (pages and
    /// feeds are rendered here, see `OutputPlan.Content.rendered`) apart from writing them.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var renderSeconds = 0.0
        public var writeSeconds = 0.0
        /// Whether the new site took the output's place (also when the previous output could
        /// not be removed afterwards).
        public var outputReplaced = false
    }

    /// `finishing` runs on the complete staging folder right before it is swapped in (the
    /// search index is made there, so it is published with the pages it indexes).
    public static func write(_ plan: OutputPlan, to output: URL, source: URL, finishing: (_ staging: String) -> Void = { _ in }) -> Report {
        write(plan, to: output, source: source, finishing: finishing, reaching: { _ in })
    }

    /// The worst moments for a signal to arrive, which a test can reach (`reaching`) to send
    /// one itself: every file written but nothing swapped yet; the new output in place and the
    /// previous one removed, just before the signals are given back.
    enum Moment { case written, replaced }

    static func write(_ plan: OutputPlan, to output: URL, source: URL, finishing: (_ staging: String) -> Void = { _ in },
                      reaching moment: (Moment) -> Void) -> Report {
        var report = Report()
        // Checked again here, right before acting: the folder may have changed during the build.
        let target: String
        switch OutputGuard.check(output: output, source: source) {
        case .failure(let refusal):
            report.diagnostics = [refusal]
            return report
        case .success(let path): target = path
        }
        let whole = SourceLocation(path: OutputGuard.shown(output))
        report.diagnostics += Leftovers.removeDead(beside: target)

        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent + "/" + Leftovers.stagingName(of: name, token: token)
        let retired = parent + "/" + Leftovers.retiredName(of: name, token: token)
        // A file in the staging folder is named where it would have been in the output; a
        // source file as the load stage names it (and reported there).
        let sourcePrefix = source.path + "/"
        let show = { (path: String) -> String in
            if path == staging { return target }
            if path.hasPrefix(staging + "/") { return target + path.dropFirst(staging.count) }
            if path.hasPrefix(sourcePrefix) { return String(path.dropFirst(sourcePrefix.count)) }
            return path
        }
        func failed(_ problem: FileProblem) -> Report {
            var location = whole
            if problem.action == .reading, problem.path.hasPrefix(sourcePrefix) {
                location = SourceLocation(path: String(problem.path.dropFirst(sourcePrefix.count)))
            }
            report.diagnostics.append(.error(location, WriteMessage.siteNotWritten(problem.sentence(showing: show))))
            return report
        }

        let cleanup = InterruptCleanup(removing: staging, movingAsideTo: retired)
        defer { cleanup.end() }
        if let problem = catching({
            try makeFolder(containing: staging, below: "/")
            if mkdir(staging, 0o755) != 0 { throw FileProblem(.makingFolder, staging) }
        }) {
            return failed(problem)
        }
        // Held until the build ends: the proof for later builds that this folder is in use.
        let stagingLock = FolderLock(staging)
        defer { stagingLock?.release() }

        let (problem, render, write) = writeFiles(plan, into: staging, source: source.path)
        report.renderSeconds = render
        report.writeSeconds = write
        let markerProblem = problem == nil ? catching { try writeFile(Array(OutputGuard.markerText.utf8), to: Target(folder: AT_FDCWD, path: staging + "/" + OutputGuard.markerName, shown: "")) } : nil
        if let problem = problem ?? markerProblem {
            removeQuietly(staging, movingAsideTo: retired)
            return failed(problem)
        }
        finishing(staging)
        moment(.written)

        var status = stat()
        let hadOutput = lstat(target, &status) == 0
        var previousLock: FolderLock?
        var swapProblem: FileProblem?
        var previousStrandedAside = false
        cleanup.swap {
            if hadOutput {
                // Locked before it is moved aside, so no other build takes it for a leftover.
                previousLock = FolderLock(target)
                guard rename(target, retired) == 0 else {
                    swapProblem = FileProblem(.moving, target)
                    return staging
                }
            }
            guard rename(staging, target) == 0 else {
                swapProblem = FileProblem(.moving, staging)
                if hadOutput && rename(retired, target) != 0 {
                    // Neither folder is removed: the user puts the previous one back by hand.
                    previousStrandedAside = true
                    return nil
                }
                return staging
            }
            return hadOutput ? retired : nil
        }
        if let swapProblem {
            if previousStrandedAside {
                // Out of the leftovers' names, so no later build removes it.
                let kept = parent + "/" + name + ".previous-" + token
                let place = rename(retired, kept) == 0 ? kept : retired
                report.diagnostics.append(.error(whole, WriteMessage.previousOutputStranded(place, problem: swapProblem.sentence(showing: show))))
                return report
            }
            removeQuietly(staging, movingAsideTo: retired)
            return failed(swapProblem)
        }
        report.outputReplaced = true
        if hadOutput {
            do {
                try FileManager.default.removeItem(atPath: retired)
            } catch {
                let problem = FileProblem(.removing, retired, error: error).sentence
                report.diagnostics.append(.error(whole, WriteMessage.oldOutputNotRemoved(retired, problem: problem)))
            }
            previousLock?.release()
        }
        moment(.replaced)
        return report
    }

    /// Every file of the plan into `staging`, on all cores: the first problem (in the plan's
    /// order of work), and the processor seconds spent rendering and writing.
    ///
    /// In two rounds: first the files after which something can be let go (record pages and
    /// their bodies' HTML), then, once the plan's shared values are made, the rest. The bodies
    /// and the shared values (open-data tables, worded status changes) are then never all in
    /// memory at once.
    private static func writeFiles(_ plan: OutputPlan, into staging: String, source: String) -> (FileProblem?, Double, Double) {
        // Files are opened relative to the staging folder, held open for the whole writing.
        let root = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return (FileProblem(.writing, staging), 0, 0) }
        defer { close(root) }
        let folders = OutputFolders(files: plan.files.lazy.map(\.path))
        if let problem = folders.make(in: root, shownRoot: staging + "/") { return (problem, 0, 0) }
        let files = Destination(root: root, shown: staging + "/", source: source + "/")
        let releasing = plan.files.indices.filter { plan.files[$0].releasing != nil }
        let first = writeFiles(releasing, of: plan, into: files)
        plan.makeShared()
        let rest = writeFiles(plan.files.indices.filter { plan.files[$0].releasing == nil }, of: plan, into: files)
        return (first.0 ?? rest.0, first.1 + rest.1, first.2 + rest.2)
    }

    /// Where the files go: the open staging folder, and the paths that name them in problems.
    private struct Destination: Sendable {
        let root: Int32
        /// The staging folder's path, with a slash.
        let shown: String
        /// The source folder's path, with a slash (a page bundle's files are copied from it).
        let source: String
    }

    private static func writeFiles(_ indices: [Int], of plan: OutputPlan, into destination: Destination) -> (FileProblem?, Double, Double) {
        // The biggest files first, so no core is left finishing a long page alone at the end.
        let schedule = indices.sorted { (plan.files[$0].weight, $1) > (plan.files[$1].weight, $0) }
        // One page buffer per core, reused: freeing and reallocating a buffer per page made
        // the allocator's work grow with the site (measured: +2 s of processor time at 10k).
        let results = schedule.parallelMap(state: { [UInt8]() }) { buffer, index -> (problem: FileProblem?, render: Double, write: Double) in
            let file = plan.files[index]
            let target = Target(folder: destination.root, path: file.path, shown: destination.shown)
            // Ctrl-C: the staging folder is being removed; adding to it only keeps it there.
            guard !InterruptCleanup.interrupted else { return (target.problem(.writing, code: EINTR), 0, 0) }
            let started = threadSeconds()
            var rendered = started
            let problem = catching {
                switch file.content {
                case .bytes(let bytes):
                    try writeFile(bytes, to: target)
                case .rendered(_, let make):
                    if let streamed = file.streamed {
                        try writeFile(to: target) { write in
                            streamed(&buffer) { piece in
                                write(piece)
                                piece.removeAll(keepingCapacity: true)
                            }
                            rendered = threadSeconds()
                            write(buffer)
                        }
                    } else {
                        make(&buffer)
                        rendered = threadSeconds()
                        try writeFile(buffer, to: target)
                    }
                case .copy(let path):
                    try copyFile(from: destination.source + path, to: target, buffer: &buffer)
                }
            }
            if problem == nil { file.releasing?() }
            return (problem, rendered - started, threadSeconds() - rendered)
        }
        return (results.lazy.compactMap(\.problem).first, results.reduce(0) { $0 + $1.render }, results.reduce(0) { $0 + $1.write })
    }

    private static func catching(_ work: () throws -> Void) -> FileProblem? {
        do {
            try work()
            return nil
        } catch {
            return error as? FileProblem ?? FileProblem(.writing, "", error: error)
        }
    }

    /// Removes a folder that is of no use any more; moved aside first (to a leftover's name) so
    /// that, should the removal stop half-way, the next build finishes it.
    private static func removeQuietly(_ folder: String, movingAsideTo aside: String) {
        try? FileManager.default.removeItem(atPath: rename(folder, aside) == 0 ? aside : folder)
    }

    /// The folder a file goes in, made with its missing parents: the staging folder's, for an
    /// output folder whose parents are not there yet (the site's own are `OutputFolders`).
    private static func makeFolder(containing file: String, below root: String) throws {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(file[..<slash])
        guard folder.utf8.count >= root.utf8.count, !folder.isEmpty else { return }
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw FileProblem(.makingFolder, folder) }
        try makeFolder(containing: folder, below: root)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw FileProblem(.makingFolder, folder)
        }
    }

    /// Processor time of the calling thread: how much of a core rendering and writing took.
    private static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A file to make: its path relative to an open folder (`AT_FDCWD`: the working folder,
    /// or an absolute path), and how a problem names it.
    private struct Target {
        let folder: Int32
        let path: String
        /// What comes before `path` in a problem's sentence.
        let shown: String

        func open(_ flags: Int32) -> Int32 { openat(folder, path, flags, 0o644) }
        func problem(_ action: FileProblem.Action, code: Int32 = errno) -> FileProblem { FileProblem(action, shown + path, code: code) }
    }

    /// One open-write-close, without the temporary file and rename Foundation may add.
    private static func writeFile(_ bytes: [UInt8], to target: Target) throws {
        try writeFile(to: target) { write in write(bytes) }
    }

    /// The same for a file made in pieces: `make` hands each to `write`; after the first
    /// problem the rest are not written, and that problem is thrown once `make` returns.
    private static func writeFile(to target: Target, _ make: (_ write: (borrowing [UInt8]) -> Void) -> Void) throws {
        let descriptor = target.open(O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw target.problem(.writing) }
        var problem: FileProblem?
        make { bytes in
            guard problem == nil else { return }
            do {
                try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, target: target, closing: false) }
            } catch {
                problem = error as? FileProblem ?? FileProblem(.writing, target.shown + target.path, error: error)
            }
        }
        if let problem {
            close(descriptor)
            throw problem
        }
        // Some file systems (network ones) report a full disk only when the file is closed.
        guard close(descriptor) == 0 else { throw target.problem(.writing) }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, target: Target, closing: Bool = true) throws {
        var written = 0
        while written < bytes.count {
            let result = posixWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let problem = target.problem(.writing, code: result == 0 ? ENOSPC : errno)
                if closing { close(descriptor) }
                throw problem
            }
            written += result
        }
    }

    /// A page bundle's file, copied through `buffer`. Opened without waiting (a named pipe
    /// would block) and copied only when it is a regular file.
    private static func copyFile(from source: String, to target: Target, buffer: inout [UInt8]) throws {
        let input = open(source, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw FileProblem(.reading, source) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { throw FileProblem(.reading, source) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw FileProblem(.reading, source, code: FileProblem.notRegularFile) }
        let output = target.open(O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
        guard output >= 0 else { throw target.problem(.writing) }
        if buffer.count < 1 << 16 { buffer = [UInt8](repeating: 0, count: 1 << 16) }
        while true {
            let count = buffer.withUnsafeMutableBytes { posixRead(input, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                let problem = FileProblem(.reading, source)
                close(output)
                throw problem
            }
            if count == 0 { break }
            try buffer.withUnsafeBytes { try writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: output, target: target) }
        }
        guard close(output) == 0 else { throw target.problem(.writing) }
    }
}

/// The C `write` and `read`, reachable from inside `SiteWriter` (whose own `write` shadows them).
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
