import Foundation

/// Finds the record files under `content/`, in sorted order, whatever order the disk lists them in.
///
/// Nothing is passed over in silence: every entry is read, or named in an error or a warning
/// (hidden files, stray files, pipes and devices, broken links). Only the housekeeping files that
/// operating systems and git put in folders (`ignoredHousekeeping`) are ignored without a word.
package struct ContentScanner {
    let root: URL
    let realRoot: String

    /// Files that tools leave in any folder, never meant as content: `.DS_Store` (macOS Finder),
    /// `.gitkeep`/`.keep` (placeholders that keep an empty folder in git), git's own settings.
    static let ignoredHousekeeping: Set<String> = [".DS_Store", ".gitkeep", ".keep", ".gitignore", ".gitattributes"]

    package init(root: URL) {
        self.root = root
        self.realRoot = root.resolvingSymlinksInPath().path
    }

    package func scan() -> ([SourceDocument], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var documents: [SourceDocument] = []
        let content = root.appendingPathComponent("content")
        guard FileKind.of(content.path) == .directory else {
            diagnostics.error(SourceLocation(path: "content"), Message.noContentFolder)
            return ([], diagnostics.all)
        }
        for entry in listing(content, path: "content", diagnostics: &diagnostics) {
            let name = entry.name
            let url = content.appendingPathComponent(name)
            let relative = "content/\(name)"
            guard passes(entry, path: relative, diagnostics: &diagnostics) else { continue }
            guard entry.kind == .directory else {
                diagnostics.error(SourceLocation(path: relative), Message.strayContentFile)
                continue
            }
            guard let folder = ContentFolder(rawValue: name) else {
                diagnostics.error(
                    SourceLocation(path: relative),
                    Message.unknownContentFolder(name, known: ContentFolder.allCases.map(\.rawValue)),
                    hint: EditDistance.closest(to: name, in: ContentFolder.allCases.map(\.rawValue)).map(Message.didYouMean)
                )
                continue
            }
            scanFolder(folder, url: url, relative: relative, into: &documents, diagnostics: &diagnostics)
        }
        return (documents, diagnostics.all)
    }

    private func scanFolder(
        _ folder: ContentFolder, url: URL, relative: String,
        into documents: inout [SourceDocument], diagnostics: inout Diagnostics
    ) {
        // A linked folder (content/meetings -> elsewhere) puts every entry under suspicion.
        let linkedFolder = !isInside(url)
        for entry in listing(url, path: relative, diagnostics: &diagnostics) {
            let name = entry.name
            let path = "\(relative)/\(name)"
            let entryURL = URL(fileURLWithPath: url.path + "/" + name, isDirectory: entry.kind == .directory)
            if entry.isLink || linkedFolder, !isInside(entryURL) {
                diagnostics.error(SourceLocation(path: path), Message.symlinkOutside)
                continue
            }
            guard passes(entry, path: path, diagnostics: &diagnostics) else { continue }
            if entry.kind == .directory {
                let index = entryURL.appendingPathComponent("index.md")
                guard FileKind.of(index.path) != .missing else {
                    diagnostics.error(SourceLocation(path: path), Message.bundleWithoutIndex)
                    continue
                }
                if !isInside(index) {
                    diagnostics.error(SourceLocation(path: "\(path)/index.md"), Message.symlinkOutside)
                    continue
                }
                var bundleFiles: [String] = []
                collectBundleFiles(entryURL, prefix: "", into: &bundleFiles, bundlePath: path, diagnostics: &diagnostics)
                documents.append(SourceDocument(
                    folder: folder, name: name, path: "\(path)/index.md",
                    bundleFolder: path, bundleFiles: bundleFiles.filter { $0 != "index.md" }
                ))
            } else if name.hasSuffix(".md") {
                documents.append(SourceDocument(folder: folder, name: String(name.dropLast(3)), path: path))
            } else {
                diagnostics.warning(SourceLocation(path: path), Message.notMarkdown)
            }
        }
    }

    private func collectBundleFiles(
        _ url: URL, prefix: String, into result: inout [String], bundlePath: String, diagnostics: inout Diagnostics
    ) {
        let folderPath = prefix.isEmpty ? bundlePath : "\(bundlePath)/\(prefix.dropLast())"
        for entry in listing(url, path: folderPath, diagnostics: &diagnostics) {
            let entryURL = url.appendingPathComponent(entry.name)
            let relative = prefix + entry.name
            let path = "\(bundlePath)/\(relative)"
            if entry.isLink, !isInside(entryURL) {
                diagnostics.error(SourceLocation(path: path), Message.symlinkOutside)
                continue
            }
            // index.md is read as the record, where its kind is checked with the other files'.
            guard relative == "index.md" || passes(entry, path: path, diagnostics: &diagnostics) else { continue }
            if entry.kind == .directory {
                if entry.isLink, leadsBack(entryURL, from: url) {
                    diagnostics.error(SourceLocation(path: path), Message.linkLoop)
                    continue
                }
                collectBundleFiles(entryURL, prefix: relative + "/", into: &result, bundlePath: bundlePath, diagnostics: &diagnostics)
            } else {
                result.append(relative)
            }
        }
    }

    /// Whether an entry may be read as a record, a bundle or a bundle's file: not hidden, an
    /// ordinary file or folder, and not a link to nothing. Says why when it may not.
    private func passes(_ entry: Entry, path: String, diagnostics: inout Diagnostics) -> Bool {
        let location = SourceLocation(path: path)
        if entry.name.hasPrefix(".") {
            guard !Self.ignoredHousekeeping.contains(entry.name) else { return false }
            let visible = String(entry.name.drop { $0 == "." })
            let rename = entry.name.hasSuffix(".md") ? RecordID.folded(String(visible.dropLast(3))) : ""
            diagnostics.warning(location, entry.kind == .directory ? Message.hiddenFolder : Message.hiddenFile,
                                hint: rename.isEmpty ? nil : Message.renameToPublish(rename + ".md"))
            return false
        }
        switch entry.kind {
        case .regular, .directory:
            return true
        case .missing:
            diagnostics.error(location, Message.brokenLink)
        case .unknown(let code):
            diagnostics.error(location, Message.unreadable(FileKind.cause(code)))
        case .namedPipe, .socket, .device:
            diagnostics.error(location, Message.notRegularFile(entry.kind.description))
        }
        return false
    }

    /// An entry of a folder listing; a link is followed to tell what it leads to.
    private struct Entry {
        let name: String
        let kind: FileKind
        let isLink: Bool
    }

    /// Every entry but `.` and `..`, sorted by their UTF-8 bytes (not by the disk's order or the
    /// locale). `readdir` tells the kind of most entries without a `stat` each (10,000 records,
    /// one folder); nothing is opened. A folder that cannot be listed is an error, at `path`.
    private func listing(_ url: URL, path: String, diagnostics: inout Diagnostics) -> [Entry] {
        guard let directory = opendir(url.path) else {
            diagnostics.error(SourceLocation(path: path), Message.unreadableFolder(FileKind.cause(errno)))
            return []
        }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            switch Int32(pointer.pointee.d_type) {
            case Int32(DT_DIR): entries.append(Entry(name: name, kind: .directory, isLink: false))
            case Int32(DT_REG): entries.append(Entry(name: name, kind: .regular, isLink: false))
            case Int32(DT_FIFO): entries.append(Entry(name: name, kind: .namedPipe, isLink: false))
            case Int32(DT_SOCK): entries.append(Entry(name: name, kind: .socket, isLink: false))
            case Int32(DT_CHR), Int32(DT_BLK): entries.append(Entry(name: name, kind: .device, isLink: false))
            default:
                // A link, or a file system that does not say: ask.
                entries.append(Entry(name: name, kind: FileKind.of(url.path + "/" + name), isLink: true))
            }
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Whether a linked folder is the folder it stands in or one above it: followed, it would
    /// repeat the same files until the path grows too long.
    private func leadsBack(_ link: URL, from folder: URL) -> Bool {
        let target = link.resolvingSymlinksInPath().path
        let here = folder.resolvingSymlinksInPath().path
        return here == target || here.hasPrefix(target.hasSuffix("/") ? target : target + "/")
    }

    /// False for a link (or a link inside a path) that leads outside the source folder.
    private func isInside(_ url: URL) -> Bool {
        let real = url.resolvingSymlinksInPath().path
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}
