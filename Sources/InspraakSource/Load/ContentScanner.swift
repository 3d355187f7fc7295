import Foundation

/// Finds the record files under `content/`, in sorted order, whatever order the tree lists them in.
///
/// Nothing is passed over in silence: every entry is read, or named in an error or a warning
/// (hidden files, stray files, pipes and devices, broken links). Only the housekeeping files that
/// operating systems and git put in folders (`ignoredHousekeeping`) are ignored without a word.
package struct ContentScanner {
    let tree: any SourceTree
    /// Where the site's folder itself leads, asked once: links are checked against it.
    let realRoot: String

    /// Files that tools leave in any folder, never meant as content: `.DS_Store` (macOS Finder),
    /// `.gitkeep`/`.keep` (placeholders that keep an empty folder in git), git's own settings.
    static let ignoredHousekeeping: Set<String> = [".DS_Store", ".gitkeep", ".keep", ".gitignore", ".gitattributes"]

    package init(tree: any SourceTree) {
        self.tree = tree
        self.realRoot = tree.resolved("")
    }

    package init(root: URL) {
        self.init(tree: DiskSourceTree(root: root))
    }

    package func scan() -> ([SourceDocument], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var documents: [SourceDocument] = []
        guard tree.kind(of: "content") == .directory else {
            diagnostics.error(SourceLocation(path: "content"), LoadMessage.noContentFolder)
            return ([], diagnostics.all)
        }
        for entry in listing("content", diagnostics: &diagnostics) {
            let name = entry.name
            let relative = "content/\(name)"
            guard passes(entry, path: relative, diagnostics: &diagnostics) else { continue }
            guard entry.kind == .directory else {
                diagnostics.error(SourceLocation(path: relative), LoadMessage.strayContentFile)
                continue
            }
            guard let folder = ContentFolder(rawValue: name) else {
                diagnostics.error(
                    SourceLocation(path: relative),
                    LoadMessage.unknownContentFolder(name, known: ContentFolder.allCases.map(\.rawValue)),
                    hint: Message.didYouMean(name, among: ContentFolder.allCases.map(\.rawValue))
                )
                continue
            }
            scanFolder(folder, relative: relative, into: &documents, diagnostics: &diagnostics)
        }
        return (documents, diagnostics.all)
    }

    private func scanFolder(
        _ folder: ContentFolder, relative: String,
        into documents: inout [SourceDocument], diagnostics: inout Diagnostics
    ) {
        // A linked folder (content/meetings -> elsewhere) puts every entry under suspicion.
        let linkedFolder = !isInside(relative)
        for entry in listing(relative, diagnostics: &diagnostics) {
            let name = entry.name
            let path = "\(relative)/\(name)"
            if entry.isLink || linkedFolder, !isInside(path) {
                diagnostics.error(SourceLocation(path: path), LoadMessage.symlinkOutside)
                continue
            }
            guard passes(entry, path: path, diagnostics: &diagnostics) else { continue }
            if entry.kind == .directory {
                let index = "\(path)/index.md"
                guard tree.kind(of: index) != .missing else {
                    diagnostics.error(SourceLocation(path: path), LoadMessage.bundleWithoutIndex)
                    continue
                }
                if !isInside(index) {
                    diagnostics.error(SourceLocation(path: "\(path)/index.md"), LoadMessage.symlinkOutside)
                    continue
                }
                var bundleFiles: [String] = []
                collectBundleFiles(prefix: "", into: &bundleFiles, bundlePath: path, diagnostics: &diagnostics)
                documents.append(SourceDocument(
                    folder: folder, name: name, path: "\(path)/index.md",
                    bundleFolder: path, bundleFiles: bundleFiles.filter { $0 != "index.md" }
                ))
            } else if name.hasSuffix(".md") {
                documents.append(SourceDocument(folder: folder, name: String(name.dropLast(3)), path: path))
            } else {
                diagnostics.warning(SourceLocation(path: path), LoadMessage.notMarkdown)
            }
        }
    }

    private func collectBundleFiles(
        prefix: String, into result: inout [String], bundlePath: String, diagnostics: inout Diagnostics
    ) {
        let folderPath = prefix.isEmpty ? bundlePath : "\(bundlePath)/\(prefix.dropLast())"
        for entry in listing(folderPath, diagnostics: &diagnostics) {
            let relative = prefix + entry.name
            let path = "\(bundlePath)/\(relative)"
            if entry.isLink, !isInside(path) {
                diagnostics.error(SourceLocation(path: path), LoadMessage.symlinkOutside)
                continue
            }
            // index.md is read as the record, where its kind is checked with the other files'.
            guard relative == "index.md" || passes(entry, path: path, diagnostics: &diagnostics) else { continue }
            if entry.kind == .directory {
                if entry.isLink, leadsBack(path, from: folderPath) {
                    diagnostics.error(SourceLocation(path: path), LoadMessage.linkLoop)
                    continue
                }
                collectBundleFiles(prefix: relative + "/", into: &result, bundlePath: bundlePath, diagnostics: &diagnostics)
            } else {
                result.append(relative)
            }
        }
    }

    /// Whether an entry may be read as a record, a bundle or a bundle's file: not hidden, an
    /// ordinary file or folder, and not a link to nothing. Says why when it may not.
    private func passes(_ entry: SourceEntry, path: String, diagnostics: inout Diagnostics) -> Bool {
        let location = SourceLocation(path: path)
        if entry.name.hasPrefix(".") {
            guard !Self.ignoredHousekeeping.contains(entry.name) else { return false }
            let visible = String(entry.name.drop { $0 == "." })
            let rename = entry.name.hasSuffix(".md") ? RecordID.folded(String(visible.dropLast(3))) : ""
            diagnostics.warning(location, entry.kind == .directory ? LoadMessage.hiddenFolder : LoadMessage.hiddenFile,
                                hint: rename.isEmpty ? nil : LoadMessage.renameToPublish(rename + ".md"))
            return false
        }
        switch entry.kind {
        case .regular, .directory:
            return true
        case .missing:
            diagnostics.error(location, LoadMessage.brokenLink)
        case .unknown(let code):
            diagnostics.error(location, LoadMessage.unreadable(FileKind.cause(code)))
        case .namedPipe, .socket, .device:
            diagnostics.error(location, LoadMessage.notRegularFile(entry.kind.description))
        }
        return false
    }

    /// A folder's entries as the tree lists them; a folder that cannot be listed is an error, at `path`.
    private func listing(_ path: String, diagnostics: inout Diagnostics) -> [SourceEntry] {
        switch tree.list(path) {
        case .entries(let entries): return entries
        case .unreadable(let cause):
            diagnostics.error(SourceLocation(path: path), LoadMessage.unreadableFolder(cause))
            return []
        }
    }

    /// Whether a linked folder is the folder it stands in or one above it: followed, it would
    /// repeat the same files until the path grows too long.
    private func leadsBack(_ link: String, from folder: String) -> Bool {
        let target = tree.resolved(link)
        let here = tree.resolved(folder)
        return here == target || here.hasPrefix(target.hasSuffix("/") ? target : target + "/")
    }

    /// False for a link (or a link inside a path) that leads outside the source folder.
    private func isInside(_ path: String) -> Bool {
        let real = tree.resolved(path)
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}
