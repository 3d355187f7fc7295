import Foundation
import InspraakSource

/// `inspraak init`: a new site that checks and builds at once, with one record of each kind
/// (so the trail is visible from the first build), every setting of site.toml explained, a
/// .gitignore and a CI pipeline.
public struct NewSite: Sendable {
    public enum CI: String, Sendable, CaseIterable {
        case github, gitlab, none
    }

    public var title: String
    public var baseURL: String
    /// `nl` or `en`: the starter records' texts, the comments and the site's UI language.
    public var language: String
    public var ci: CI = .github
    /// A house theme copied from the default one into `themes/<name>/`.
    public var themeName: String?
    /// The starter records are dated shortly before this day.
    public var today: Day
    /// The release the CI recipes download.
    public var version: String

    public init(title: String? = nil, baseURL: String? = nil, language: String = "nl", today: Day, version: String) {
        let nl = language != "en"
        self.title = title ?? (nl ? "Inspraak in onze gemeente" : "Participation in our municipality")
        self.baseURL = baseURL ?? (nl ? "https://participatie.voorbeeldstad.nl/" : "https://participation.example.org/")
        self.language = language
        self.today = today
        self.version = version
    }

    /// Problems with the options, before anything is written.
    public func problems() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let here = SourceLocation(path: "site.toml")
        if RecordID.folded(title).isEmpty { found.append(.error(here, ScaffoldMessage.emptyTitle)) }
        if let problem = SiteConfig.baseURLProblem(baseURL) { found.append(.error(here, problem)) }
        if let problem = SiteConfig.languageProblem(language) { found.append(.error(here, problem)) }
        if let themeName {
            let location = SourceLocation(path: "themes/\(themeName)")
            if themeName == "default" {
                found.append(.error(location, ScaffoldMessage.themeNamedDefault))
            } else if RecordID.folded(themeName) != themeName {
                let folded = RecordID.folded(themeName)
                found.append(.error(location, ScaffoldMessage.themeNameNotSlug(themeName),
                                    hint: Message.didYouMean(themeName, among: [folded].filter { !$0.isEmpty })))
            }
        }
        return found
    }

    /// Every file of the new site, path relative to its folder → bytes, sorted by path.
    public func files() -> [(path: String, bytes: [UInt8])] {
        var files: [String: [UInt8]] = [:]
        func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }
        add("site.toml", NewSiteConfig(site: self).text)
        add(".gitignore", "# The built site; the pipeline builds and publishes it.\npublic/\n")
        for record in StarterRecords(language: language, today: today).all {
            add(record.path, record.text)
        }
        let recipes = CIRecipes(version: version)
        switch ci {
        case .github: add(".github/workflows/inspraak.yml", recipes.github)
        case .gitlab: add(".gitlab-ci.yml", recipes.gitlab)
        case .none: break
        }
        if let themeName {
            for (path, bytes) in EmbeddedDefaultTheme.files where path.hasPrefix("templates/") || path.hasPrefix("assets/") {
                files["themes/\(themeName)/\(path)"] = bytes
            }
            add("themes/\(themeName)/theme.toml", houseThemeManifest(themeName))
        }
        return files.keys.sorted().map { ($0, files[$0]!) }
    }

    private func houseThemeManifest(_ name: String) -> String {
        let nl = language != "en"
        return """
            # \(nl ? "Het huisthema: alleen wat hier staat vervangt het standaardthema." : "The house theme: only what is here replaces the default theme.")
            # \(nl ? "Verwijder de bestanden die u niet verandert; dan gelden die van het standaardthema." : "Delete the files you do not change; the default theme's then apply.")
            name = "\(name)"
            extends = "default"

            """
    }

    /// Writes the site into `folder` (created when missing), which must be empty apart from a
    /// `.git` folder (a freshly cloned repository). Returns the paths written.
    public func write(into folder: URL) -> Result<[String], Diagnostic> {
        let manager = FileManager.default
        let shown = folder.path
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return .failure(.error(SourceLocation(path: shown), ScaffoldMessage.notAFolder)) }
            let entries = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".git" }.sorted()
            if !entries.isEmpty {
                return .failure(.error(SourceLocation(path: shown), ScaffoldMessage.folderNotEmpty(entries)))
            }
        }
        let files = files()
        do {
            for file in files {
                let target = folder.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: target, options: .withoutOverwriting)
            }
        } catch {
            return .failure(.error(SourceLocation(path: shown), ScaffoldMessage.notWritten(error.localizedDescription)))
        }
        return .success(files.map(\.path))
    }
}

/// Text for TOML and YAML double-quoted strings.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
