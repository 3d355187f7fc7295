import Foundation
import InspraakSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, before any work, whether a build may replace its output folder: only when it is
/// absent, empty, or made by an earlier build, and never when it is or holds the site's own
/// files. A build replaces its output whole, so anything else in it would be lost.
public enum OutputGuard {
    /// The file every output carries, so the next build knows the folder is its own to replace.
    public static let markerName = ".inspraak-output"
    /// Fixed text, so two builds stay byte-identical.
    static let markerText = "This folder was made by `inspraak build`. The next build replaces it whole: keep nothing else in it.\n"

    /// The top-level names an output written before the marker existed can hold. Such a folder
    /// is accepted without the marker when it has index.html, sitemap.xml and robots.txt and
    /// nothing beyond these names: every earlier build wrote those three, and a folder with
    /// anything else (a `.git`, a `CNAME`, notes) is not replaced.
    static let earlierOutputNames: Set<String> = [
        "404.html", "accessibility", "advice", "assets", "feed.xml", "feedback", "index.html",
        "meetings", "open", "robots.txt", "sitemap.xml", "themes",
        // Since the calendars and the Atom and JSON feeds: an output of then whose marker was removed.
        "agenda.ics", "atom.xml", "feed.json",
    ]
    static let earlierOutputFiles = ["index.html", "robots.txt", "sitemap.xml"]

    /// The output folder as it really is on disk (links and `..` resolved), which is what the
    /// build then replaces; or why it may not be replaced, located at the output's path.
    public static func check(output: URL, source: URL) -> Result<String, Diagnostic> {
        let target = resolved(output.path)
        let given = shown(output)
        let location = SourceLocation(path: given)
        let leadsTo = target == given ? nil : WriteMessage.outputLeadsTo(target)
        func refuse(_ message: String, hint: String? = nil) -> Result<String, Diagnostic> {
            let hints = [leadsTo, hint].compactMap { $0 }
            return .failure(.error(location, message, hint: hints.isEmpty ? nil : hints.joined(separator: "; ")))
        }

        let site = resolved(source.path)
        // The site's folder and site.toml may not be replaced, nor anything above them; content/
        // and themes/ not even partly. An output of its own inside the site's folder (public/) is fine.
        let protected: [(path: String, what: String, outputMayBeInside: Bool)] = [
            (site, WriteMessage.theSiteFolder, true),
            (resolved(site + "/site.toml"), WriteMessage.theSettingsFile, true),
            (resolved(site + "/content"), WriteMessage.theContentFolder, false),
            (resolved(site + "/themes"), WriteMessage.theThemesFolder, false),
        ]
        for (path, what, outputMayBeInside) in protected {
            if path == target { return refuse(WriteMessage.outputIs(what)) }
            if isWithin(path, target) { return refuse(WriteMessage.outputHolds(what)) }
            if !outputMayBeInside && isWithin(target, path) { return refuse(WriteMessage.outputInside(what)) }
        }

        // The new site is prepared beside the output, so its folder (or the nearest one that
        // exists, where the missing ones are made) must take new files.
        var existing = target
        repeat {
            existing = (existing as NSString).deletingLastPathComponent
        } while access(existing, F_OK) != 0 && existing != "/"
        var folder = stat()
        if stat(existing, &folder) == 0 && (folder.st_mode & S_IFMT) != S_IFDIR {
            return refuse(WriteMessage.outputUnusable(FileProblem(.makingFolder, target, code: ENOTDIR).sentence))
        }
        if access(existing, W_OK | X_OK) != 0 {
            return refuse(WriteMessage.outputUnusable(FileProblem(.makingFolder, existing + "/" + (target as NSString).lastPathComponent).sentence))
        }

        var status = stat()
        guard lstat(target, &status) == 0 else {
            if errno == ENOENT { return .success(target) }
            return refuse(WriteMessage.outputUnusable(FileProblem(.reading, target).sentence))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return refuse(WriteMessage.outputUnusable(WriteMessage.pathMissing(target)))
        default: return refuse(WriteMessage.outputIsFile)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        } catch {
            return refuse(WriteMessage.outputUnusable(FileProblem(.reading, target, error: error).sentence))
        }
        if names.isEmpty || isRegularFile(target + "/" + markerName) { return .success(target) }
        let foreign = names.filter { !earlierOutputNames.contains($0) }
        if foreign.isEmpty && earlierOutputFiles.allSatisfy({ isRegularFile(target + "/" + $0) }) {
            return .success(target)
        }
        let listed = foreign.isEmpty ? names : foreign
        return refuse(WriteMessage.outputHoldsOtherFiles(Array(listed.prefix(3)), more: listed.count - min(listed.count, 3)),
                      hint: WriteMessage.outputHoldsOtherFilesHint)
    }

    /// The output as diagnostics name it: as given, without `.` parts (but with `..`: after a
    /// link it means something else than its text says; where the path leads is told apart).
    static func shown(_ output: URL) -> String {
        "/" + output.path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// `path` with every link and `..` resolved as the system would: the longest part that
    /// exists through `realpath`, the rest (not there yet, so holding no links) by its text.
    static func resolved(_ path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        var rest: [String] = []
        while true {
            if let real = realpath("/" + parts.joined(separator: "/"), nil) {
                var base = String(cString: real)
                free(real)
                for part in rest where part != "." {
                    if part == ".." {
                        base = base.lastIndex(of: "/").map { String(base[..<$0]) } ?? "/"
                        if base.isEmpty { base = "/" }
                    } else {
                        base += (base.hasSuffix("/") ? "" : "/") + part
                    }
                }
                return base
            }
            guard let last = parts.popLast() else { return "/" }
            rest.insert(last, at: 0)
        }
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder + "/")
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
