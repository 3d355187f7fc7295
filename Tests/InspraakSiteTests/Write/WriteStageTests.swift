import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource
#if canImport(Glibc)
import Glibc
#endif

final class FileProblemTests: XCTestCase {
    /// Each cause the system reports, in words with the path; root cannot provoke most of them
    /// on disk, so the errno values are given here.
    func testTheSystemsReasonIsToldInWords() {
        let file = "/srv/site/public/meetings/x/index.html"
        XCTAssertEqual(FileProblem(.writing, file, code: ENOSPC).sentence, "the disk is full while writing \(file); free some space and build again")
        XCTAssertEqual(FileProblem(.writing, file, code: EDQUOT).sentence, "the disk quota is used up while writing \(file); free some space and build again")
        XCTAssertEqual(FileProblem(.writing, file, code: EROFS).sentence, "\(file) is on a read-only file system; write the site to a disk that can be written")
        XCTAssertEqual(FileProblem(.writing, file, code: EACCES).sentence, "no permission to write in /srv/site/public/meetings/x; choose another --output or ask for write permission there")
        XCTAssertEqual(FileProblem(.makingFolder, "/srv/site/.public.staging-1-2", code: EPERM).sentence, "no permission to write in /srv/site; choose another --output or ask for write permission there")
        XCTAssertEqual(FileProblem(.reading, "content/x/brief.pdf", code: EACCES).sentence, "no permission to read content/x/brief.pdf; ask for read permission")
        XCTAssertEqual(FileProblem(.reading, "content/x/brief.pdf", code: EIO).sentence, "the disk reported an error while reading content/x/brief.pdf (input/output error); check the disk")
        XCTAssertEqual(FileProblem(.removing, "/srv/.public.old-1-2/a", code: EACCES).sentence, "no permission to move or delete /srv/.public.old-1-2/a (check the permissions of /srv/.public.old-1-2 and of what is in it)")
        XCTAssertEqual(FileProblem(.reading, "content/x/pijp", code: FileProblem.notRegularFile).sentence, "reading content/x/pijp failed: it is not a regular file (a folder, pipe or device)")
        XCTAssertEqual(FileProblem(.writing, file, code: EXDEV).sentence, "writing \(file) failed: invalid cross-device link")
        XCTAssertEqual(FileProblem(.writing, file, code: 0).sentence, "writing \(file) failed: the system gave no reason")
    }

    /// Foundation's errors: the POSIX cause inside, or its own code; and the path it names.
    func testFoundationErrorsGiveTheirCause() {
        let underlying = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                              userInfo: [NSUnderlyingErrorKey: underlying, NSFilePathErrorKey: "/srv/public/a.html"])
        XCTAssertEqual(FileProblem(.writing, "/srv/public", error: wrapped), FileProblem(.writing, "/srv/public/a.html", code: ENOSPC))
        XCTAssertEqual(FileProblem(.writing, "/srv/public", error: CocoaError(.fileWriteVolumeReadOnly)).code, EROFS)
        XCTAssertEqual(FileProblem(.writing, "/srv/public", error: CocoaError(.fileWriteOutOfSpace)).code, ENOSPC)
        XCTAssertEqual(FileProblem(.removing, "/srv/public", error: CocoaError(.fileWriteNoPermission)).code, EACCES)
    }

    /// A record that cannot be read: the cause in words, not "permission denied or not a regular file".
    func testReadCauses() {
        XCTAssertEqual(FileProblem.cause(reading: EACCES), "no permission to read it; ask for read permission")
        XCTAssertEqual(FileProblem.cause(reading: EIO), "the disk reported an error (input/output error); check the disk")
        XCTAssertEqual(FileProblem.cause(reading: FileProblem.notRegularFile), "it is not a regular file (a folder, pipe or device)")
    }
}

final class OutputGuardTests: XCTestCase {
    func testPathsAreResolvedAsTheSystemDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-guard-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site/content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = OutputGuard.resolved(folder.path)
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/site/content")
        XCTAssertEqual(OutputGuard.resolved(base + "/link"), base + "/site/content")
        // `..` after a link leaves the link's target, not the link's folder.
        XCTAssertEqual(OutputGuard.resolved(base + "/link/../public"), base + "/site/public")
        XCTAssertEqual(OutputGuard.resolved(base + "/new/./deeper/../public"), base + "/new/public")
        XCTAssertEqual(OutputGuard.resolved("/"), "/")
        XCTAssertEqual(OutputGuard.resolved("/.."), "/")
    }

    func testLeftoverNamesCarryTheirBuildersProcess() {
        XCTAssertEqual(Leftovers.builder(of: ".public.staging-123-456", output: "public"), 123)
        XCTAssertEqual(Leftovers.builder(of: ".public.old-9-0", output: "public"), 9)
        XCTAssertNil(Leftovers.builder(of: ".public.staging-123", output: "public"))
        XCTAssertNil(Leftovers.builder(of: ".public.staging-x-1", output: "public"))
        XCTAssertNil(Leftovers.builder(of: ".www.staging-1-1", output: "public"))
        XCTAssertNil(Leftovers.builder(of: ".public.staging-1-1-1", output: "public"))
        XCTAssertNil(Leftovers.builder(of: ".public.staging-٣-1", output: "public"))
    }
}

