import Foundation
import XCTest
import InspraakSite
import InspraakSource

/// How long `LiveSite` takes per kind of edit on a large corpus. Skipped unless
/// `INSPRAAK_LIVE_CORPUS` names a corpus made by `bench/gen_corpus.py` (it is edited in place,
/// and put back at the end); `INSPRAAK_LIVE_EDITS` edits of each kind (default 20). Run it on a
/// release build: see CONTRIBUTING.md, "Timing serve's rebuilds".
final class LiveTimingTests: XCTestCase {
    func testEditTimings() throws {
        guard let corpus = ProcessInfo.processInfo.environment["INSPRAAK_LIVE_CORPUS"] else {
            throw XCTSkip("set INSPRAAK_LIVE_CORPUS to a corpus folder to time rebuilds")
        }
        let edits = Int(ProcessInfo.processInfo.environment["INSPRAAK_LIVE_EDITS"] ?? "") ?? 20
        let root = URL(fileURLWithPath: corpus)
        var options = BuildOptions(source: root, today: Day(iso: "2026-11-30")!)
        options.useGitHistory = false
        let start = DispatchTime.now().uptimeNanoseconds
        let live = LiveSite(options: options)
        let initial = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        XCTAssertTrue(live.report.succeeded, "\(live.report.diagnostics.prefix(5))")
        print("live: initial build \(format(initial)), \(live.outputPaths.count) outputs; \(breakdown(live.report))")

        let files = { (folder: String) in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/\(folder)").path)
                .filter { $0.hasSuffix(".md") }.sorted().map { "content/\(folder)/\($0)" }
        }
        var originals: [String: String] = [:]
        func edit(_ path: String, _ change: (String) -> String) throws -> LiveRebuild {
            let url = root.appendingPathComponent(path)
            let text = try originals[path] ?? String(contentsOf: url, encoding: .utf8)
            if originals[path] == nil { originals[path] = text }
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
            let report = live.rebuild(changed: [path])
            XCTAssertTrue(report.succeeded, "\(path): \(report.diagnostics.prefix(3))")
            return report
        }

        let advice = try files("advice")
        let bodies = try (0..<edits).map { index in
            try edit(advice[index * advice.count / edits]) { $0 + "\nBewerking \(index).\n" }
        }
        summarise("body edit", bodies)

        let feedback = try files("feedback").filter { (try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8))?.contains("outcome: adopted") ?? false }
        let statuses = try (0..<edits).map { index in
            try edit(feedback[index * feedback.count / edits]) { text in
                text.replacingOccurrences(of: "outcome: adopted", with: "outcome: noted")
            }
        }
        summarise("status edit", statuses)

        let meetings = try files("meetings")
        var added: [String] = []
        let additions = try (0..<edits).map { index -> LiveRebuild in
            let path = "content/meetings/2026-11-2\(index % 10)-live-\(index).md"
            added.append(path)
            originals[path] = nil
            let text = try String(contentsOf: root.appendingPathComponent(meetings[index]), encoding: .utf8)
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
            let report = live.rebuild(changed: [path])
            XCTAssertTrue(report.succeeded, "\(path): \(report.diagnostics.prefix(3))")
            return report
        }
        summarise("new record", additions)

        for path in added { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
        for (path, text) in originals { try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let restored = live.rebuild(changed: Set(added + originals.keys))
        print("live: corpus put back in \(format(restored.seconds)), \(restored.pagesRewritten) rendered")
    }

    private func summarise(_ kind: String, _ reports: [LiveRebuild]) {
        let sorted = reports.sorted { $0.seconds < $1.seconds }
        let median = sorted[sorted.count / 2]
        print("live: \(kind): median \(format(median.seconds)), worst \(format(sorted.last!.seconds)) over \(reports.count);"
              + " median run rendered \(median.pagesRewritten), changed \(median.changedOutputs.count); \(breakdown(median))")
    }

    private func breakdown(_ report: LiveRebuild) -> String {
        report.timings.map { "\($0.stage) \(format($0.seconds))" }.joined(separator: ", ")
    }

    private func format(_ seconds: Double) -> String {
        String(format: "%.1f ms", seconds * 1000)
    }
}
