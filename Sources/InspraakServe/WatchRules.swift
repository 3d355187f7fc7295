/// Which changes in the source folder `serve` rebuilds for: site.toml and everything under
/// content/ (records, page bundles) and themes/, but not the files editors make beside the one
/// being saved (swap, backup, lock and test files), which come and go with every save.
enum WatchRules {
    /// The folders watched with all their subfolders.
    static let trees = ["content", "themes"]
    static let configFile = "site.toml"

    /// An editor's own file, by name: vim's `.x.swp`/`.swx`/`.swo` and its `4913` write test,
    /// `x~` backups, Emacs's `.#x` locks and `#x#` autosaves, JetBrains's safe-write copies,
    /// and Finder's `.DS_Store`.
    static func isIgnored(name: String) -> Bool {
        name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") || name.hasSuffix("~")
            || name.hasPrefix(".#") || name == "4913" || name == ".DS_Store"
            || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___")
    }

    /// Whether a source-relative path is one a rebuild reads.
    static func isWatched(_ path: String) -> Bool {
        if path == configFile { return true }
        guard let top = path.split(separator: "/").first, trees.contains(String(top)) else { return false }
        return !path.split(separator: "/").contains { isIgnored(name: String($0)) }
    }
}
