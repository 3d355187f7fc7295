import XCTest
@testable import InspraakSource

/// The one test every link from content passes: http, https, mailto and paths within the site.
final class LinkTargetTests: XCTestCase {
    func testWebAddressesMailAndSitePathsAreAllowed() {
        for allowed in ["https://lindeveen.nl/bestuur/besluit", "http://example.nl", "HTTPS://EXAMPLE.NL/X", "https://a.nl?x=1#y",
                        "mailto:griffie@lindeveen.nl", "MailTo:a@b.nl", "/documenten/besluit.pdf", "../bijlage.pdf", "bijlage.pdf",
                        "#inhoud", "?pagina=2", "https://example.nl/Besluit 2024.pdf", "./a:b", "https://example.nl:8443/x"] {
            XCTAssertEqual(LinkTarget.checked(allowed), allowed, allowed)
        }
        XCTAssertEqual(LinkTarget.checked("  https://example.nl/  "), "https://example.nl/", "surrounding spaces are dropped")
    }

    func testScriptsDataFilesAndOtherHostsAreRefused() {
        let refused = [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\u{00A0}javascript:alert(1)",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\u{01}javascript:alert(1)",
            "javascript\u{200B}:alert(1)", "jav\u{AD}ascript:alert(1)", "\u{7F}javascript:alert(1)",
            "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd", "ftp://example.nl/x", "blob:https://a.nl/x", "about:blank", "x:y",
            "//evil.example/x", "\\\\evil.example\\x", "/\\evil.example", "https:\\\\evil.example",
            "https:evil.example", "https://", "https:///pad", "http://?x", "mailto:", "", "   ",
        ]
        for text in refused {
            XCTAssertNil(LinkTarget.checked(text), text.debugDescription)
        }
    }
}
