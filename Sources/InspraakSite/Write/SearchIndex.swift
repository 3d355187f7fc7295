import Foundation
import InspraakSource

/// Pagefind, run over the written site before it takes the output's place, so the index in
/// `pagefind/` always belongs to the pages beside it. Without Pagefind the site is complete all
/// the same: the search page then offers the overviews (its script finds no index).
public struct SearchIndexer: Sendable {
    /// The Pagefind executable; nil when none was found.
    public let executable: String?
    /// Where the executable came from, for the note when it cannot be used.
    public let origin: Origin

    public enum Origin: Sendable, Equatable {
        case option, environment, path, notFound
    }

    /// The variable that names the executable when `--pagefind` does not.
    public static let environmentVariable = "INSPRAAK_PAGEFIND"
    /// The version the tests and the bench pin (`make pagefind` installs it under `.build/tools/`).
    public static let pinnedVersion = "1.5.2"

    public init(executable: String?, origin: Origin) {
        self.executable = executable
        self.origin = origin
    }

    /// The executable named by `--pagefind`, else by `INSPRAAK_PAGEFIND`, else `pagefind` on
    /// `PATH`. A path that is named but cannot be run counts as not found (the note names it).
    public static func locate(option: String?, environment: [String: String]) -> SearchIndexer {
        if let option, !option.isEmpty { return SearchIndexer(executable: option, origin: .option) }
        if let named = environment[environmentVariable], !named.isEmpty { return SearchIndexer(executable: named, origin: .environment) }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if let found = folders.lazy.map({ $0 + "/pagefind" }).first(where: isExecutableFile) {
            return SearchIndexer(executable: found, origin: .path)
        }
        return SearchIndexer(executable: nil, origin: .notFound)
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// What indexing came to.
    enum Outcome: Equatable {
        case indexed
        /// No executable to run: the build says so in a note.
        case missing(String?)
        /// Pagefind ran and failed: a warning with what it said.
        case failed(String)
    }

    /// Indexes the site in `folder` into `folder/pagefind/`. Pagefind reads each page's `lang`
    /// (Dutch stemming for a Dutch site) and only the record pages, which mark their main
    /// content with `data-pagefind-body`.
    func index(_ folder: String) -> Outcome {
        guard let executable, Self.isExecutableFile(executable) else { return .missing(executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--site", folder, "--output-subdir", String(SitePaths.searchIndex.dropLast()), "--silent"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failed(error.localizedDescription) }
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // Its last lines say what went wrong; the staging folder's name means nothing to anyone.
            let lines = said.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " ")
            return .failed(lines.replacingOccurrences(of: folder, with: "…").nonEmpty ?? WriteMessage.searchIndexExit(process.terminationStatus))
        }
        return .indexed
    }
}
