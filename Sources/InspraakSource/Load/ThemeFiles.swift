import Foundation

/// A theme's files after `extends` is followed: templates, assets and UI strings, the site's own
/// overriding its parent's one file (or one string) at a time.
public struct ThemeFiles: Sendable {
    public struct File: Sendable {
        /// Where it came from, for messages: `themes/mine/templates/record.mustache` or
        /// `(built-in default theme)/templates/record.mustache`.
        public let path: String
        public let bytes: [UInt8]

        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    public let name: String
    /// By template name (file name without `.mustache`, sub-folders with `/`).
    public internal(set) var templates: [String: File] = [:]
    /// By path under `assets/`.
    public internal(set) var assets: [String: File] = [:]
    /// UI strings per language, parsed; a child's keys override its parent's.
    public internal(set) var strings: [String: [String: String]] = [:]

    package init(name: String) {
        self.name = name
    }
}

/// Finds a theme on disk (`themes/<name>/`) or built in, and follows `extends`.
enum ThemeLoader {
    static let builtInPrefix = "(built-in default theme)"

    static func load(name: String, root: URL, from setting: SourceLocation = SourceLocation(path: "site.toml", line: 1, column: 1)) -> (ThemeFiles?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var chain: [(name: String, files: [String: ThemeFiles.File], prefix: String)] = []
        var next: String? = name
        var from = setting
        while let current = next {
            if chain.contains(where: { $0.name == current }) {
                diagnostics.error(from, "the themes extend each other in a circle (\((chain.map(\.name) + [current]).joined(separator: " → ")))")
                return (nil, diagnostics.all)
            }
            let folder = root.appendingPathComponent("themes").appendingPathComponent(current)
            var files: [String: ThemeFiles.File] = [:]
            let prefix: String
            if FileManager.default.fileExists(atPath: folder.path) {
                prefix = "themes/\(current)"
                collect(folder, relative: "", prefix: prefix, into: &files, diagnostics: &diagnostics)
            } else if current == "default" {
                prefix = builtInPrefix
                for (path, bytes) in EmbeddedDefaultTheme.files {
                    files[path] = ThemeFiles.File(path: "\(prefix)/\(path)", bytes: bytes)
                }
            } else {
                let known = installedThemes(root) + ["default"]
                diagnostics.error(from, "the theme `\(current)` does not exist: there is no folder themes/\(current)/",
                                  hint: EditDistance.closest(to: current, in: known).map(Message.didYouMean))
                return (nil, diagnostics.all)
            }
            chain.append((current, files, prefix))
            next = nil
            if let manifest = files["theme.toml"] {
                let (parent, problems) = parent(of: manifest)
                diagnostics.append(contentsOf: problems)
                next = parent
                from = SourceLocation(path: manifest.path, line: 1, column: 1)
            }
        }
        var theme = ThemeFiles(name: name)
        // Parents first, so each child overrides what it redefines.
        for link in chain.reversed() {
            for path in link.files.keys.sorted() {
                let file = link.files[path]!
                if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                    let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                    theme.templates[templateName] = file
                } else if path.hasPrefix("assets/") {
                    theme.assets[String(path.dropFirst("assets/".count))] = file
                } else if path.hasPrefix("i18n/"), path.hasSuffix(".toml") {
                    let language = String(path.dropFirst("i18n/".count).dropLast(".toml".count))
                    let (strings, problems) = parseStrings(file)
                    diagnostics.append(contentsOf: problems)
                    theme.strings[language, default: [:]].merge(strings) { _, child in child }
                }
            }
        }
        return (diagnostics.hasErrors ? nil : theme, diagnostics.all)
    }

    private static func parent(of manifest: ThemeFiles.File) -> (String?, [Diagnostic]) {
        switch TOMLFields.parse(manifest.text, path: manifest.path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let table):
            var problems: [Diagnostic] = []
            for entry in table.entries where !["extends", "name", "description"].contains(entry.key) {
                problems.append(.error(entry.keyLocation, "unknown setting `\(entry.key)` in theme.toml (known: extends, name, description)"))
            }
            guard let entry = table.entry("extends") else { return (nil, problems) }
            guard case .string(let parent) = entry.field.value else {
                problems.append(.error(entry.keyLocation, "`extends` should be the name of a theme, between quotes"))
                return (nil, problems)
            }
            return (parent, problems)
        }
    }

    /// `[section] key = "text"` becomes `section.key`; top-level keys stay as they are.
    private static func parseStrings(_ file: ThemeFiles.File) -> ([String: String], [Diagnostic]) {
        switch TOMLFields.parse(file.text, path: file.path, firstLine: 1) {
        case .failure(let diagnostic): return ([:], [diagnostic])
        case .success(let table):
            var strings: [String: String] = [:]
            var problems: [Diagnostic] = []
            func walk(_ table: FieldTable, prefix: String) {
                for entry in table.entries {
                    let key = prefix + entry.key
                    switch entry.field.value {
                    case .string(let text): strings[key] = text
                    case .table(let nested): walk(nested, prefix: key + ".")
                    default: problems.append(.error(entry.keyLocation, "the UI string `\(key)` should be text between quotes"))
                    }
                }
            }
            walk(table, prefix: "")
            return (strings, problems)
        }
    }

    /// Every file of a theme folder; hidden files are left out (editors' and git's), pipes and
    /// devices are refused without being opened.
    private static func collect(_ folder: URL, relative: String, prefix: String, into files: inout [String: ThemeFiles.File], diagnostics: inout Diagnostics) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            let location = SourceLocation(path: "\(prefix)/\(path)", line: 1, column: 1)
            if FileKind.of(url.path) == .directory {
                collect(url, relative: path, prefix: prefix, into: &files, diagnostics: &diagnostics)
                continue
            }
            // Assets may be large (fonts, images): no limit beyond the old FileManager read's.
            switch SourceFile.read(url.path, limit: .max) {
            case .bytes(let bytes): files[path] = ThemeFiles.File(path: location.path, bytes: bytes)
            case .tooLarge: break
            case .missing: diagnostics.error(location, Message.brokenLink)
            case .notRegular(let kind): diagnostics.error(location, Message.notRegularFile(kind.description))
            case .unreadable(let cause): diagnostics.error(location, Message.unreadable(cause))
            }
        }
    }

    private static func installedThemes(_ root: URL) -> [String] {
        let folder = root.appendingPathComponent("themes")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
