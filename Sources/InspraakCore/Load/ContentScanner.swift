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
        for name in listing(content) {
            let url = content.appendingPathComponent(name)
            let relative = "content/\(name)"
            guard isDirectory(url) else {
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
        for name in listing(url) {
            let entry = url.appendingPathComponent(name)
            let path = "\(relative)/\(name)"
            if !isInside(entry) {
                diagnostics.error(SourceLocation(path: path), Message.symlinkOutside)
                continue
            }
            if isDirectory(entry) {
                let index = entry.appendingPathComponent("index.md")
                guard files.fileExists(atPath: index.path) else {
                    diagnostics.error(SourceLocation(path: path), Message.bundleWithoutIndex)
                    continue
                }
                if !isInside(index) {
                    diagnostics.error(SourceLocation(path: "\(path)/index.md"), Message.symlinkOutside)
                    continue
                }
                var bundleFiles: [String] = []
                collectBundleFiles(entry, prefix: "", into: &bundleFiles, bundlePath: path, diagnostics: &diagnostics)
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
        for name in listing(url) {
            let entry = url.appendingPathComponent(name)
            let relative = prefix + name
            if !isInside(entry) {
                diagnostics.error(SourceLocation(path: "\(bundlePath)/\(relative)"), Message.symlinkOutside)
                continue
            }
            if isDirectory(entry) {
                collectBundleFiles(entry, prefix: relative + "/", into: &result, bundlePath: bundlePath, diagnostics: &diagnostics)
            } else {
                result.append(relative)
            }
        }
    }

    /// Visible entries, sorted by their UTF-8 bytes (not by the disk's order or the locale).
    private func listing(_ url: URL) -> [String] {
        let names = (try? files.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
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
