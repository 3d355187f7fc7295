import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            // Sorted, so each parent exists before its children: a plain mkdir each (FileManager's
            // intermediate-directory walk costs more than the folder itself).
            var all = Set<String>()
            for folder in folders {
                var path = folder
                while !path.isEmpty, all.insert(path).inserted {
                    path = (path as NSString).deletingLastPathComponent
                }
            }
            // Plain string paths: URL.appendingPathComponent asks the disk whether each is a folder.
            let stagingPath = staging.path + "/"
            for folder in all.sorted() where mkdir(stagingPath + folder, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
            }
            let failures = plan.files.parallelMap { file -> String? in
                let target = stagingPath + file.path
                do {
                    switch file.content {
                    case .bytes(let bytes): try writeFile(bytes, to: target)
                    case .copy(let sourcePath):
                        try FileManager.default.copyItem(atPath: source.path + "/" + sourcePath, toPath: target)
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

    /// One open-write-close, without the temporary file and rename Foundation may add.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                posixWrite(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            guard result > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            written += result
        }
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

/// The C `write`, reachable from inside `SiteWriter` (whose own `write` shadows it).
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
