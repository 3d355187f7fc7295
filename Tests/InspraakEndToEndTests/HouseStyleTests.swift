import Foundation
import XCTest
import InspraakSite
import InspraakSource

/// The design tokens of the default theme and the worked house style in themes/voorbeeldstad/:
/// a house style that replaces only `assets/design-tokens.css` and `templates/footer.mustache`
/// and brings its logo (`assets/logo.svg`) changes exactly those, and every page links the
/// tokens before the stylesheet that uses them.
final class HouseStyleTests: XCTestCase {
    let themes = repositoryRoot.appendingPathComponent("themes")

    /// The example site's sources with `theme = "voorbeeldstad"` and without its own logo (so
    /// the house style's shows); `withDefaultOnDisk: false` leaves out themes/default/, so the
    /// house style extends the built-in copy.
    func houseStyleSite(_ name: String = #function, withDefaultOnDisk: Bool) throws -> URL {
        let source = try temporaryFolder(name).appendingPathComponent("site")
        try copyExampleSite(to: source)
        let config = source.appendingPathComponent("site.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        XCTAssertTrue(text.contains("theme = \"default\"\n"))
        XCTAssertTrue(text.contains(Self.siteLogoLine))
        try text.replacingOccurrences(of: "theme = \"default\"\n", with: "theme = \"voorbeeldstad\"\n")
            .replacingOccurrences(of: Self.siteLogoLine, with: "").write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: source.appendingPathComponent("themes"), withIntermediateDirectories: true)
        let folders = withDefaultOnDisk ? ["default", "voorbeeldstad"] : ["voorbeeldstad"]
        for folder in folders {
            try FileManager.default.copyItem(at: themes.appendingPathComponent(folder), to: source.appendingPathComponent("themes/\(folder)"))
        }
        return source
    }

    static let siteLogoLine = "logo = \"images/logo-lindeveen.svg\"\n"

    func build(_ source: URL, into output: URL) throws -> [(String, Data)] {
        var options = exampleOptions(output: output)
        options.source = source
        let report = SiteBuild.build(options)
        XCTAssertEqual(report.diagnostics.map(\.description), [])
        XCTAssertTrue(report.succeeded)
        return try snapshot(output)
    }

    func testVoorbeeldstadDiffersFromTheDefaultOnlyInItsTokensLogoAndFooter() throws {
        let folder = try temporaryFolder()
        let plain = try build(repositoryRoot, into: folder.appendingPathComponent("default"))
        let house = try build(try houseStyleSite(withDefaultOnDisk: true), into: folder.appendingPathComponent("voorbeeldstad"))
        let plainFiles = Dictionary(uniqueKeysWithValues: plain), houseFiles = Dictionary(uniqueKeysWithValues: house)

        // The same files, apart from the tokens' fingerprint and the logo: the site's, or the house style's.
        let plainLogo = try XCTUnwrap(plain.first { $0.0.hasPrefix("organisation/logo.") && $0.0.hasSuffix(".svg") })
        let houseLogo = try XCTUnwrap(house.first { $0.0.hasPrefix("assets/logo.") && $0.0.hasSuffix(".svg") })
        XCTAssertEqual(houseLogo.1, try Data(contentsOf: themes.appendingPathComponent("voorbeeldstad/assets/logo.svg")))
        XCTAssertEqual(Set(plain.map { unfingerprinted($0.0) }).subtracting([plainLogo.0]),
                       Set(house.map { unfingerprinted($0.0) }).subtracting([houseLogo.0]))
        let plainTokens = try XCTUnwrap(plain.first { $0.0.hasPrefix("assets/design-tokens.") })
        let houseTokens = try XCTUnwrap(house.first { $0.0.hasPrefix("assets/design-tokens.") })
        XCTAssertNotEqual(plainTokens.0, houseTokens.0)
        XCTAssertEqual(houseTokens.1, try Data(contentsOf: themes.appendingPathComponent("voorbeeldstad/assets/design-tokens.css")))
        let siteCSS = try XCTUnwrap(plain.first { $0.0.hasPrefix("assets/site.") })
        XCTAssertEqual(houseFiles[siteCSS.0], siteCSS.1, "the house style inherits site.css unchanged")

        var pages = 0, differing = 0
        for (path, data) in house where !path.hasPrefix("assets/") {
            let want = try XCTUnwrap(plainFiles[path], path)
            guard path.hasSuffix(".html") else {
                XCTAssertEqual(data, want, "\(path) differs between the default theme and the house style")
                continue
            }
            pages += 1
            let page = String(decoding: data, as: UTF8.self), plainPage = String(decoding: want, as: UTF8.self)
            let tokensLink = "assets/\(houseTokens.0.dropFirst("assets/".count))\"", siteLink = "assets/\(siteCSS.0.dropFirst("assets/".count))\""
            let tokensAt = try XCTUnwrap(page.range(of: tokensLink), "\(path) does not link the house style's tokens")
            let siteAt = try XCTUnwrap(page.range(of: siteLink), "\(path) does not link site.css")
            XCTAssertLessThan(tokensAt.lowerBound, siteAt.lowerBound, "\(path) links site.css before the tokens")
            XCTAssertTrue(footer(of: page).contains("Bel 14 0999 of schrijf naar Postbus 1234, 9999 ZZ Voorbeeldstad."), path)
            XCTAssertTrue(page.contains("\(houseLogo.0.dropFirst("assets/".count))\" alt=\"Gemeente Lindeveen\""), "\(path) does not show the house style's logo")
            XCTAssertTrue(plainPage.contains("\(plainLogo.0.dropFirst("organisation/".count))\" alt=\"Gemeente Lindeveen\""), "\(path) does not show the site's logo")
            XCTAssertFalse(footer(of: plainPage).contains("Voorbeeldstad"), path)
            if normalised(page) != normalised(plainPage) {
                differing += 1
                if differing <= 3 { XCTFail("\(path) differs beyond the tokens, the logo and the footer:\n" + lineDiff(normalised(plainPage), normalised(page))) }
            }
        }
        XCTAssertGreaterThan(pages, 50)
        XCTAssertEqual(differing, 0, "pages that differ beyond the tokens, the logo and the footer")
    }

    func testTheHouseStyleAlsoExtendsTheBuiltInDefaultTheme() throws {
        let folder = try temporaryFolder()
        let onDisk = try build(try houseStyleSite("onDisk", withDefaultOnDisk: true), into: folder.appendingPathComponent("on-disk"))
        let builtIn = try build(try houseStyleSite("builtIn", withDefaultOnDisk: false), into: folder.appendingPathComponent("built-in"))
        XCTAssertEqual(onDisk.map(\.0), builtIn.map(\.0))
        XCTAssertTrue(onDisk.elementsEqual(builtIn) { $0.0 == $1.0 && $0.1 == $1.1 }, "themes/default/ and the built-in copy must give the same site")
    }

    /// site.css takes every colour, size and space from the tokens file: it defines no custom
    /// properties and no colours of its own, and reads only tokens that file defines.
    func testTheDefaultStylesheetReadsOnlyDefinedTokens() throws {
        let css = try String(contentsOf: themes.appendingPathComponent("default/assets/site.css"), encoding: .utf8)
        let tokens = try defined(in: "default")
        XCTAssertTrue(tokens.contains("--basis-color-default-bg-document"))
        XCTAssertTrue(tokens.contains("--basis-focus-outline-color"))
        XCTAssertEqual(matches(#"--[a-z0-9-]+\s*:"#, in: css), [], "site.css defines custom properties: they belong in design-tokens.css")
        XCTAssertEqual(matches(#"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|(?<![-\w])(black|white)(?![-\w])"#, in: css), [], "site.css has colour literals")
        let read = Set(matches(#"var\((--[a-z0-9-]+)"#, in: css).map { String($0.dropFirst("var(".count)) })
        XCTAssertEqual(read.subtracting(tokens).sorted(), [], "site.css reads tokens that design-tokens.css does not define")
        XCTAssertEqual(tokens.subtracting(read).sorted(), [], "design-tokens.css defines tokens that nothing reads")
    }

    func testTheHouseStyleSetsEveryTokenTheDefaultDoes() throws {
        XCTAssertEqual(try defined(in: "voorbeeldstad"), try defined(in: "default"))
        let manifest = try String(contentsOf: themes.appendingPathComponent("voorbeeldstad/theme.toml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("extends = \"default\""))
        // A house style that only changes its look: tokens, a logo, one template, nothing else.
        let files = try FileManager.default.subpathsOfDirectory(atPath: themes.appendingPathComponent("voorbeeldstad").path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(files), ["assets", "assets/design-tokens.css", "assets/logo.svg", "templates", "templates/footer.mustache", "theme.toml"])
    }

    // MARK: - Helpers

    func defined(in theme: String) throws -> Set<String> {
        let css = try String(contentsOf: themes.appendingPathComponent("\(theme)/assets/design-tokens.css"), encoding: .utf8)
        return Set(matches(#"--[a-z0-9-]+(?=\s*:)"#, in: css))
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    func unfingerprinted(_ path: String) -> String {
        path.replacingOccurrences(of: #"\.[0-9a-f]{10}\.css"#, with: ".css", options: .regularExpression)
    }

    func footer(of page: String) -> String {
        guard let start = page.range(of: "<footer class=\"site-footer\">"), let end = page.range(of: "</footer>", range: start.upperBound..<page.endIndex) else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The page without its footer, and with the logo's address (the site's, or the house
    /// style's) made the same.
    func normalised(_ page: String) -> String {
        let logo = page.replacingOccurrences(of: #"<img class="site-logo" src="[^"]*""#, with: #"<img class="site-logo" src="…""#, options: .regularExpression)
        return unfingerprinted(logo.replacingOccurrences(of: footer(of: page), with: "<footer/>"))
    }
}
