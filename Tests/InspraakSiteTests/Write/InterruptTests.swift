import Foundation
import XCTest
@testable import InspraakSite
@testable import InspraakSource
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C or SIGTERM at the worst moments of the write stage: the signal is sent by the writing
/// process itself (`SiteWriter.write(reaching:)`), so a signal whose handling comes too late
/// fails every time, not now and then under load. The signal ends the process, so each write
/// runs in a child: this test binary again, running only `testChildWritesAndSignalsItself`.
final class InterruptTests: XCTestCase {
    private static let childVariable = "INSPRAAK_INTERRUPT_CHILD"

    func testASignalAtTheWorstMomentsEndsTheBuildAndRemovesWhatIsLeft() throws {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        for signal in [SIGINT, SIGTERM] {
            for moment in ["writing", "written", "replaced"] {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspraak-interrupt-\(getpid())-\(moment)-\(signal)")
                try? FileManager.default.removeItem(at: folder)
                defer { try? FileManager.default.removeItem(at: folder) }
                let output = folder.appendingPathComponent("public")
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
                try "vorige\n".write(to: output.appendingPathComponent(OutputGuard.markerName), atomically: true, encoding: .utf8)
                try "oud\n".write(to: output.appendingPathComponent("oud.html"), atomically: true, encoding: .utf8)

                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["InspraakSiteTests.InterruptTests/testChildWritesAndSignalsItself"]
                var environment = ProcessInfo.processInfo.environment
                environment[Self.childVariable] = "\(moment) \(signal) \(folder.path)"
                process.environment = environment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()

                let what = "signal \(signal) when \(moment)"
                XCTAssertEqual(process.terminationReason, .uncaughtSignal, "\(what): the build went on (exit \(process.terminationStatus))")
                XCTAssertEqual(process.terminationStatus, signal, what)
                let besides = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                let left = besides.filter { $0 != "public" && $0 != "site" && !$0.hasPrefix("after-signal-") }
                XCTAssertEqual(left, [], "\(what) left a folder behind")
                // Once the signal came, each core finishes the page it had begun (and, before
                // the handler ran, may have begun one more); without stopping, ~130 followed.
                let pagesAfter = besides.filter { $0.hasPrefix("after-signal-") }.count
                XCTAssertLessThanOrEqual(pagesAfter, 2 * ProcessInfo.processInfo.activeProcessorCount, "\(what): pages begun after the signal")
                let published = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
                if moment != "replaced" {
                    // Before the swap: the previous output stays as it was.
                    XCTAssertEqual(published, [".inspraak-output", "oud.html"], what)
                    XCTAssertEqual(try String(contentsOf: output.appendingPathComponent(OutputGuard.markerName), encoding: .utf8), "vorige\n", what)
                } else {
                    // After it: the new output is in place, and still the build ends by the signal.
                    XCTAssertEqual(published, [".inspraak-output", "index.html"], what)
                }
            }
        }
    }

    /// Does nothing unless started by the test above: then writes a one-page site into the
    /// folder it names, sending itself the signal at the moment it names.
    func testChildWritesAndSignalsItself() throws {
        guard let order = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        let parts = order.split(separator: " ", maxSplits: 2).map(String.init)
        let moment: SiteWriter.Moment? = parts[0] == "written" ? .written : parts[0] == "replaced" ? .replaced : nil
        let signal = Int32(parts[1]) ?? SIGINT
        let folder = URL(fileURLWithPath: parts[2])
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        var plan = OutputPlan([OutputPlan.File(path: "index.html", content: .bytes(Array("nieuw\n".utf8)))])
        if moment == nil {
            // Half-way through writing: the 50th page sends the signal to the process (as
            // Ctrl-C does; the writing threads block signals sent to themselves), and every page
            // after it takes long enough that cores still writing would outlast the removal.
            let made = MadeCount()
            plan = OutputPlan((0..<2_000).map { index in
                OutputPlan.File(path: index % 2 == 0 ? "p\(index).html" : "m\(index % 40)/p\(index)/index.html", content: .rendered(weight: 1) { buffer in
                    if made.next() == 50 {
                        kill(getpid(), signal)
                    } else if made.signalled {
                        // Noted beside the site, for the parent to count.
                        FileManager.default.createFile(atPath: folder.appendingPathComponent("after-signal-\(index)").path, contents: nil)
                        usleep(2_000)
                    }
                    buffer = Array("pagina \(index)\n".utf8)
                })
            })
        }
        _ = SiteWriter.write(plan, to: folder.appendingPathComponent("public"), source: site) { reached in
            if reached == moment { raise(signal) }
        }
        // Still running: the signal was lost. The parent sees exit 0.
        exit(0)
    }
}

/// How many pages the child has made, shared by the writing cores.
private final class MadeCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int { lock.withLock { count += 1; return count } }
    var signalled: Bool { lock.withLock { count >= 50 } }
}
