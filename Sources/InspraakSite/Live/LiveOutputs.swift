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
    static func update(_ old: [String: LiveOutput], plan: OutputPlan, from previous: LiveSnapshot?, to next: LiveSnapshot,
                       dirty: Set<OutputInput>?, stale known: Set<String>? = nil, edited: Set<String>, source: URL) -> Update {
        let edits = EditedPaths(edited)
        // Rendered again: new outputs, outputs made from other inputs than before, and those
        // made from an input that changed.
        let stale = { (path: String) -> Bool in
            if let known { return old[path] == nil || known.contains(path) }
            guard let dirty, let previous, old[path] != nil, let now = next.map.inputs(of: path),
                  let before = previous.map.inputs(of: path), now.inputs.isDisjoint(with: dirty) else { return true }
            return !next.keptMap && before.inputs != now.inputs
        }
        var files: [String: LiveOutput] = [:]
        files.reserveCapacity(plan.files.count + 1)
        var changed: [String] = []
        var toRender: [(path: String, make: @Sendable (inout [UInt8]) -> Void)] = []
        for file in plan.files {
            switch file.content {
            case .bytes(let bytes):
                if let kept = old[file.path], kept.bytes == bytes {
                    files[file.path] = kept
                } else {
                    files[file.path] = LiveOutput(bytes: bytes)
                    changed.append(file.path)
                }
            case .copy(let sourcePath):
                let url = source.appendingPathComponent(sourcePath)
                if let kept = old[file.path], case .file(let was) = kept.content, was == url, !edits.touch(sourcePath) {
                    files[file.path] = kept
                } else {
                    files[file.path] = LiveOutput(file: url)
                    changed.append(file.path)
                }
            case .rendered(_, let make):
                if stale(file.path) {
                    toRender.append((file.path, make))
                } else {
                    files[file.path] = old[file.path]
                }
            }
        }
        let rendered = toRender.parallelMap(state: { [UInt8]() }) { buffer, job -> [UInt8] in
            job.make(&buffer)
            return buffer
        }
        for (job, bytes) in zip(toRender, rendered) {
            if let kept = old[job.path], kept.bytes == bytes {
                files[job.path] = kept
            } else {
                files[job.path] = LiveOutput(bytes: bytes)
                changed.append(job.path)
            }
        }
        // The marker `build` leaves in its output folder, so the two hold the same files.
        let marker = Array(OutputGuard.markerText.utf8)
        files[OutputGuard.markerName] = old[OutputGuard.markerName] ?? LiveOutput(bytes: marker)
        if old[OutputGuard.markerName] == nil { changed.append(OutputGuard.markerName) }
        changed += old.keys.filter { files[$0] == nil }
        return Update(files: files, changed: changed.sorted { $0.precedesInUTF8($1) }, rendered: toRender.count)
    }
}
