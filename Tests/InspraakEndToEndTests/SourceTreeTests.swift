import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource

/// The seam Load reads through: a site read from disk, from memory, or as edits laid over a disk
/// tree must load the same (records, fields and their lines, config, theme, diagnostics).
final class SourceTreeTests: XCTestCase {
    let options = LoadOptions(useGitHistory: false)

    /// A small site with a bundle (a file in a sub-folder), TOML and YAML front matter, and a
    /// theme of its own that extends the default and overrides a string.
    static let smallSite: [String: String] = [
        "site.toml": "title = \"Klein\"\nbase_url = \"https://example.nl/\"\ntheme = \"eigen\"\n[formats]\nwandeling = \"Wandeling\"\n",
        "themes/eigen/theme.toml": "extends = \"default\"\n",
        "themes/eigen/i18n/nl.toml": "[kind]\nmeetings = \"Bijeenkomsten in Klein\"\n",
        "themes/eigen/assets/extra.css": "body { color: black; }\n",
        "content/themes/wonen.md": "---\ntitle: Wonen\n---\nOver wonen.\n",
        "content/meetings/2024-01-01-a.md": "---\ntitle: A\ndate: 2024-01-01\nthemes: [wonen]\ninput:\n  - {id: i1, text: \"Meer huizen\"}\n---\nTekst\n",
        "content/advice/2024-02-01-b/index.md": "+++\ntitle = \"B\"\ndate = \"2024-02-01\"\ncouncil = \"Raad\"\nthemes = [\"wonen\"]\nbased_on = [\"2024-01-01-a#i1\"]\n+++\nAdvies\n",
        "content/advice/2024-02-01-b/bijlagen/brief.pdf": "%PDF",
        "content/feedback/2024-03-01-c.md": "---\ntitle: C\ndate: 2024-03-01\nresponds_to:\n  - ref: 2024-01-01-a#i1\n    outcome: adopted\n---\n",
    ]

