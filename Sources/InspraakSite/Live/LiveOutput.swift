import Foundation
import InspraakSource

/// One output file of a site kept in memory (`LiveSite`), as `serve` sends it.
public struct LiveOutput: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A page bundle's file, sent from where it lies (as `build` copies it).
        case file(URL)
    }

    public let content: Content
    /// A hash of the content, quoted as an HTTP `ETag` is (`"3f2a…"`): equal bytes, equal tag.
    public let etag: String

    init(bytes: [UInt8]) {
        content = .bytes(bytes)
        etag = Self.tag(bytes)
    }

    /// A copied file, tagged by its bytes now (unreadable: by its path, so it is still sent once).
    init(file: URL) {
        content = .file(file)
        etag = Self.tag((try? Data(contentsOf: file)).map { [UInt8]($0) } ?? Array(file.path.utf8))
    }

    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = content { return bytes }
        return nil
    }

    private static func tag(_ bytes: [UInt8]) -> String {
        "\"\(Assets.hash(bytes))-\(bytes.count)\""
    }
}

/// What one (re)build of a `LiveSite` did.
public struct LiveRebuild: Sendable {
    /// The whole site's, sorted, as `build` reports them.
    public let diagnostics: [Diagnostic]
    /// Output paths whose bytes changed, that were added or that are gone, sorted.
    public let changedOutputs: [String]
    /// Pages, feeds, calendars, open data and sitemaps made again (whether or not their bytes
    /// changed); theme assets and copied files are not counted.
    public let pagesRewritten: Int
    public let seconds: Double
    /// When the small pages (a record's, a list's) were served before the rest: the seconds to then.
    public var servedAfter: Double?
    /// Seconds per step, in the order they ran: `load`, `model`, `graph`, `markdown`, `render`,
    /// then as the edit needs `facets`, `changed`, `map` or `stale`, and `pages`; after an edit
    /// read off the map before (`LiveMapUpdate`), `map` comes last, once the pages are served.
    public let timings: [(stage: String, seconds: Double)]

    public var succeeded: Bool { !diagnostics.hasErrors }
}
