import Foundation

/// Stage 5, the only one that writes: the whole plan into a staging folder beside the output,
/// then swapped in. A build that fails leaves the published folder exactly as it was.
public enum SiteWriter {
    public static func write(_ plan: OutputPlan, to output: URL, source: URL) -> [Diagnostic] {
        let files = FileManager.default
        let output = output.standardizedFileURL
        let where_ = SourceLocation(path: output.path)
        if let problem = refusal(output, source: source) {
            return [.error(where_, problem)]
        }
        let parent = output.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(token)")
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for file in plan.files {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folder.isEmpty { folders.insert(folder) }
            }
            for folder in folders.sorted() {
                try files.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = plan.files.parallelMap { file -> String? in
                let target = staging.appendingPathComponent(file.path)
                do {
                    switch file.content {
                    case .bytes(let bytes): try Data(bytes).write(to: target)
                    case .copy(let sourcePath): try FileManager.default.copyItem(at: source.appendingPathComponent(sourcePath), to: target)
                    }
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }.compactMap { $0 }
            if let first = failures.first {
                try? files.removeItem(at: staging)
                return [.error(where_, "the site could not be written (\(first)); the previous output is left as it was")]
            }
            if files.fileExists(atPath: output.path) {
                try files.moveItem(at: output, to: retired)
                do {
                    try files.moveItem(at: staging, to: output)
                } catch {
                    try? files.moveItem(at: retired, to: output)
                    throw error
                }
                try? files.removeItem(at: retired)
            } else {
                try files.moveItem(at: staging, to: output)
            }
        } catch {
            try? files.removeItem(at: staging)
            return [.error(where_, "the site could not be written: \(error.localizedDescription); the previous output is left as it was")]
        }
        return []
    }

    /// Never replace a folder that holds a site's sources (a mistyped `--output .`).
    private static func refusal(_ output: URL, source: URL) -> String? {
        let files = FileManager.default
        let outputPath = output.resolvingSymlinksInPath().path
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") || outputPath == "/" {
            return "the output folder would replace the site's own folder; choose another --output (e.g. public/)"
        }
        if files.fileExists(atPath: output.appendingPathComponent("site.toml").path)
            || files.fileExists(atPath: output.appendingPathComponent("content").path) {
            return "the output folder holds a site.toml or content/ folder; it looks like a site's sources, so it is not replaced"
        }
        return nil
    }
}
