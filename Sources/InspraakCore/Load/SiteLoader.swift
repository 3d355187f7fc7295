import Foundation

/// What the load stage hands on: settings, theme, and every record file read and split.
public struct LoadedSite: Sendable {
    public let root: URL
    public let config: SiteConfig
    public let theme: ThemeFiles
    /// Sorted by path.
    public let documents: [LoadedDocument]
    /// Names of record files that could not be read, so refs to them are not reported twice.
    public let unreadableNames: Set<String>
}

/// Options that change what is loaded.
public struct LoadOptions: Sendable {
    public var baseURL: String?
    /// Take `updated` from git when a record does not set it.
    public var useGitHistory: Bool

    public init(baseURL: String? = nil, useGitHistory: Bool = true) {
        self.baseURL = baseURL
        self.useGitHistory = useGitHistory
    }
}

/// Stage 1: files in, values out. Nothing here knows what a meeting is.
public enum SiteLoader {
    /// Records larger than this are refused: nobody writes 32 MB of minutes.
    static let maximumRecordBytes = 32 * 1024 * 1024

    public static func load(source root: URL, options: LoadOptions) -> (LoadedSite?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let configURL = root.appendingPathComponent("site.toml")
        var config: SiteConfig?
        if let data = FileManager.default.contents(atPath: configURL.path) {
            switch SourceText.decode([UInt8](data)) {
            case .failure(.invalidUTF8(let line, let column)):
                diagnostics.error(SourceLocation(path: "site.toml", line: line, column: column), Message.invalidUTF8(column: column))
            case .success(let text):
                let (parsed, problems) = SiteConfig.parse(text)
                diagnostics.append(contentsOf: problems)
                config = parsed
            }
        } else {
            diagnostics.error(SourceLocation(path: "site.toml"), Message.missingConfig)
        }
        if var adjusted = config, let override = options.baseURL {
            if let problem = SiteConfig.baseURLProblem(override) {
                diagnostics.error(SourceLocation(path: "--base-url"), problem)
                config = nil
            } else if let url = SiteConfig.normalisedBaseURL(override) {
                adjusted.baseURL = url
                config = adjusted
            }
        }
        let (theme, themeProblems) = ThemeLoader.load(name: config?.theme ?? "default", root: root, from: config?.themeLocation ?? SourceLocation(path: "site.toml", line: 1, column: 1))
        diagnostics.append(contentsOf: themeProblems)

        let (sources, scanProblems) = ContentScanner(root: root).scan()
        diagnostics.append(contentsOf: scanProblems)
        let rootPath = root.path
        // git runs while the files are read: it mostly waits for its own process.
        let useGit = options.useGitHistory
        let (history, results) = alongside({ useGit ? GitHistory.lastChanged(in: root, folder: "content") : [:] }) {
            sources.parallelMap { source in read(source, rootPath: rootPath) }
        }
        var documents: [LoadedDocument] = []
        var unreadable = Set<String>()
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(let document):
                documents.append(LoadedDocument(source: document.source, frontMatter: document.frontMatter, fields: document.fields,
                                                lastChanged: history[source.path]))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                unreadable.insert(source.name)
            }
        }
        guard let config, let theme else { return (nil, diagnostics.all) }
        let site = LoadedSite(root: root, config: config, theme: theme, documents: documents, unreadableNames: unreadable)
        return (site, diagnostics.all)
    }

    static func read(_ source: SourceDocument, rootPath: String) -> Result<LoadedDocument, Diagnostic> {
        let whole = SourceLocation(path: source.path, line: 1, column: 1)
        let bytes: [UInt8]
        switch SourceFile.read(rootPath + "/" + source.path, limit: maximumRecordBytes) {
        case .tooLarge: return .failure(.error(whole, Message.tooLarge(megabytes: maximumRecordBytes / 1024 / 1024)))
        case .unreadable(let code): return .failure(.error(whole, Message.unreadable(FileProblem.cause(reading: code))))
        case .bytes(let read): bytes = read
        }
        let text: String
        switch SourceText.decode(bytes) {
        case .failure(.invalidUTF8(let line, let column)):
            return .failure(.error(SourceLocation(path: source.path, line: line, column: column), Message.invalidUTF8(column: column)))
        case .success(let decoded): text = decoded
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: source.path) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let split): frontMatter = split
        }
        switch frontMatter.fields(path: source.path) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let fields):
            return .success(LoadedDocument(source: source, frontMatter: frontMatter, fields: fields, lastChanged: nil))
        }
    }
}
