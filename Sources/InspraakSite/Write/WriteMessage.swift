import InspraakSource

/// What the write stage says about the output folder and the files it writes.
enum WriteMessage {
    // MARK: Output folder (the write stage)
    static func outputIs(_ what: String) -> String {
        "a build replaces its output folder whole, and this is \(what); choose a folder of its own, e.g. --output public"
    }
    static func outputHolds(_ what: String) -> String {
        "a build replaces its output folder whole, and this folder holds \(what); choose a folder of its own, e.g. --output public"
    }
    static func outputInside(_ what: String) -> String {
        "a build replaces its output folder whole, and this one is inside \(what); choose a folder outside it, e.g. --output public"
    }
    static let outputIsFile = "a build replaces its output folder whole, and this is a file, not a folder (it would be deleted); choose a folder, e.g. --output public"
    static func outputHoldsOtherFiles(_ names: [String], more: Int) -> String {
        let list = names.map { "`\($0)`" }.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
        return "a build replaces its output folder whole, and this folder holds files an inspraak build did not make (\(list)), which would be deleted; choose a new or empty folder, or move those files away"
    }
    static let outputHoldsOtherFilesHint = "a folder an inspraak build made carries a `.inspraak-output` file; an output of an older version without it: delete the folder once and build again"
    static func outputUnusable(_ problem: String) -> String { "this output folder cannot be used: \(problem)" }
    static func outputLeadsTo(_ path: String) -> String { "it leads to \(path)" }
    static let theSiteFolder = "the site's own folder"
    static let theSettingsFile = "the site's settings file site.toml"
    static let theContentFolder = "the site's content/ folder"
    static let theThemesFolder = "the site's themes/ folder"
    static func siteNotWritten(_ problem: String) -> String {
        "the site could not be written: \(problem); the previous output is left as it was"
    }
    static func oldOutputNotRemoved(_ path: String, problem: String) -> String {
        "the new site is in place, but the previous output, moved aside to \(path), could not be removed: \(problem); delete that folder by hand"
    }
    static func previousOutputStranded(_ path: String, problem: String) -> String {
        "the new site could not take the output's place (\(problem)), and the previous output, moved aside to \(path), could not be moved back; rename that folder back by hand"
    }
    // MARK: The search index (Pagefind)

    static func searchIndexExit(_ status: Int32) -> String { "Pagefind stopped with exit code \(status)" }
    /// Printed once after a build without an index: a note, not a problem; the site works.
    static func searchIndexerMissing(_ path: String?) -> String {
        let found = path.map { "Pagefind could not be run from \($0)" } ?? "Pagefind was not found"
        return "note: \(found), so the site has no search index; its search page shows the overviews instead. "
            + "Install it with `pip install pagefind-bin==\(SearchIndexer.pinnedVersion)` and give the program's path "
            + "with --pagefind or \(SearchIndexer.environmentVariable), or put `pagefind` on PATH; "
            + "`[search] enabled = false` in site.toml switches search off."
    }
    static func searchIndexFailed(_ problem: String) -> String {
        "the search index could not be made (\(problem)); the site is published without it, and its search page shows the overviews instead"
    }

    static func leftoverNotRemoved(_ path: String, problem: String) -> String {
        "a folder an earlier build left behind, \(path), could not be removed: \(problem); delete it by hand"
    }

    // MARK: Files on disk: the system's reason in words
    static func diskFull(_ path: String) -> String { "the disk is full while writing \(path); free some space and build again" }
    static func quotaFull(_ path: String) -> String { "the disk quota is used up while writing \(path); free some space and build again" }
    static func readOnlyFileSystem(_ path: String) -> String { "\(path) is on a read-only file system; write the site to a disk that can be written" }
    static func noPermissionToRead(_ path: String) -> String { "no permission to read \(path); ask for read permission" }
    static func noPermissionToWrite(in folder: String) -> String {
        "no permission to write in \(folder); choose another --output or ask for write permission there"
    }
    static func noPermissionToChange(_ path: String, in folder: String) -> String {
        "no permission to move or delete \(path) (check the permissions of \(folder) and of what is in it)"
    }
    static func diskError(_ path: String, reading: Bool) -> String {
        "the disk reported an error while \(reading ? "reading" : "writing") \(path) (input/output error); check the disk"
    }
    static func partOfPathIsFile(_ path: String) -> String { "a part of the path \(path) is a file, not a folder" }
    static func pathMissing(_ path: String) -> String { "\(path) does not exist (any more)" }
    static func nameTooLong(_ path: String) -> String { "the name \(path) is too long for the file system" }
    static func tooManyOpenFiles(_ path: String) -> String { "too many files are open to open \(path); close other programs and build again" }
    static func inUse(_ path: String) -> String { "\(path) is in use (a mount point, or held open by another program)" }
    static func otherFileProblem(_ path: String, doing: String, cause: String) -> String { "\(doing) \(path) failed: \(cause)" }
    /// What a failed file operation was doing, to start `otherFileProblem`.
    static func doing(_ action: FileProblem.Action) -> String {
        switch action {
        case .reading: "reading"
        case .writing: "writing"
        case .makingFolder: "making the folder"
        case .moving: "moving"
        case .removing: "removing"
        }
    }
}
