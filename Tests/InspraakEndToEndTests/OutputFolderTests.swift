import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The output guard, the write stage's leftovers and its messages, through the built command:
/// a build replaces only an output that is its own, and never loses a file.
extension CommandLineTests {
    /// A copy of the example site in a fresh folder, and what the build prints there.
    func exampleCopy(_ name: String = #function) throws -> URL {
        let site = try temporaryFolder(name).appendingPathComponent("site")
        try copyExampleSite(to: site)
        return site
    }

    func build(_ site: URL, _ extra: [String]) throws -> (status: Int32, out: String, err: String) {
        try run(["build", "--source", site.path, "--now", "2026-11-15", "--no-git"] + extra)
    }

    func requireExecutable() throws {
        guard FileManager.default.fileExists(atPath: executable.path) else { throw XCTSkip("inspraak not built beside the tests") }
    }

    // MARK: The output guard

    func testOutputThatIsOrHoldsTheSourcesIsRefusedBeforeAnyWork() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let folder = site.deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: site.appendingPathComponent("content").path)
        // A broken record: the refusal must come before the site is even read.
        try "---\ntitle: x\n".write(to: site.appendingPathComponent("content/meetings/2099-01-01-kapot.md"), atomically: true, encoding: .utf8)
        let before = try snapshot(folder)
        let cases: [(output: String, says: String)] = [
            ("content", "site/content:1:1: error: a build replaces its output folder whole, and this is the site's content/ folder; choose a folder of its own, e.g. --output public"),
            ("content/meetings", "site/content/meetings:1:1: error: a build replaces its output folder whole, and this one is inside the site's content/ folder; choose a folder outside it"),
            ("themes/eigen", "site/themes/eigen:1:1: error: a build replaces its output folder whole, and this one is inside the site's themes/ folder"),
            ("site.toml", "site/site.toml:1:1: error: a build replaces its output folder whole, and this is the site's settings file site.toml"),
            (".", "/site:1:1: error: a build replaces its output folder whole, and this is the site's own folder"),
            ("..", "site/..:1:1: error: a build replaces its output folder whole, and this folder holds the site's own folder; choose a folder of its own, e.g. --output public (it leads to "),
            ("/", "/:1:1: error: a build replaces its output folder whole, and this folder holds the site's own folder"),
            ("../link", "/link:1:1: error: a build replaces its output folder whole, and this is the site's content/ folder; choose a folder of its own, e.g. --output public (it leads to "),
            ("../link/../public/../content", "site/../link/../public/../content:1:1: error: a build replaces its output folder whole, and this is the site's content/ folder; choose a folder of its own, e.g. --output public (it leads to \(site.path)/content)"),
        ]
        for (output, says) in cases {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", "--now", "2026-11-15", "--no-git", "--output", output]
            process.currentDirectoryURL = site
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 64, "--output \(output): \(text)")
            XCTAssertTrue(text.contains(says), "--output \(output): \(text)")
            XCTAssertTrue(text.hasSuffix("build not started: the output folder was not changed\n"), text)
            XCTAssertFalse(text.contains("kapot"), "--output \(output): the site was read before the output was checked")
        }
        let after = try snapshot(folder)
        XCTAssertEqual(before.map(\.0), after.map(\.0))
        XCTAssertTrue(zip(before, after).allSatisfy { $0.1 == $1.1 }, "a refused build changed a file")
    }

    func testOutputHoldingOtherFilesOrBeingAFileIsRefused() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let other = site.deletingLastPathComponent().appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "mijn aantekeningen\n".write(to: other.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try build(site, ["--output", other.path])
        XCTAssertEqual(refused.status, 64, refused.err)
        XCTAssertTrue(refused.err.contains("\(other.path):1:1: error: a build replaces its output folder whole, and this folder holds files an inspraak build did not make (`notes.txt`), which would be deleted; choose a new or empty folder, or move those files away"), refused.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other.path), ["notes.txt"])

        let file = other.appendingPathComponent("notes.txt")
        let onFile = try build(site, ["--output", file.path])
        XCTAssertEqual(onFile.status, 64, onFile.err)
        XCTAssertTrue(onFile.err.contains("notes.txt:1:1: error: a build replaces its output folder whole, and this is a file, not a folder (it would be deleted)"), onFile.err)
        let under = try build(site, ["--output", file.path + "/public"])
        XCTAssertEqual(under.status, 64, under.err)
        XCTAssertTrue(under.err.contains("error: this output folder cannot be used: a part of the path \(file.path)/public is a file, not a folder"), under.err)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "mijn aantekeningen\n")
    }

    /// Versions before the marker wrote no open data, no Woo index sitemaps, no change feeds, no
    /// organisation logo, no council or place pages and no search page (nor a search index,
    /// made only where Pagefind is installed) either.
    private func removeNewerOutputs(_ output: URL) throws {
        for name in ["data", "sitemapindex-diwoo-infocat010.xml", "sitemap-diwoo-infocat010-001.xml", "changes.xml", "changes.atom", "organisation", "councils", "places", "search"] {
            try FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
        try? FileManager.default.removeItem(at: output.appendingPathComponent("pagefind"))
    }

    func testNewEmptyEarlierAndPreMarkerOutputsAreReplaced() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let output = site.appendingPathComponent("public")
        XCTAssertEqual(try build(site, []).status, 0, "no output yet")
        let marker = output.appendingPathComponent(".inspraak-output")
        XCTAssertEqual(try String(contentsOf: marker, encoding: .utf8), "This folder was made by `inspraak build`. The next build replaces it whole: keep nothing else in it.\n")
        XCTAssertEqual(try build(site, []).status, 0, "an earlier build's output")

        // An output of a version before the marker: only the names a build writes.
        try FileManager.default.removeItem(at: marker)
        try FileManager.default.removeItem(at: output.appendingPathComponent("advice"))
        try removeNewerOutputs(output)
        let again = try build(site, [])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path))
        try FileManager.default.removeItem(at: marker)
        try removeNewerOutputs(output)
        try "www.example.nl\n".write(to: output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        let withCNAME = try build(site, [])
        XCTAssertEqual(withCNAME.status, 64, withCNAME.err)
        XCTAssertTrue(withCNAME.err.contains("(`CNAME`)"), withCNAME.err)
        XCTAssertTrue(withCNAME.err.contains("an output of an older version without it: delete the folder once and build again"), withCNAME.err)

        try FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        XCTAssertEqual(try build(site, []).status, 0, "an empty folder")
    }

    // MARK: Leftovers

    /// Ctrl-C or SIGTERM in the middle of writing: the staging folder is gone, the process ends
    /// by the signal, and the previous output is untouched.
    func testInterruptedBuildRemovesItsStagingFolder() throws {
        try requireExecutable()
        let site = try temporaryFolder().appendingPathComponent("site")
        try bigSite(at: site, meetings: 600)
        let output = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "vorige\n".write(to: output.appendingPathComponent(".inspraak-output"), atomically: true, encoding: .utf8)
        for signal in [SIGINT, SIGTERM] {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", "--source", site.path, "--now", "2026-11-15", "--no-git"]
            process.standardOutput = Pipe()
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, leftovers(in: site).isEmpty, Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "the build ended before it could be interrupted; make the test site bigger")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(signal)")
            XCTAssertEqual(process.terminationStatus, signal)
            XCTAssertEqual(leftovers(in: site), [], "signal \(signal) left a folder behind")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), [".inspraak-output"])
        }
    }

    /// Staging and retired folders of builds that were killed outright are removed by the next
    /// build; those whose build may still run (its process lives, or it holds the lock) are not.
    func testDeadLeftoversAreRemovedAndLiveOnesKept() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let dead = try finishedProcessID()
        let alive = getpid()
        let names = [
            ".public.staging-\(dead)-1", ".public.old-\(dead)-2",   // dead: removed
            ".public.staging-\(alive)-3",                            // its process runs
            ".public.staging-\(dead)-4",                             // locked below
            ".public.staging-notes", ".other.staging-\(dead)-5",     // not ours
        ]
        for name in names {
            try FileManager.default.createDirectory(at: site.appendingPathComponent(name + "/meetings"), withIntermediateDirectories: true)
        }
        let locked = open(site.appendingPathComponent(".public.staging-\(dead)-4").path, O_RDONLY | O_DIRECTORY)
        XCTAssertEqual(flock(locked, LOCK_EX | LOCK_NB), 0)
        defer { close(locked) }
        let result = try build(site, [])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(leftovers(in: site).sorted(), [".other.staging-\(dead)-5", ".public.staging-\(alive)-3", ".public.staging-\(dead)-4", ".public.staging-notes"].sorted())
    }

    /// The previous output cannot be removed once the new one is in place: an error naming the
    /// folder, and the summary says the new site is in place.
    func testOldOutputThatCannotBeRemovedIsAnErrorNamingIt() throws {
        try requireExecutable()
        let site = try exampleCopy()
        try handToOtherUser(site.deletingLastPathComponent())
        XCTAssertEqual(try runAsOtherUser(["build", "--source", site.path, "--now", "2026-11-15", "--no-git"]).status, 0)
        let meetings = site.appendingPathComponent("public/meetings")
        XCTAssertEqual(chmod(meetings.path, 0o555), 0)
        let result = try runAsOtherUser(["build", "--source", site.path, "--now", "2026-11-15", "--no-git"])
        let left = leftovers(in: site)
        for name in left { chmod(site.appendingPathComponent(name + "/meetings").path, 0o755) }
        XCTAssertEqual(result.status, 1, result.err)
        XCTAssertEqual(left.count, 1)
        let retired = site.appendingPathComponent(left.first ?? "").path
        XCTAssertTrue(result.err.contains("\(site.path)/public:1:1: error: the new site is in place, but the previous output, moved aside to \(retired), could not be removed: no permission to move or delete \(retired)/meetings/"), result.err)
        XCTAssertTrue(result.err.contains("; delete that folder by hand\n"), result.err)
        XCTAssertTrue(result.err.hasSuffix("the new site is in place\n"), result.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/.inspraak-output").path))
    }

    // MARK: Messages about files

    func testUnwritableOutputFolderIsNamedBeforeAnyWork() throws {
        try requireExecutable()
        let site = try exampleCopy()
        try handToOtherUser(site.deletingLastPathComponent())
        let closed = site.deletingLastPathComponent().appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(closed.path, 0o555), 0)
        let result = try runAsOtherUser(["build", "--source", site.path, "--now", "2026-11-15", "--no-git", "--output", closed.path + "/www/public"])
        XCTAssertEqual(result.status, 64, result.err)
        XCTAssertTrue(result.err.contains("\(closed.path)/www/public:1:1: error: this output folder cannot be used: no permission to write in \(closed.path); choose another --output or ask for write permission there\n"), result.err)
    }

    func testUnreadableFilesAreNamedWithTheCause() throws {
        try requireExecutable()
        let site = try exampleCopy()
        try handToOtherUser(site.deletingLastPathComponent())
        let attachment = "content/advice/2022-06-28-advies-energiearmoede/adviesbrief.pdf"
        let record = "content/meetings/2019-03-19-stamtafel-eenzaamheid.md"
        try closeToOtherUser(site.appendingPathComponent(attachment))
        let copy = try runAsOtherUser(["build", "--source", site.path, "--now", "2026-11-15", "--no-git"])
        XCTAssertEqual(copy.status, 1, copy.err)
        XCTAssertTrue(copy.err.contains("\(attachment):1:1: error: the site could not be written: no permission to read \(attachment); ask for read permission; the previous output is left as it was\n"), copy.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
        XCTAssertEqual(leftovers(in: site), [])

        try closeToOtherUser(site.appendingPathComponent(record))
        let check = try runAsOtherUser(["check", "--source", site.path, "--now", "2026-11-15"])
        XCTAssertEqual(check.status, 1, check.err)
        XCTAssertTrue(check.out.contains("\(record):1:1: error: this file cannot be read: no permission to read it; ask for read permission\n"), check.out)
    }

    /// A real full disk and a read-only one: a small tmpfs, where the system allows mounting one
    /// (as root, with the right to mount; else skipped: the sentences are tested with errno
    /// values in FileProblemTests).
    func testFullAndReadOnlyDisksAreToldInWords() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let disk = site.deletingLastPathComponent().appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard getuid() == 0, try runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", disk.path]) == 0 else {
            throw XCTSkip("cannot mount a small file system here")
        }
        defer { _ = try? runTool("/bin/umount", [disk.path]) }
        let output = disk.appendingPathComponent("public").path
        let full = try build(site, ["--output", output])
        XCTAssertEqual(full.status, 1, full.err)
        XCTAssertTrue(full.err.contains("\(output):1:1: error: the site could not be written: the disk is full while writing \(output)/"), full.err)
        XCTAssertTrue(full.err.contains("; free some space and build again; the previous output is left as it was\n"), full.err)
        XCTAssertFalse(full.err.contains("NSCocoaErrorDomain"), full.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path), [], "the staging folder was left behind")

        XCTAssertEqual(try runTool("/bin/mount", ["-o", "remount,ro", disk.path]), 0)
        let readOnly = try build(site, ["--output", output])
        XCTAssertEqual(readOnly.status, 64, readOnly.err)
        XCTAssertTrue(readOnly.err.contains("\(output):1:1: error: this output folder cannot be used: \(output) is on a read-only file system; write the site to a disk that can be written\n"), readOnly.err)
    }

    // MARK: Misuse of the options

    func testMisusedOptionsAreUsageErrorsThatSayWhatToDo() throws {
        try requireExecutable()
        let site = try exampleCopy()
        let cases: [(arguments: [String], says: String)] = [
            (["--output", ""], "Error: --output needs a folder, e.g. --output public"),
            (["--output"], "Error: Missing value for '--output <output>'"),
            (["--source", ""], "Error: --source needs the site's folder, e.g. --source . (the default)"),
            (["--source", site.path + "/nergens"], "Error: --source: there is no folder \(site.path)/nergens"),
            (["--source", site.path + "/site.toml"], "Error: --source must be the site's folder (with site.toml and content/), not a file: \(site.path)/site.toml"),
            (["--now", "2026-02-30"], "Error: --now must be a date like 2026-01-15, not \"2026-02-30\""),
            (["--now", "morgen\nError: forged"], "Error: --now must be a date like 2026-01-15, not \"morgen\\nError: forged\""),
            (["--base-url", "https://example.nl/\nDisallow: /"], "Error: --base-url: `base_url` holds a line break (character 20); write the address on one line without spaces"),
            (["--base-url", "https://example.nl/mijn site/"], "Error: --base-url: `base_url` holds a space (character 24)"),
            (["--base-url", "ftp://example.nl/"], "Error: --base-url: `base_url` must be an absolute http or https address"),
        ]
        for (arguments, says) in cases {
            let sourceGiven = arguments.first == "--source"
            let result = try run(["build", "--no-git"] + (sourceGiven ? [] : ["--source", site.path]) + (arguments.first == "--now" ? [] : ["--now", "2026-11-15"]) + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.err)")
            // On the first line: a value with a line break does not start a line of its own.
            XCTAssertTrue(result.err.prefix { $0 != "\n" }.hasPrefix(says), "\(arguments): \(result.err)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
        let check = try run(["check", "--source", site.path + "/nergens"])
        XCTAssertEqual(check.status, 64, check.err)
        XCTAssertTrue(check.err.hasPrefix("Error: --source: there is no folder \(site.path)/nergens\n"), check.err)
    }

    // MARK: Helpers

    func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The staging and retired folders beside an output (`.public.*`), and other hidden ones.
    func leftovers(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    /// A site of `meetings` records whose write stage lasts long enough to be interrupted.
    func bigSite(at site: URL, meetings: Int) throws {
        let folder = site.appendingPathComponent("content/meetings")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title = \"T\"\nbase_url = \"https://example.nl/\"\n".write(to: site.appendingPathComponent("site.toml"), atomically: true, encoding: .utf8)
        let body = String(repeating: "Inwoners praatten over wonen, zorg en de buurt. ", count: 200)
        for number in 0..<meetings {
            let day = String(format: "2024-%02d-%02d", number % 12 + 1, number % 28 + 1)
            let text = "---\ntitle: \"Stamtafel \(number)\"\ndate: \(day)\n---\n\(body)\n"
            try text.write(to: folder.appendingPathComponent("\(day)-stamtafel-\(number).md"), atomically: false, encoding: .utf8)
        }
    }

    /// The id of a process that has ended (and, a moment later, is very unlikely to be reused).
    func finishedProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // Permission checks do not apply to root, and CI runs as root: there the command runs as
    // `nobody` (through setpriv) on files handed to that user.
    static let otherUser: uid_t = 65534

    func handToOtherUser(_ folder: URL) throws {
        guard getuid() == 0 else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("running as root without setpriv") }
        let probe = try runAsOtherUser(["--help"])
        guard probe.status == 0 else { throw XCTSkip("the user nobody cannot run \(executable.path)") }
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        chown(folder.path, Self.otherUser, Self.otherUser)
        while let path = enumerator?.nextObject() as? String {
            lchown(folder.path + "/" + path, Self.otherUser, Self.otherUser)
        }
    }

    /// A file the other user may not read.
    func closeToOtherUser(_ file: URL) throws {
        if getuid() == 0 { chown(file.path, 0, 0) }
        XCTAssertEqual(chmod(file.path, 0o600), 0)
        if getuid() != 0 { XCTAssertEqual(chmod(file.path, 0o000), 0) }
    }

    func runAsOtherUser(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        guard getuid() == 0 else { return try run(arguments) }
        return try runCapturing(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                ["--reuid=\(Self.otherUser)", "--regid=\(Self.otherUser)", "--clear-groups", executable.path] + arguments)
    }
}
