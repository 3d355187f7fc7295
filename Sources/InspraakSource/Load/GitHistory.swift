import Foundation

/// What git says about one record file.
public struct FileHistory: Sendable, Hashable {
    /// One commit that touched the file: its day (in the site's time zone) and subject line.
    /// Never its author: names and e-mail addresses stay out of the site.
    public struct Change: Sendable, Hashable {
        public let day: Day
        public let subject: String
    }

    /// Newest first, across renames; the last one added the file.
    public var changes: [Change] = []
    /// The last commit that changed the content after the one that added it (a pure rename is
    /// no change), so an archive imported in one commit has no "updated" dates at all.
    public var updated: Day?
}

/// Dates from git in one pass: one `git rev-parse` and one `git log` for the whole site, never a
/// process per file. A folder outside a repository (or a machine without git) has no dates.
package enum GitHistory {
    package enum Reading: Sendable {
        /// Not a repository, or git is missing: dates fall back to `date`, silently.
        case none
        /// A shallow clone: its oldest commit looks as if it added every file.
        case shallow
        case files([String: FileHistory])
    }

    /// Whether `root` lies in a shallow clone (nil: not in a repository), and its path inside it.
    static func repository(at root: URL) -> (shallow: Bool, prefix: String)? {
        guard let output = run(["rev-parse", "--is-shallow-repository", "--show-prefix"], in: root) else { return nil }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return nil }
        return (first == "true", lines.count > 1 ? String(lines[1]) : "")
    }

    static func read(in root: URL, folder: String, zone: TimeZone) -> Reading {
        guard let repository = repository(at: root) else { return .none }
        if repository.shallow { return .shallow }
        // A pathspec makes git match every tree entry against it (a quarter slower at 10,000
        // records); at the top of a repository the few files outside `folder` cost less.
        let pathspec = repository.prefix.isEmpty ? [] : ["--", folder]
        guard let log = run(["-c", "core.quotePath=false", "log", "-M", "--name-status", "--format=%x01%ct%x02%s"] + pathspec, in: root) else {
            return .files([:])   // a repository without commits yet
        }
        return .files(parse(log, prefix: repository.prefix, zone: zone).filter { $0.key.hasPrefix(folder + "/") })
    }

    /// Reads `git log --name-status -M` (newest commit first), following each file back
    /// through its renames; keys are paths relative to the site folder, as they are now.
    static func parse(_ log: String, prefix: String, zone: TimeZone) -> [String: FileHistory] {
        /// Per file as named now: its commits newest first, and whether each changed the content.
        var touched: [String: [(change: FileHistory.Change, changesContent: Bool)]] = [:]
        /// What an older path is called now; `.some(nil)` for a path whose older commits belong
        /// to another file (one deleted, or older than the commit that added the current one).
        var currentName: [String: String?] = [:]
        var change = FileHistory.Change(day: Day(number: 0), subject: "")
        func name(_ path: String) -> String? { currentName[path] ?? path }
        for line in log.split(separator: "\n") {
            if line.first == "\u{01}" {
                let parts = line.dropFirst().split(separator: "\u{02}", maxSplits: 1, omittingEmptySubsequences: false)
                let seconds = Int(parts[0]) ?? 0
                let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
                let day = Day(number: local >= 0 ? local / 86400 : (local - 86399) / 86400)
                change = FileHistory.Change(day: day, subject: parts.count > 1 ? String(parts[1]) : "")
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let status = fields[0].first else { continue }
            switch status {
            case "R" where fields.count >= 3:
                guard let now = name(fields[2]) else { continue }
                touched[now, default: []].append((change, fields[0] != "R100"))
                currentName[fields[2]] = .some(nil)
                currentName[fields[1]] = .some(now)
            case "A":
                guard let now = name(fields[1]) else { continue }
                touched[now, default: []].append((change, true))
                currentName[fields[1]] = .some(nil)
            case "D":
                currentName[fields[1]] = .some(nil)
            default:
                guard let now = name(fields[1]) else { continue }
                touched[now, default: []].append((change, true))
            }
        }
        var result: [String: FileHistory] = [:]
        for (path, commits) in touched where path.hasPrefix(prefix) {
            // The oldest commit added the file; the newest content change after it is `updated`.
            let updated = commits.dropLast().first(where: \.changesContent)?.change.day
            result[String(path.dropFirst(prefix.count))] = FileHistory(changes: commits.map(\.change), updated: updated)
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
