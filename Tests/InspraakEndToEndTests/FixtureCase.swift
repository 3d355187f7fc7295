import Foundation
import InspraakSite
import InspraakSource

/// One invalid-site or warnings fixture (`Tests/Fixtures/<group>/<case>/`): the shared base site
/// (`Tests/Fixtures/base/site/`) with the case's own files laid over it (`<case>/site/…`, each
/// replacing the base file at its path or adding one), without the base files named in
/// `<case>/removed-from-base.txt`, and the diagnostics it must give in `<case>/expected.txt`.
struct FixtureCase {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")
    static let baseSite = fixtures.appendingPathComponent("base/site")

    /// What a path of the site holds.
    enum Entry: Equatable {
        case file([UInt8])
        /// A symbolic link, with where it leads (cases of links need the disk).
        case link(String)
    }

    let folder: URL
    var name: String { folder.lastPathComponent }

    /// Every case of a group (`invalid`, `warnings`), by name.
    static func all(_ group: String) -> [FixtureCase] {
        let groupFolder = fixtures.appendingPathComponent(group)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: groupFolder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { FixtureCase(folder: groupFolder.appendingPathComponent($0)) }
    }

    func expected() throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The base files this case does not have.
    func removedFromBase() throws -> [String] {
        let list = folder.appendingPathComponent("removed-from-base.txt")
        guard FileManager.default.fileExists(atPath: list.path) else { return [] }
        return try String(contentsOf: list, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The case's own files, by path under its site folder (hidden files included).
    func ownEntries() throws -> [String: Entry] {
        try Self.entries(under: folder.appendingPathComponent("site"))
    }

    /// The whole site: base, minus what the case removes, with the case's files over it.
    func entries() throws -> [String: Entry] {
        var all = try Self.entries(under: Self.baseSite)
        for path in try removedFromBase() {
            guard all.removeValue(forKey: path) != nil else { throw FixtureError.notInBase(name, path) }
        }
        return all.merging(try ownEntries()) { _, own in own }
    }

    /// Whether the site can be held in memory (it has no links).
    var needsDisk: Bool {
        ((try? entries()) ?? [:]).values.contains { if case .link = $0 { true } else { false } }
    }

    /// Writes the whole site into `target` (created), links as links, for the CLI to read.
    func materialise(into target: URL) throws {
        let manager = FileManager.default
        for (path, entry) in try entries().sorted(by: { $0.key < $1.key }) {
            let url = target.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch entry {
            case .file(let bytes): try Data(bytes).write(to: url)
            case .link(let destination): try manager.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
            }
        }
    }

    /// The whole site in memory (nil when it has a link).
    func tree() throws -> InMemorySourceTree? {
        var files: [String: [UInt8]] = [:]
        for (path, entry) in try entries() {
            guard case .file(let bytes) = entry else { return nil }
            files[path] = bytes
        }
        return InMemorySourceTree(files: files)
    }

    private static func entries(under root: URL) throws -> [String: Entry] {
        let manager = FileManager.default
        var result: [String: Entry] = [:]
        for relative in manager.enumerator(atPath: root.path)?.allObjects as? [String] ?? [] {
            let path = root.appendingPathComponent(relative).path
            if let destination = try? manager.destinationOfSymbolicLink(atPath: path) {
                result[relative] = .link(destination)
                continue
            }
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            result[relative] = .file([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        return result
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case notInBase(String, String)

    var description: String {
        switch self {
        case .notInBase(let name, let path): return "\(name): removed-from-base.txt names \(path), which the base site does not have"
        }
    }
}
