import InspraakSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every folder a site's files go in, made once each before any file is written. Made while
/// writing, each file asked for its folder again: at 10,000 records 7,000 of those `mkdir`s
/// failed because the folder was there already, and each one locked the folder above it first.
struct OutputFolders {
    /// Paths relative to the staging folder, by depth: all parents come before their children.
    let levels: [[String]]

    init(files: some Sequence<String>) {
        var known = Set<String>()
        var levels: [[String]] = []
        for file in files {
            // A file's folder, then its parents, until one is known (its parents are then too).
            var path = Substring(file)
            var depth = file.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            while let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                path = path[..<slash]
                depth -= 1
                guard known.insert(String(path)).inserted else { break }
                while levels.count <= depth { levels.append([]) }
                levels[depth].append(String(path))
            }
        }
        // Sorted, so the folders are made in the same order every build.
        self.levels = levels.map { $0.sorted { $0.precedesInUTF8($1) } }
    }

    /// Makes the folders inside the open folder `root`, a level at a time (each level's folders
    /// over all cores); the first problem is named by its path under `shownRoot`.
    func make(in root: Int32, shownRoot: String) -> FileProblem? {
        for level in levels {
            let problems = level.parallelMap { folder -> FileProblem? in
                mkdirat(root, folder, 0o755) == 0 || errno == EEXIST ? nil : FileProblem(.makingFolder, shownRoot + folder)
            }
            if let problem = problems.lazy.compactMap({ $0 }).first { return problem }
        }
        return nil
    }
}
