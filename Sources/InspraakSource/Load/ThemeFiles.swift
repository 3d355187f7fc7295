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

/// Finds a theme in the site's folder (`themes/<name>/`) or built in, and follows `extends`.
enum ThemeLoader {
    static let builtInPrefix = "(built-in default theme)"

    static func load(name: String, root: URL) -> (ThemeFiles?, [Diagnostic]) {
        load(name: name, tree: DiskSourceTree(root: root))
    }

    static func load(name: String, tree: any SourceTree, from setting: SourceLocation = SourceLocation(path: "site.toml", line: 1, column: 1)) -> (ThemeFiles?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var chain: [(name: String, files: [String: ThemeFiles.File], prefix: String)] = []
        var next: String? = name
        var from = setting
        while let current = next {
            if chain.contains(where: { $0.name == current }) {
                diagnostics.error(from, LoadMessage.themesExtendInCircle(chain.map(\.name) + [current]))
                return (nil, diagnostics.all)
            }
            let folder = "themes/\(current)"
            var files: [String: ThemeFiles.File] = [:]
            let prefix: String
            if exists(folder, in: tree) {
                prefix = folder
                collect(folder, relative: "", tree: tree, into: &files, diagnostics: &diagnostics)
            } else if current == "default" {
                prefix = builtInPrefix
                for (path, bytes) in EmbeddedDefaultTheme.files {
                    files[path] = ThemeFiles.File(path: "\(prefix)/\(path)", bytes: bytes)
                }
            } else {
                let known = installedThemes(tree) + ["default"]
                diagnostics.error(from, LoadMessage.noSuchTheme(current),
                                  hint: Message.didYouMean(current, among: known))
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

    /// The keys theme.toml may hold; only `extends` is read, the others describe the theme.
    static let manifestKeys = ["extends", "name", "description"]

    private static func parent(of manifest: ThemeFiles.File) -> (String?, [Diagnostic]) {
        switch TOMLFields.parse(manifest.text, path: manifest.path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let table):
            var problems: [Diagnostic] = []
            for entry in table.entries where !manifestKeys.contains(entry.key) {
                problems.append(.error(entry.keyLocation, LoadMessage.unknownThemeSetting(entry.key, known: manifestKeys)))
            }
            guard let entry = table.entry("extends") else { return (nil, problems) }
            guard case .string(let parent) = entry.field.value else {
                problems.append(.error(entry.keyLocation, LoadMessage.extendsNotText))
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
                    default: problems.append(.error(entry.keyLocation, LoadMessage.uiStringNotText(key)))
                    }
                }
            }
            walk(table, prefix: "")
            return (strings, problems)
        }
    }

    /// What FileManager's `fileExists` said: something is there, links followed.
    private static func exists(_ path: String, in tree: any SourceTree) -> Bool {
        switch tree.kind(of: path) {
        case .missing, .unknown: return false
        default: return true
        }
    }

    /// Every file of a theme folder; hidden files are left out (editors' and git's), pipes and
    /// devices are refused without being opened. A folder that cannot be listed gives no files.
    private static func collect(_ folder: String, relative: String, tree: any SourceTree, into files: inout [String: ThemeFiles.File], diagnostics: inout Diagnostics) {
        guard case .entries(let entries) = tree.list(relative.isEmpty ? folder : "\(folder)/\(relative)") else { return }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = relative.isEmpty ? entry.name : "\(relative)/\(entry.name)"
            let location = SourceLocation(path: "\(folder)/\(path)", line: 1, column: 1)
            if entry.kind == .directory {
                collect(folder, relative: path, tree: tree, into: &files, diagnostics: &diagnostics)
                continue
            }
            // Assets may be large (fonts, images): no limit beyond the old FileManager read's.
            switch tree.read(location.path, limit: .max) {
            case .bytes(let bytes): files[path] = ThemeFiles.File(path: location.path, bytes: bytes)
            case .tooLarge: break
            case .missing: diagnostics.error(location, LoadMessage.brokenLink)
            case .notRegular(let kind): diagnostics.error(location, LoadMessage.notRegularFile(kind.description))
            case .unreadable(let cause): diagnostics.error(location, LoadMessage.unreadable(cause))
            }
        }
    }

    private static func installedThemes(_ tree: any SourceTree) -> [String] {
        guard case .entries(let entries) = tree.list("themes") else { return [] }
        return entries.map(\.name).sorted()
    }
}
