import Foundation
import InspraakSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a build makes beside its output, `.public.staging-<pid>-<n>` (the new site while
/// it is written) and `.public.old-<pid>-<n>` (the previous output while it is removed), and
/// the removal of those that earlier builds left behind when they were killed or crashed.
enum Leftovers {
    static func stagingName(of output: String, token: String) -> String { ".\(output).staging-\(token)" }
    static func retiredName(of output: String, token: String) -> String { ".\(output).old-\(token)" }

    /// Removes the staging and retired folders beside `output` whose builds have provably ended:
    /// nobody holds the folder's lock (a build holds it from making the folder until it ends, and
    /// the system drops a lock when its process ends, however it ends) and the process named in
    /// the folder is not running (builds of versions before the lock). A folder that fails
    /// either test is left alone. Returns a warning for each dead folder that could not be removed.
    static func removeDead(beside output: String) -> [Diagnostic] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var warnings: [Diagnostic] = []
        for entry in entries.sorted() {
            guard let pid = builder(of: entry, output: name) else { continue }
            let path = parent + "/" + entry
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH, let lock = FolderLock(path) else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                let problem = FileProblem(.removing, path, error: error).sentence
                warnings.append(.warning(SourceLocation(path: path), WriteMessage.leftoverNotRemoved(path, problem: problem)))
            }
            lock.release()
        }
        return warnings
    }

    /// The process id in a staging or retired folder name of `output` (`<pid>-<number>`).
    static func builder(of entry: String, output: String) -> pid_t? {
        for prefix in [stagingName(of: output, token: ""), retiredName(of: output, token: "")] where entry.hasPrefix(prefix) {
            let token = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard token.count == 2, token.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let pid = pid_t(token[0]), pid > 0, UInt32(token[1]) != nil
            else { return nil }
            return pid
        }
        return nil
    }
}

/// An exclusive `flock` on a folder, held until `release()` or the end of the process. It is
/// tied to the folder itself, not its name, so it stays when the folder is renamed.
final class FolderLock {
    private var descriptor: Int32

    /// Nil when the folder cannot be opened (gone, a link, not a folder) or another process holds it.
    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
