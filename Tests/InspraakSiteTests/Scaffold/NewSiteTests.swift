import XCTest
@testable import InspraakSite
@testable import InspraakSource

final class NewSiteTests: XCTestCase {
    let today = Day(iso: "2026-11-15")!

    func text(_ site: NewSite, _ path: String) throws -> String {
        let file = try XCTUnwrap(site.files().first { $0.path == path }, "\(path) is not written")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// Every key the loader accepts is in the new site.toml, under its table, with a comment
    /// right above it; the file loads without a problem and gives the defaults.
    func testSiteTOMLHoldsEveryKnownSettingWithAComment() throws {
        for language in ["nl", "en"] {
            let site = NewSite(language: language, today: today, version: "0.1.0")
            let toml = try text(site, "site.toml")
            let lines = toml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var table = ""
            var seen: Set<String> = []
            var commentedTable = false
            for (index, line) in lines.enumerated() {
                // A table that must not be on by default ([woo] turns on DiWoo output) is written
                // commented out, key and all.
                if line.hasPrefix("# [") {
                    table = String(line.dropFirst(3).dropLast()); seen.insert(table); commentedTable = true; continue
                }
                if commentedTable, line.hasPrefix("# "), let equals = line.firstIndex(of: "=") {
                    seen.insert("\(table).\(line.dropFirst(2)[..<equals].trimmingCharacters(in: .whitespaces))"); continue
                }
                if line.hasPrefix("[") {
                    commentedTable = false; table = String(line.dropFirst().dropLast()); seen.insert(table); continue }
                guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                seen.insert(table.isEmpty ? key : "\(table).\(key)")
                XCTAssertTrue(lines[index - 1].hasPrefix("#"), "\(language): `\(key)` has no comment above it")
            }
            for (table, keys) in SiteConfig.knownKeys {
                for key in keys {
                    let name = table.isEmpty ? key : "\(table).\(key)"
                    XCTAssertTrue(seen.contains(name), "\(language): site.toml does not set `\(name)`")
                }
            }
            let (config, diagnostics) = SiteConfig.parse(toml)
            XCTAssertEqual(diagnostics, [])
            var expected = SiteConfig(title: site.title, baseURL: site.baseURL)
            expected.language = language
            expected.description = language == "nl" ? "Wat er gebeurt met uw inbreng" : "What happens with your input"
            expected.themeLocation = SourceLocation(path: "site.toml", line: 17, column: 1)
            if language == "en" { expected.adviceAddressedTo = "Mayor and aldermen" }
            XCTAssertEqual(config, expected)
        }
    }

    func testTitleWithQuotesAndTheHouseThemeAreWrittenIntoSiteTOML() throws {
        var site = NewSite(title: "Inspraak in \"Oud-Beijerland\" \\ test", baseURL: "https://example.nl/participatie", today: today, version: "0.1.0")
        site.themeName = "huisstijl"
        let (config, diagnostics) = SiteConfig.parse(try text(site, "site.toml"))
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(config?.title, "Inspraak in \"Oud-Beijerland\" \\ test")
        XCTAssertEqual(config?.baseURL, "https://example.nl/participatie/")
        XCTAssertEqual(config?.theme, "huisstijl")
        XCTAssertEqual(try text(site, "themes/huisstijl/theme.toml").split(separator: "\n").filter { !$0.hasPrefix("#") },
                       ["name = \"huisstijl\"", "extends = \"default\""])
        let copied = site.files().map(\.path).filter { $0.hasPrefix("themes/huisstijl/") }
        let embedded = EmbeddedDefaultTheme.files.map(\.0).filter { $0.hasPrefix("templates/") || $0.hasPrefix("assets/") }
        XCTAssertEqual(Set(copied), Set(embedded.map { "themes/huisstijl/\($0)" } + ["themes/huisstijl/theme.toml"]))
        XCTAssertTrue(embedded.contains("templates/record.mustache"))
    }

    func testPipelineChoice() throws {
        var site = NewSite(today: today, version: "1.2.3")
        XCTAssertTrue(try text(site, ".github/workflows/inspraak.yml").contains("INSPRAAK_VERSION: \"1.2.3\""))
        site.ci = .gitlab
        XCTAssertTrue(try text(site, ".gitlab-ci.yml").contains("GIT_DEPTH: 0"))
        XCTAssertFalse(site.files().contains { $0.path.hasPrefix(".github") })
        site.ci = .none
        XCTAssertEqual(site.files().map(\.path).filter { $0.hasPrefix(".git") }, [".gitignore"])
    }

    func testProblemsWithTheOptions() {
        var site = NewSite(title: "  ", baseURL: "participatie.nl", language: "de", today: today, version: "0.1.0")
        site.themeName = "Huis Stijl"
        XCTAssertEqual(site.problems().map(DiagnosticFormat.text), [
            "site.toml:1:1: error: the title must contain letters or digits",
            "site.toml:1:1: error: `base_url` must be an absolute http or https address, like https://participatie.voorbeeldstad.nl/ (found \"participatie.nl\")",
            "site.toml:1:1: error: `language` must be \"nl\" or \"en\" (found \"de\")",
            "themes/Huis Stijl:1:1: error: the theme name `Huis Stijl` must be lower-case letters, digits and hyphens, because it is a folder name (did you mean `huis-stijl`?)",
        ])
        site = NewSite(today: today, version: "0.1.0")
        site.themeName = "default"
        XCTAssertEqual(site.problems().count, 1)
    }
}