    func write(_ files: [String: String], to folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func testTheSameSiteLoadsTheSameFromDiskAndFromMemory() throws {
        let folder = try temporaryFolder()
        try write(Self.smallSite, to: folder)
        let fromDisk = SiteLoader.load(source: folder, options: options)
        let fromMemory = SiteLoader.load(tree: InMemorySourceTree(texts: Self.smallSite), options: options)
        XCTAssertEqual(fromDisk.1.map(\.description), [])
        XCTAssertEqual(describeLoad(fromMemory), describeLoad(fromDisk))
        XCTAssertEqual(fromMemory.0?.config, fromDisk.0?.config)
        // What the comparison covered.
        let site = try XCTUnwrap(fromMemory.0)
        XCTAssertEqual(site.documents.map(\.source.path), [
            "content/advice/2024-02-01-b/index.md", "content/feedback/2024-03-01-c.md",
            "content/meetings/2024-01-01-a.md", "content/themes/wonen.md",
        ])
        XCTAssertEqual(site.documents[0].source.bundleFiles, ["bijlagen/brief.pdf"])
        XCTAssertEqual(site.documents[0].fields.entry("council")?.keyLocation.line, 4)
        XCTAssertEqual(site.theme.strings["nl"]?["kind.meetings"], "Bijeenkomsten in Klein")
        XCTAssertEqual(site.theme.assets["extra.css"]?.path, "themes/eigen/assets/extra.css")
        XCTAssertEqual(site.config.formats, ["wandeling": "Wandeling"])
        XCTAssertNil(site.root)
        XCTAssertEqual(fromDisk.0?.root, folder)
    }

    /// The same mistakes give the same messages, at the same lines, from either tree.
    func testTheSameMistakesGiveTheSameDiagnosticsFromDiskAndFromMemory() throws {
        var files = Self.smallSite
        files["content/meetings/2024-01-01-a.md"] = "---\ntitle: A\ndate: 2024-01-01\n  bad: indent\n---\n"
        files["content/meetings/notes.txt"] = "x"
        files["content/meetings/.concept.md"] = "x"
        files["content/nieuws/x.md"] = "x"
        files["content/advice/2024-02-02-leeg/brief.pdf"] = "x"
        files["content/meetings/2024-01-02-bytes.md"] = "---\ntitle: \u{1}\n---\n"
        files["themes/eigen/theme.toml"] = "extends = \"nergens\"\n"
        let folder = try temporaryFolder()
        try write(files, to: folder)
        let fromDisk = SiteLoader.load(source: folder, options: options)
        let fromMemory = SiteLoader.load(tree: InMemorySourceTree(texts: files), options: options)
        XCTAssertEqual(describeLoad(fromMemory), describeLoad(fromDisk))
        XCTAssertEqual(fromDisk.1.sorted().map(\.description), [
            "content/advice/2024-02-02-leeg:1:1: error: this folder is not a record: a page bundle needs an `index.md`",
            "content/meetings/.concept.md:1:1: warning: this file is not published: its name starts with a dot, which hides it "
                + "(rename it to `concept.md` to publish it)",
            "content/meetings/2024-01-01-a.md:4:6: error: the front matter is not valid YAML: mapping values are not allowed in "
                + "this context (check the indentation, and put text with a `:` or `#` between quotes)",
            "content/meetings/2024-01-02-bytes.md:2:8: error: this text holds an invisible control character (U+0001); remove it "
                + "(it often comes along when text is copied from another program)",
            "content/meetings/notes.txt:1:1: warning: this file is not published: records are `.md` files",
            "content/nieuws:1:1: error: the folder `content/nieuws` is not a known record type (known: meetings, advice, feedback, themes, places, councils)",
            "themes/eigen/theme.toml:1:1: error: the theme `nergens` does not exist: there is no folder themes/nergens/",
        ])
    }

    /// An overlay with one edited and one deleted file loads as a disk copy with those changes.
    func testAnOverlayLoadsAsADiskCopyWithTheSameEdits() throws {
        let original = try temporaryFolder("overlay-original")
        try write(Self.smallSite, to: original)
        let edited = "---\ntitle: A, herzien\ndate: 2024-01-01\nthemes: [wonen]\n\ninput:\n  - {id: i1, text: \"Meer huizen\"}\n---\nNieuwe tekst\n"
        var overlay = OverlaySourceTree(over: DiskSourceTree(root: original))
        overlay.edit("content/meetings/2024-01-01-a.md", text: edited)
        overlay.delete("content/feedback/2024-03-01-c.md")

        let copy = try temporaryFolder("overlay-copy")
        var changed = Self.smallSite
        changed["content/meetings/2024-01-01-a.md"] = edited
        changed["content/feedback/2024-03-01-c.md"] = nil
        try write(changed, to: copy)

        let fromOverlay = SiteLoader.load(tree: overlay, options: options)
        let fromCopy = SiteLoader.load(source: copy, options: options)
        XCTAssertEqual(describeLoad(fromOverlay), describeLoad(fromCopy))
        let site = try XCTUnwrap(fromOverlay.0)
        XCTAssertEqual(site.documents.map(\.source.path), [
            "content/advice/2024-02-01-b/index.md", "content/meetings/2024-01-01-a.md", "content/themes/wonen.md",
        ])
        XCTAssertEqual(site.documents[1].fields.entry("input")?.keyLocation.line, 6, "the edited text, not the disk's")
        // The files on disk are untouched, and git would be asked about the base tree's folder.
        XCTAssertTrue(FileManager.default.fileExists(atPath: original.appendingPathComponent("content/feedback/2024-03-01-c.md").path))
        XCTAssertEqual(site.root, original)
    }

    /// Every invalid and warnings fixture (base + its differences) loads the same from its
    /// materialised folder, from memory, and as its differences laid over the base folder.
    func testEveryFixtureLoadsTheSameFromDiskFromMemoryAndAsAnOverlay() throws {
        var compared = (memory: 0, overlay: 0)
        for fixture in FixtureCase.all("invalid") + FixtureCase.all("warnings") {
            let folder = try temporaryFolder("tree-\(fixture.name)")
            try fixture.materialise(into: folder)
            let fromDisk = describeLoad(SiteLoader.load(source: folder, options: options))
            if let tree = try fixture.tree() {
                XCTAssertEqual(describeLoad(SiteLoader.load(tree: tree, options: options)), fromDisk, "\(fixture.name): in memory")
                compared.memory += 1
            }
            var edits: [String: [UInt8]] = [:]
            var linked = false
            for (path, entry) in try fixture.ownEntries() {
                switch entry {
                case .file(let bytes): edits[path] = bytes
                case .link: linked = true
                }
            }
            guard !linked else { continue }
            let overlay = OverlaySourceTree(over: DiskSourceTree(root: FixtureCase.baseSite), edits: edits, deletions: try fixture.removedFromBase())
            XCTAssertEqual(describeLoad(SiteLoader.load(tree: overlay, options: options)), fromDisk, "\(fixture.name): overlay")
            compared.overlay += 1
        }
        XCTAssertGreaterThan(compared.memory, 70)
        XCTAssertEqual(compared.memory, compared.overlay)
    }
}
