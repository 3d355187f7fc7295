import Foundation
import InspraakSource

/// The outputs of a `LiveSite` brought up to date with a new plan: what must be rendered again
/// is rendered (on all cores), the rest kept.
enum LiveOutputs {
    struct Update {
        let files: [String: LiveOutput]
        /// Paths whose bytes changed, added or gone, sorted.
        let changed: [String]
        /// Pages, feeds and calendars rendered.
        let rendered: Int
    }

    /// `old` (made from `previous`; everything when nil) updated to `plan`, made from `next`,
    /// after the inputs `dirty` changed (`LiveChanges`); with `stale`, the outputs to render
    /// again are those (and any not in `old`), and the maps are not read (`LiveMapUpdate`).
    ///
    /// With `early`, the small pages (a record's page, a page of a list) are rendered first and
    /// handed to it with what they changed, the outputs not yet rendered as they were, so the
    /// page being edited is served before the theme pages, open items, data files and feeds
    /// that list thousands of records are made again.
    static func update(_ old: [String: LiveOutput], plan: OutputPlan, from previous: LiveSnapshot?, to next: LiveSnapshot,
                       dirty: Set<OutputInput>?, stale known: Set<String>? = nil, ready: [String: [UInt8]] = [:], edited: Set<String>, source: URL,
                       early: ((_ files: [String: LiveOutput], _ changed: [String]) -> Void)? = nil) -> Update {
        let edits = EditedPaths(edited)
        // Rendered again: new outputs, outputs made from other inputs than before, and those
        // made from an input that changed.
        let stale = { (path: String) -> Bool in
            if let known { return old[path] == nil || known.contains(path) }
            guard let dirty, let previous, old[path] != nil, let now = next.map.inputs(of: path),
                  let before = previous.map.inputs(of: path), now.inputs.isDisjoint(with: dirty) else { return true }
            return !next.keptMap && before.inputs != now.inputs
        }
        // Starts as it was: only what changes is written, and the outputs not yet made again
        // are served as they were until they are.
        var files = old
        var changed: [String] = []
        var toRender: [Job] = []
        var kept = 0
        for file in plan.files {
            let was = old[file.path]
            if was != nil { kept += 1 }
            switch file.content {
            case .bytes(let bytes):
                if was?.bytes != bytes {
                    files[file.path] = LiveOutput(bytes: bytes)
                    changed.append(file.path)
                }
            case .copy(let sourcePath):
                let url = source.appendingPathComponent(sourcePath)
                if let was, case .file(let from) = was.content, from == url, !edits.touch(sourcePath) { continue }
                files[file.path] = LiveOutput(file: url)
                changed.append(file.path)
            case .rendered(let weight, let make):
                if let bytes = ready[file.path] {
                    settle([(file.path, bytes)], into: &files, changed: &changed, old: old)
                } else if stale(file.path) {
                    toRender.append((file.path, weight == 0 && file.path.hasSuffix(".html"), make))
                }
            }
        }
        // The marker `build` leaves in its output folder, so the two hold the same files.
        if old[OutputGuard.markerName] == nil {
            files[OutputGuard.markerName] = LiveOutput(bytes: Array(OutputGuard.markerText.utf8))
            changed.append(OutputGuard.markerName)
        } else {
            kept += 1
        }
        // Outputs the plan no longer has (a record deleted or renamed) are gone.
        if kept != old.count {
            let planned = Set(plan.files.map(\.path))
            for path in old.keys where path != OutputGuard.markerName && !planned.contains(path) {
                files[path] = nil
                changed.append(path)
            }
        }
        let rendered = toRender.count
        if let early {
            let first = toRender.filter(\.small), later = toRender.filter { !$0.small }
            if !first.isEmpty && !later.isEmpty {
                settle(render(first), into: &files, changed: &changed, old: old)
                early(files, changed.sorted { $0.precedesInUTF8($1) })
                toRender = later
            }
        }
        settle(render(toRender), into: &files, changed: &changed, old: old)
        return Update(files: files, changed: changed.sorted { $0.precedesInUTF8($1) }, rendered: rendered)
    }

    private typealias Job = (path: String, small: Bool, make: @Sendable (inout [UInt8]) -> Void)

    /// Before the map of a site whose records were added, removed or moved is made: the small
    /// pages that are new, and the pages of the records whose facts changed (`dirty`), rendered.
    static func first(_ plan: OutputPlan, graph: SiteGraph, dirty: Set<OutputInput>, old: [String: LiveOutput]) -> [String: [UInt8]] {
        var pages = Set<String>()
        for input in dirty {
            guard case .record(let id) = input, let record = graph.record(id) else { continue }
            pages.insert(SitePaths.file(for: SitePaths.record(record)))
        }
        var jobs: [Job] = []
        for file in plan.files {
            guard case .rendered(0, let make) = file.content, file.path.hasSuffix(".html"),
                  old[file.path] == nil || pages.contains(file.path) else { continue }
            jobs.append((file.path, true, make))
        }
        return Dictionary(render(jobs).map { ($0.path, $0.bytes) }) { first, _ in first }
    }

    /// `old` with the outputs `ready` taken in, and the paths that changed.
    static func merged(_ ready: [String: [UInt8]], into old: [String: LiveOutput]) -> (files: [String: LiveOutput], changed: [String]) {
        var files = old
        var changed: [String] = []
        settle(ready.map { ($0.key, $0.value) }, into: &files, changed: &changed, old: old)
        return (files, changed.sorted { $0.precedesInUTF8($1) })
    }

    /// Renders `jobs` on all cores, each into a buffer kept per core.
    private static func render(_ jobs: [Job]) -> [(path: String, bytes: [UInt8])] {
        let made = jobs.parallelMap(state: { [UInt8]() }) { buffer, job -> [UInt8] in
            job.make(&buffer)
            return buffer
        }
        return zip(jobs, made).map { ($0.path, $1) }
    }

    /// Takes rendered outputs in: those whose bytes are as before keep their earlier output (and ETag).
    private static func settle(_ rendered: [(path: String, bytes: [UInt8])], into files: inout [String: LiveOutput], changed: inout [String],
                               old: [String: LiveOutput]) {
        for (path, bytes) in rendered {
            if let kept = old[path], kept.bytes == bytes {
                files[path] = kept
            } else {
                files[path] = LiveOutput(bytes: bytes)
                changed.append(path)
            }
        }
    }
}
