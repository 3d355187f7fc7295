import XCTest
@testable import InspraakSource

final class SiteConfigTests: XCTestCase {
    func testDefaults() throws {
        let (config, problems) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://example.nl/participatie\"\n")
        XCTAssertEqual(problems, [])
        let c = try XCTUnwrap(config)
        XCTAssertEqual(c.baseURL, "https://example.nl/participatie/")
        XCTAssertEqual(c.basePath, "/participatie/")
        XCTAssertEqual(c.language, "nl")
        XCTAssertEqual(c.timezone, "Europe/Amsterdam")
        XCTAssertEqual(c.theme, "default")
        XCTAssertEqual(c.adviceResponseDays, 42)
        XCTAssertEqual(c.feedbackExpectedDays, 90)
        XCTAssertEqual(c.feedsLimit, 50)
        XCTAssertEqual(c.paginationSize, 20)
        XCTAssertFalse(c.unsafeHTML)
        XCTAssertTrue(c.searchEnabled)
        XCTAssertEqual(c.adviceAddressedTo, "College van burgemeester en wethouders")
    }

    func testSearchCanBeSwitchedOffAndMustBeTrueOrFalse() throws {
        let off = try XCTUnwrap(SiteConfig.parse("title = \"T\"\nbase_url = \"https://example.nl/\"\n[search]\nenabled = false\n").0)
        XCTAssertFalse(off.searchEnabled)
        let (config, problems) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://example.nl/\"\n[search]\nenabled = \"nee\"\nindex = true\n")
        XCTAssertNil(config)
        XCTAssertEqual(problems.sorted().map(\.description), [
            "site.toml:4:1: error: the setting `search.enabled` should be true or false, not text",
            "site.toml:5:1: error: unknown setting `search.index` in site.toml",
        ])
    }

    func testEverySectionIsRead() throws {
        let text = """
        title = "T"
        base_url = "https://example.nl/"
        language = "en"
        [advice]
        addressed_to = "De raad"
        response_days = 30
        [feedback]
        expected_days = 60
        [feeds]
        limit = 5
        [pagination]
        size = 7
        [markdown]
        unsafe_html = true
        [formats]
        stamtafel = "Open tafel"
        """
        let c = try XCTUnwrap(SiteConfig.parse(text).0)
        XCTAssertEqual([c.adviceResponseDays, c.feedbackExpectedDays, c.feedsLimit, c.paginationSize], [30, 60, 5, 7])
        XCTAssertEqual(c.adviceAddressedTo, "De raad")
        XCTAssertTrue(c.unsafeHTML)
        XCTAssertEqual(c.formats, ["stamtafel": "Open tafel"])
        XCTAssertEqual(c.language, "en")
    }

    /// `[organisation]`: an e-mail address becomes a mailto: link, a web address stays as it is.
    func testOrganisationContactIsAnEmailOrAWebAddress() throws {
        let text = """
        title = "T"
        base_url = "https://example.nl/"
        [organisation]
        name = "Gemeente Lindeveen"
        logo = "images/logo.svg"
        contact = "info@lindeveen.nl"
        respond_url = "https://www.lindeveen.nl/reageren"
        """
        let c = try XCTUnwrap(SiteConfig.parse(text).0)
        XCTAssertEqual(c.organisation.name, "Gemeente Lindeveen")
        XCTAssertEqual(c.organisation.logo, "images/logo.svg")
        XCTAssertEqual(c.organisation.logoLocation, SourceLocation(path: "site.toml", line: 5, column: 1))
        XCTAssertEqual(c.organisation.contactHref, "mailto:info@lindeveen.nl")
        XCTAssertEqual(c.organisation.contactText, "info@lindeveen.nl")
        XCTAssertEqual(c.organisation.respondURL, "https://www.lindeveen.nl/reageren")

        XCTAssertEqual(Organisation.contactLink("mailto:info@lindeveen.nl")?.href, "mailto:info@lindeveen.nl")
        XCTAssertEqual(Organisation.contactLink("https://www.lindeveen.nl/contact/")?.href, "https://www.lindeveen.nl/contact/")
        XCTAssertEqual(Organisation.contactLink("https://www.lindeveen.nl/contact/")?.text, "www.lindeveen.nl/contact")
        for wrong in ["info@", "@lindeveen.nl", "info@lindeveen", "in fo@lindeveen.nl", "javascript:alert(1)", "www.lindeveen.nl", "mailto:", "a@b@c.nl"] {
            XCTAssertNil(Organisation.contactLink(wrong), wrong)
        }
        XCTAssertNil(SiteConfig.parse("title = \"T\"\nbase_url = \"https://example.nl/\"\n[organisation]\nrespond_url = \"javascript:alert(1)\"\n").0)
    }

    /// A logo is known by its bytes: PNG's signature, or SVG markup.
    func testLogoImageKindComesFromItsBytes() {
        XCTAssertEqual(LogoImage.kind(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), .png)
        XCTAssertEqual(LogoImage.kind(of: Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)), .svg)
        XCTAssertNil(LogoImage.kind(of: Array("GIF89a".utf8)))
        XCTAssertEqual(LogoImage.kind(ofName: "images/Logo.SVG"), .svg)
        XCTAssertNil(LogoImage.kind(ofName: "logo.jpg"))
    }

    func testUnknownKeysWrongTypesAndMissingKeysAreAllReported() {
        let text = "title = 3\ntheem = \"x\"\n[feeds]\nlimit = \"veel\"\n[advise]\nx = 1\n"
        let (config, problems) = SiteConfig.parse(text)
        XCTAssertNil(config)
        let described = problems.sorted().map(\.description)
        XCTAssertEqual(described, [
            "site.toml:1:1: error: site.toml must set `base_url`",
            "site.toml:1:1: error: the setting `title` should be text between quotes, not a number",
            "site.toml:2:1: error: unknown setting `theem` in site.toml (did you mean `theme`?)",
            "site.toml:4:1: error: the setting `feeds.limit` should be a whole number, not text",
            "site.toml:5:1: error: unknown setting `advise` in site.toml (did you mean `advice`?)",
        ])
    }

    func testBaseURLMustBeAbsoluteHTTP() {
        let (config, problems) = SiteConfig.parse("title = \"T\"\nbase_url = \"/participatie/\"\n")
        XCTAssertNil(config)
        XCTAssertEqual(problems.first?.location.line, 2)
        XCTAssertTrue(problems.first?.message.contains("absolute http or https") ?? false)
    }

    func testInvalidTOMLNamesTheLine() {
        let (config, problems) = SiteConfig.parse("title = \"T\"\nbase_url = https://x.nl\n")
        XCTAssertNil(config)
        XCTAssertEqual(problems.first?.location.line, 2)
    }
}
