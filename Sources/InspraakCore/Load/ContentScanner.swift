import Foundation

/// Finds the record files under `content/`, in sorted order, whatever order the disk lists them in.
struct ContentScanner {
    let root: URL
    let realRoot: String
    private let files = FileManager.default

    init(root: URL) {
        self.root = root
        self.realRoot = root.resolvingSymlinksInPath().path
    }

    func scan() -> ([SourceDocument], [Diagnostic]) {
        var diagnostics = Diagnostics()
        var documents: [SourceDocument] = []
        let content = root.appendingPathComponent("content")
        guard isDirectory(content) else {
            diagnostics.error(SourceLocation(path: "content"), Message.noContentFolder)
            return ([], diagnostics.all)
        }
        for entry in listing(content) {
            let name = entry.name
            let url = content.appendingPathComponent(name)
            let relative = "content/\(name)"
            guard entry.isDirectory else {
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
        for entry in listing(url) {
            let name = entry.name
            let path = "\(relative)/\(name)"
            let entryURL = URL(fileURLWithPath: url.path + "/" + name, isDirectory: entry.isDirectory)
            if entry.isLink || linkedFolder, !isInside(entryURL) {
                diagnostics.error(SourceLocation(path: path), Message.symlinkOutside)
                continue
            }
            if entry.isDirectory {
                let index = entryURL.appendingPathComponent("index.md")
                guard files.fileExists(atPath: index.path) else {
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
        for entry in listing(url) {
            let entryURL = url.appendingPathComponent(entry.name)
            let relative = prefix + entry.name
            if entry.isLink, !isInside(entryURL) {
                diagnostics.error(SourceLocation(path: "\(bundlePath)/\(relative)"), Message.symlinkOutside)
                continue
            }
            if entry.isDirectory {
                collectBundleFiles(entryURL, prefix: relative + "/", into: &result, bundlePath: bundlePath, diagnostics: &diagnostics)
            } else {
                result.append(relative)
            }
        }
    }

    /// An entry of a folder listing; a link is followed to tell whether it leads to a folder.
    private struct Entry {
        let name: String
        let isDirectory: Bool
        let isLink: Bool
    }

    /// Visible entries, sorted by their UTF-8 bytes (not by the disk's order or the locale).
    /// `readdir` tells files from folders without a `stat` per entry (10,000 records, one folder).
    private func listing(_ url: URL) -> [Entry] {
        guard let directory = opendir(url.path) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let type = Int32(pointer.pointee.d_type)
            if type == DT_DIR || type == DT_REG {
                entries.append(Entry(name: name, isDirectory: type == DT_DIR, isLink: false))
            } else {
                // A link, or a file system that does not say: ask.
                entries.append(Entry(name: name, isDirectory: isDirectory(url.appendingPathComponent(name)), isLink: true))
            }
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return files.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    /// False for a link (or a link inside a path) that leads outside the source folder.
    private func isInside(_ url: URL) -> Bool {
        let real = url.resolvingSymlinksInPath().path
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }
}
