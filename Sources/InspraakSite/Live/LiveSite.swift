import Foundation
import InspraakSource

// STAND-IN for S1's incremental engine, with the agreed interface: every rebuild is a full
// build into memory. The lead takes S1's version of this file when merging.

/// What one (re)build of the site kept in memory did.
public struct LiveRebuild: Sendable {
    public let diagnostics: [Diagnostic]
    /// Output paths (as under the output folder) whose bytes changed, were added or removed.
    public let changedOutputs: [String]
    public let pagesRewritten: Int
    public let seconds: Double
    public let timings: [(stage: String, seconds: Double)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// One output file as `serve` sends it.
public struct LiveOutput: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A file copied as it is (a PDF in a page bundle), read from the source folder.
        case file(URL)
    }

    public let content: Content
    /// Quoted, as an HTTP ETag is.
    public let etag: String

    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = content { return bytes }
        return nil
    }
}

/// The site built into memory, rebuilt after edits; the last good output stays when a rebuild fails.
public final class LiveSite: @unchecked Sendable {
    private let options: BuildOptions
    private let lock = NSLock()
    private var outputs: [String: LiveOutput] = [:]
    private var last: LiveRebuild

    public init(options: BuildOptions) {
        self.options = options
        last = LiveRebuild(diagnostics: [], changedOutputs: [], pagesRewritten: 0, seconds: 0, timings: [])
        last = rebuild(changed: [])
    }

    public var report: LiveRebuild { lock.withLock { last } }

    public func output(at path: String) -> LiveOutput? { lock.withLock { outputs[path] } }

    public var outputPaths: [String] {
        lock.withLock { outputs.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }

    @discardableResult
    public func rebuild(changed: Set<String>) -> LiveRebuild {
        let start = DispatchTime.now().uptimeNanoseconds
        let (plan, _, report) = SiteBuild.plan(options)
        var made: [String: LiveOutput] = [:]
        if let plan, report.succeeded {
            for file in plan.files {
                if let bytes = file.bytes() {
                    made[file.path] = LiveOutput(content: .bytes(bytes), etag: Self.etag(bytes))
                } else if case .copy(let path) = file.content {
                    let url = options.source.appendingPathComponent(path)
                    let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? Array(url.path.utf8)
                    made[file.path] = LiveOutput(content: .file(url), etag: Self.etag(bytes))
                }
            }
        }
        return lock.withLock {
            var changed: [String] = []
            if report.succeeded {
                changed = Set(made.keys).union(outputs.keys).filter { made[$0]?.etag != outputs[$0]?.etag }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                outputs = made
            }
            let result = LiveRebuild(diagnostics: report.diagnostics, changedOutputs: changed,
                                     pagesRewritten: changed.filter { $0.hasSuffix(".html") && made[$0] != nil }.count,
                                     seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, timings: report.timings)
            last = result
            return result
        }
    }

    /// A hash of the bytes, quoted: the same bytes, the same tag.
    private static func etag(_ bytes: [UInt8]) -> String {
        "\"\(Assets.hash(bytes))-\(bytes.count)\""
    }
}