final class PrintableDiagnosticTests: XCTestCase {
    /// A value with a line break cannot forge a second diagnostic line in any format.
    func testUserTextCannotBreakADiagnosticLine() {
        let forged = Diagnostic.error(SourceLocation(path: "content/a\nb.md", line: 3, column: 2),
                                      "unknown outcome `x\ncontent/y.md:1:1: error: forged`\u{1B}[2J\u{2028}\u{202E}", hint: "tab\there\r")
        XCTAssertEqual(DiagnosticFormat.text(forged),
                       #"content/a\nb.md:3:2: error: unknown outcome `x\ncontent/y.md:1:1: error: forged`\u{1B}[2J\u{2028}\u{202E} (tab\there\r)"#)
        XCTAssertEqual(DiagnosticFormat.github(forged),
                       #"::error file=content/a\nb.md,line=3,col=2::unknown outcome `x\ncontent/y.md:1:1: error: forged`\u{1B}[2J\u{2028}\u{202E} (tab\there\r)"#)
        let json = DiagnosticFormat.json([forged])
        XCTAssertTrue(json.contains(#""message" : "unknown outcome `x\\ncontent\/y.md:1:1: error: forged`\\u{1B}[2J\\u{2028}\\u{202E}""#), json)
        XCTAssertFalse(json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 })
        XCTAssertEqual(Diagnostic.printable("gewone tekst, é ü ñ 😀"), "gewone tekst, é ü ñ 😀")
    }
}

final class BaseURLTests: XCTestCase {
    func testInvisibleCharactersAreRefusedWithTheirPlace() {
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/\nDisallow: /"),
                       "`base_url` holds a line break (character 20); write the address on one line without spaces, like https://participatie.voorbeeldstad.nl/")
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/mijn site/")?.hasPrefix("`base_url` holds a space (character 24)"), true)
        XCTAssertEqual(SiteConfig.baseURLProblem(" https://example.nl/")?.hasPrefix("`base_url` holds a space (character 1)"), true)
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/\t")?.hasPrefix("`base_url` holds a tab (character 20)"), true)
        XCTAssertEqual(SiteConfig.baseURLProblem("https://exa\u{200B}mple.nl/")?.hasPrefix("`base_url` holds an invisible character (U+200B) (character 12)"), true)
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/\u{7}")?.hasPrefix("`base_url` holds an invisible character (U+0007)"), true)
        XCTAssertEqual(SiteConfig.baseURLProblem("ftp://example.nl/"), "`base_url` must be an absolute http or https address, like https://participatie.voorbeeldstad.nl/ (found \"ftp://example.nl/\")")
        XCTAssertNil(SiteConfig.baseURLProblem("https://example.nl/participatie"))
        XCTAssertNil(SiteConfig.normalisedBaseURL("https://example.nl/a b/"))
    }

    func testUserNameQueryAndFragmentAreRefusedByName() {
        let plain = "`base_url` must be the plain address of the site, without a user name, password, `?…` or `#…`, like https://participatie.voorbeeldstad.nl/"
        XCTAssertEqual(SiteConfig.baseURLProblem("https://user:geheim@example.nl/"), plain + " (found \"https://user:geheim@example.nl/\")")
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/participatie/?x=1"), plain + " (found \"https://example.nl/participatie/?x=1\")")
        XCTAssertEqual(SiteConfig.baseURLProblem("https://example.nl/#top"), plain + " (found \"https://example.nl/#top\")")
        XCTAssertNil(SiteConfig.normalisedBaseURL("https://user@example.nl/"))
    }

    func testSiteTomlLocatesTheProblem() {
        let (config, problems) = SiteConfig.parse("title = \"T\"\nbase_url = \"https://example.nl/\\nDisallow: /\"\n")
        XCTAssertNil(config)
        XCTAssertEqual(problems.map(\.description), ["site.toml:2:1: error: `base_url` holds a line break (character 20); write the address on one line without spaces, like https://participatie.voorbeeldstad.nl/"])
    }
}
