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
        var levels: [[String]] = []
        func add(_ folder: Substring, depth: Int) {
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(String(folder))
        }
        // In byte order (as a plan holds its files) a folder's files and folders come one after
        // another, so a folder not among the previous file's is new: no set of every folder.
        var chain: [Substring] = []
        var previous = ""
        var known: Set<String>?
        for file in files {
            if known == nil, file.precedesInUTF8(previous) {
                known = Set(levels.joined())
            }
            previous = file
            let path = Substring(file)
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = path[..<slash]
            // Most files share their folder with the file before (a record's page and feed).
            if known == nil, let last = chain.last, last.utf8.elementsEqual(folder.utf8) { continue }
            let folders = Self.folders(folder)
            if known != nil {
                for (depth, folder) in folders.enumerated() where known!.insert(String(folder)).inserted { add(folder, depth: depth) }
                continue
            }
            var shared = 0
            while shared < min(chain.count, folders.count), chain[shared].utf8.elementsEqual(folders[shared].utf8) { shared += 1 }
            for depth in shared..<folders.count { add(folders[depth], depth: depth) }
            chain = folders
        }
        // Sorted, so the folders are made in the same order every build.
        self.levels = levels.map { $0.sorted { $0.precedesInUTF8($1) } }
    }

    /// `a/b`: `a`, `a/b`.
    private static func folders(_ folder: Substring) -> [Substring] {
        var folders: [Substring] = []
        var index = folder.utf8.startIndex
        while let slash = folder.utf8[index...].firstIndex(of: UInt8(ascii: "/")) {
            folders.append(folder[..<slash])
            index = folder.utf8.index(after: slash)
        }
        folders.append(folder)
        return folders
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
