import Foundation

/// Record files as parsed at earlier loads of one site, by path, with the bytes they were
/// parsed from: `serve` loads the site again after each edit and parses only the files whose
/// bytes (or whose place: a bundle's files) changed. Loading reads files on all cores, hence the lock.
package final class ParsedDocumentCache: @unchecked Sendable {
    private struct Entry {
        let source: SourceDocument
        let bytes: [UInt8]
        let result: Result<LoadedDocument, Diagnostic>
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    package init() {}

    /// The earlier result for `source`, when it was parsed from exactly these bytes.
    func result(for source: SourceDocument, bytes: [UInt8]) -> Result<LoadedDocument, Diagnostic>? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[source.path], entry.source == source, entry.bytes == bytes else { return nil }
        return entry.result
    }

    func store(_ result: Result<LoadedDocument, Diagnostic>, for source: SourceDocument, bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        entries[source.path] = Entry(source: source, bytes: bytes, result: result)
    }

    /// Whether it may hold the file at `path` or one below it: the file, a bundle's `index.md`,
    /// or any path without a dot in its name (a folder of records).
    package func holds(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let name = path.split(separator: "/").last ?? ""
        return entries[path] != nil || entries[path + "/index.md"] != nil || !name.contains(".")
    }

    /// Forgets files that are gone, so a long `serve` does not keep every deleted record.
    package func keepOnly(_ paths: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { paths.contains($0.key) }
    }
}
