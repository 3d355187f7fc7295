import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stage 5, the only one that writes: the whole plan into a staging folder beside the output,
/// then swapped in. A build that fails leaves the published folder exactly as it was.
public enum SiteWriter {
    /// What writing took: the problems, and the processor time spent making files (pages and
    /// feeds are rendered here, see `OutputPlan.Content.rendered`) apart from writing them.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var renderSeconds = 0.0
        public var writeSeconds = 0.0
    }

    public static func write(_ plan: OutputPlan, to output: URL, source: URL) -> Report {
        let files = FileManager.default
        let output = output.standardizedFileURL
        let where_ = SourceLocation(path: output.path)
        if let problem = refusal(output, source: source) {
            return Report(diagnostics: [.error(where_, problem)])
        }
        let parent = output.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(token)")
        var report = Report()
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            // Plain string paths: URL.appendingPathComponent asks the disk whether each is a folder.
            let stagingPath = staging.path + "/"
            let sourcePath = source.path + "/"
            // The biggest files first, so no core is left finishing a long page alone at the end.
            let schedule = plan.files.indices.sorted { (plan.files[$0].weight, $1) > (plan.files[$1].weight, $0) }
            // One page buffer per core, reused: freeing and reallocating a buffer per page made
            // the allocator's work grow with the site (measured: +2 s of processor time at 10k).
            let results = schedule.parallelMap(state: { [UInt8]() }) { buffer, index -> (problem: String?, render: Double, write: Double) in
                let file = plan.files[index]
                let target = stagingPath + file.path
                let started = threadSeconds()
                var rendered = started
                do {
                    switch file.content {
                    case .bytes(let bytes):
                        try makeFolder(containing: target, below: stagingPath)
                        try writeFile(bytes, to: target)
                    case .rendered(_, let make):
                        make(&buffer)
                        rendered = threadSeconds()
                        try makeFolder(containing: target, below: stagingPath)
                        try writeFile(buffer, to: target)
                    case .copy(let path):
                        try makeFolder(containing: target, below: stagingPath)
                        try FileManager.default.copyItem(atPath: sourcePath + path, toPath: target)
                    }
                    return (nil, rendered - started, threadSeconds() - rendered)
                } catch {
                    return ("\(file.path): \(error.localizedDescription)", rendered - started, threadSeconds() - rendered)
                }
            }
            report.renderSeconds = results.reduce(0) { $0 + $1.render }
            report.writeSeconds = results.reduce(0) { $0 + $1.write }
            if let first = results.lazy.compactMap(\.problem).first {
                try? files.removeItem(at: staging)
                report.diagnostics = [.error(where_, "the site could not be written (\(first)); the previous output is left as it was")]
                return report
            }
            if files.fileExists(atPath: output.path) {
                try files.moveItem(at: output, to: retired)
                do {
                    try files.moveItem(at: staging, to: output)
                } catch {
                    try? files.moveItem(at: retired, to: output)
                    throw error
                }
                try? files.removeItem(at: retired)
            } else {
                try files.moveItem(at: staging, to: output)
            }
        } catch {
            try? files.removeItem(at: staging)
            report.diagnostics = [.error(where_, "the site could not be written: \(error.localizedDescription); the previous output is left as it was")]
        }
        return report
    }

    /// The folder a file goes in, made with its missing parents (a plain `mkdir` each: most
    /// already exist or need only the last one). Two cores may race to make the same folder;
    /// that is fine.
    private static func makeFolder(containing file: String, below root: String) throws {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(file[..<slash])
        guard folder.utf8.count >= root.utf8.count else { return }
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder]) }
        try makeFolder(containing: folder, below: root)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
    }

    /// Processor time of the calling thread: how much of a core rendering and writing took.
    private static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// One open-write-close, without the temporary file and rename Foundation may add.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                posixWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            guard result > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            written += result
        }
    }

    /// Never replace a folder that holds a site's sources (a mistyped `--output .`).
    private static func refusal(_ output: URL, source: URL) -> String? {
        let files = FileManager.default
        let outputPath = output.resolvingSymlinksInPath().path
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") || outputPath == "/" {
            return "the output folder would replace the site's own folder; choose another --output (e.g. public/)"
        }
        if files.fileExists(atPath: output.appendingPathComponent("site.toml").path)
            || files.fileExists(atPath: output.appendingPathComponent("content").path) {
            return "the output folder holds a site.toml or content/ folder; it looks like a site's sources, so it is not replaced"
        }
        return nil
    }
}

/// The C `write`, reachable from inside `SiteWriter` (whose own `write` shadows it).
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
