import Foundation
import InspraakSite
import InspraakSource
import XCTest

/// The repository's root (where the example site lives), found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The example site as the golden and link tests build it: a sub-path base URL, a fixed day,
/// no git dates (so a fresh clone and a working tree give the same bytes).
func exampleOptions(output: URL) -> BuildOptions {
    var options = BuildOptions(source: repositoryRoot, output: output, baseURL: "https://example.nl/participatie/", today: Day(iso: "2026-11-15")!)
    options.useGitHistory = false
    return options
}

func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("inspraak-tests-\(ProcessInfo.processInfo.processIdentifier)")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under a folder, relative path → bytes, sorted by path.
func snapshot(_ folder: URL) throws -> [(String, Data)] {
    let base = folder.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var files: [(String, Data)] = []
    while let relative = enumerator.nextObject() as? String {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
        if isFolder.boolValue { continue }
        files.append((relative, try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))))
    }
    return files.sorted { $0.0 < $1.0 }
}

/// A short line diff: the first lines where two texts differ.
func lineDiff(_ expected: String, _ actual: String, limit: Int = 12) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(a.count, b.count) where out.count < limit {
        let left = index < a.count ? String(a[index]) : "<none>"
        let right = index < b.count ? String(b[index]) : "<none>"
        if left != right {
            out.append("line \(index + 1):\n  - \(left.prefix(200))\n  + \(right.prefix(200))")
        }
    }
    return out.joined(separator: "\n")
}

/// A copy of the example site's sources (content/ and site.toml) in `folder`, to change freely.
func copyExampleSite(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("site.toml"), to: folder.appendingPathComponent("site.toml"))
    // The organisation's logo, which site.toml names.
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("images"), to: folder.appendingPathComponent("images"))
}

/// Standard error of a build without its note that Pagefind is missing (the test machine may not
/// have it; `SearchIndexTests` checks the note itself), for tests about everything else.
func withoutSearchNote(_ err: String) -> String {
    err.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("note: Pagefind ") }.joined(separator: "\n")
}
