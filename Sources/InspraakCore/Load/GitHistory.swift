import Foundation

/// When each file last changed in git: one `git log` for the whole folder, not one per file.
/// A folder that is not in a git repository (or a machine without git) simply has no dates.
enum GitHistory {
    static func lastChanged(in root: URL, folder: String) -> [String: String] {
        guard let prefix = run(["rev-parse", "--show-prefix"], in: root)?.trimmingSpaces() else { return [:] }
        guard let log = run(["log", "--format=%x01%cI", "--name-only", "--no-renames", "--", folder], in: root) else {
            return [:]
        }
        var result: [String: String] = [:]
        var current: String?
        for line in log.split(separator: "\n") {
            if line.first == "\u{01}" {
                current = String(line.dropFirst().prefix(10))
                continue
            }
            guard let day = current else { continue }
            var path = String(line)
            guard path.hasPrefix(prefix) else { continue }
            path.removeFirst(prefix.count)
            if result[path] == nil { result[path] = day }
        }
        return result
    }

    private static func run(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
