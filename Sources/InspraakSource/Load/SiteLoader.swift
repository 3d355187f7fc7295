import Foundation

/// What the load stage hands on: settings, theme, and every record file read and split.
public struct LoadedSite: Sendable {
    /// The site's folder on disk; nil for a site loaded from memory.
    public let root: URL?
    public let config: SiteConfig
    public let theme: ThemeFiles
    /// Sorted by path.
    public let documents: [LoadedDocument]
    /// Names of record files that could not be read, so refs to them are not reported twice.
    public let unreadableNames: Set<String>
    /// Wall-clock seconds git took (it runs alongside reading the files), for `--timings`.
    public var gitSeconds: Double = 0
    /// `[organisation] logo`, read and checked; nil when the site names none.
    public var logo: OrganisationLogo?
    /// What git said, kept so that `serve` asks git once and reloads without it.
    package var gitReading: GitHistory.Reading = .none

    package init(root: URL?, config: SiteConfig, theme: ThemeFiles, documents: [LoadedDocument], unreadableNames: Set<String>) {
        self.root = root
        self.config = config
        self.theme = theme
        self.documents = documents
        self.unreadableNames = unreadableNames
    }
}

/// Options that change what is loaded.
public struct LoadOptions: Sendable {
    public var baseURL: String?
    /// Take `updated` from git when a record does not set it (false: leave git alone entirely).
    public var useGitHistory: Bool
    /// False for `check`: ask git only whether the clone is shallow, without reading the log.
    public var readGitDates = true
    /// Accept a shallow clone (one warning; dates fall back to `date`).
    public var allowShallow = false
    /// What git said at an earlier load of the same site (`serve`): used instead of asking again.
    package var knownGitReading: GitHistory.Reading?
    /// Record files parsed at an earlier load (`serve`): a file whose bytes did not change is
    /// not parsed again.
    package var parsedDocuments: ParsedDocumentCache?

    public init(baseURL: String? = nil, useGitHistory: Bool = true) {
        self.baseURL = baseURL
        self.useGitHistory = useGitHistory
    }
}

/// Stage 1: files in, values out. Nothing here knows what a meeting is.
public enum SiteLoader {
    /// Records larger than this are refused: nobody writes 32 MB of minutes.
    static let maximumRecordBytes = 32 * 1024 * 1024

    /// The site in the folder `root` on disk.
    public static func load(source root: URL, options: LoadOptions) -> (LoadedSite?, [Diagnostic]) {
        load(tree: DiskSourceTree(root: root), options: options)
    }

    /// The site in `tree`: every file is read through it, and git is asked only about a tree on disk.
    public static func load(tree: any SourceTree, options: LoadOptions) -> (LoadedSite?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        var config: SiteConfig?
        switch readText("site.toml", in: tree) {
        case .success(let text):
            let (parsed, problems) = SiteConfig.parse(text)
            diagnostics.append(contentsOf: problems)
            config = parsed
        case .failure(let problem):
            diagnostics.append(problem)
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
        var logo: OrganisationLogo?
        if let organisation = config?.organisation {
            let (read, problem) = OrganisationLogo.load(organisation, tree: tree)
            logo = read
            if let problem { diagnostics.append(problem) }
        }
        let (theme, themeProblems) = ThemeLoader.load(name: config?.theme ?? "default", tree: tree, from: config?.themeLocation ?? SourceLocation(path: "site.toml", line: 1, column: 1))
        diagnostics.append(contentsOf: themeProblems)

        let (sources, scanProblems) = ContentScanner(tree: tree).scan()
        diagnostics.append(contentsOf: scanProblems)
        // git runs while the files are read: it mostly waits for its own process.
        let zone = TimeZone(identifier: config?.timezone ?? "UTC") ?? TimeZone(identifier: "UTC")!
        let (timedReading, results) = alongside({ () -> (GitHistory.Reading, Double) in
            let start = DispatchTime.now().uptimeNanoseconds
            let reading = options.knownGitReading ?? gitReading(tree.diskFolder, options: options, zone: zone)
            return (reading, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }) {
            sources.parallelMap { source in read(source, in: tree, cache: options.parsedDocuments) }
        }
        let (reading, gitSeconds) = timedReading
        var history: [String: FileHistory] = [:]
        switch reading {
        case .none: break
        case .files(let files): history = files
        case .shallow:
            if options.allowShallow {
                diagnostics.warning(SourceLocation(path: "content"), LoadMessage.shallowCloneAllowed)
            } else {
                diagnostics.error(SourceLocation(path: "content"), LoadMessage.shallowClone, hint: LoadMessage.shallowCloneHint)
            }
        }
        var documents: [LoadedDocument] = []
        var unreadable = Set<String>()
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(let document):
                documents.append(LoadedDocument(source: document.source, frontMatter: document.frontMatter, fields: document.fields,
                                                history: history[source.path]))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                unreadable.insert(source.name)
            }
        }
        guard let config, let theme else { return (nil, diagnostics.all) }
        var site = LoadedSite(root: tree.diskFolder, config: config, theme: theme, documents: documents, unreadableNames: unreadable)
        site.gitSeconds = gitSeconds
        site.logo = logo
        site.gitReading = reading
        return (site, diagnostics.all)
    }

    /// `site` with the record files at `paths` read again through `tree` (`serve`, after they
    /// were saved): nil unless each is one of its documents and reads without a problem, or a
    /// file the site never saw (`problems`: what loading it said).
    package static func rereading(_ paths: Set<String>, of site: LoadedSite, problems: [Diagnostic], tree: any SourceTree,
                                  cache: ParsedDocumentCache?) -> (site: LoadedSite, reread: [LoadedDocument])? {
        var documents = site.documents
        var reread: [LoadedDocument] = []
        for path in paths.sorted() {
            guard let index = documents.firstIndex(where: { $0.source.path == path }) else {
                // Gone again before the rebuild (an editor's temporary file, renamed over the
                // record), not in a bundle and not reported: it was never part of the site.
                guard tree.kind(of: path) == .missing, !problems.contains(where: { $0.location.path == path }),
                      !documents.contains(where: { $0.source.bundleFolder.map { path.hasPrefix($0 + "/") } ?? false }) else { return nil }
                continue
            }
            guard case .success(let document) = read(documents[index].source, in: tree, cache: cache) else { return nil }
            documents[index] = LoadedDocument(source: document.source, frontMatter: document.frontMatter, fields: document.fields,
                                              history: documents[index].history)
            reread.append(documents[index])
        }
        var updated = LoadedSite(root: site.root, config: site.config, theme: site.theme, documents: documents, unreadableNames: site.unreadableNames)
        updated.gitSeconds = 0
        updated.logo = site.logo
        updated.gitReading = site.gitReading
        return (updated, reread)
    }

    /// git's side of loading: nothing (`--no-git`), only whether the clone is shallow (`check`),
    /// or every file's history in one pass. A tree only in memory has no history.
    static func gitReading(_ root: URL?, options: LoadOptions, zone: TimeZone) -> GitHistory.Reading {
        guard options.useGitHistory, let root else { return .none }
        guard options.readGitDates else {
            return GitHistory.repository(at: root)?.shallow == true ? .shallow : .none
        }
        return GitHistory.read(in: root, folder: "content", zone: zone)
    }

    static func read(_ source: SourceDocument, in tree: any SourceTree, cache: ParsedDocumentCache? = nil) -> Result<LoadedDocument, Diagnostic> {
        let bytes: [UInt8]
        switch readBytes(source.path, in: tree) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let read): bytes = read
        }
        if let cached = cache?.result(for: source, bytes: bytes) { return cached }
        let result = parse(bytes, source: source)
        cache?.store(result, for: source, bytes: bytes)
        return result
    }

    /// A record file's bytes decoded, split and read into fields.
    private static func parse(_ bytes: [UInt8], source: SourceDocument) -> Result<LoadedDocument, Diagnostic> {
        let text: String
        switch decode(bytes, path: source.path) {
        case .failure(let diagnostic): return .failure(diagnostic)
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
            return .success(LoadedDocument(source: source, frontMatter: frontMatter, fields: fields, history: nil))
        }
    }

    /// A source file's text (site.toml, a record), or why it cannot be had. Pipes and devices
    /// are refused without being opened.
    static func readText(_ path: String, in tree: any SourceTree) -> Result<String, Diagnostic> {
        readBytes(path, in: tree).flatMap { decode($0, path: path) }
    }

    private static func readBytes(_ path: String, in tree: any SourceTree) -> Result<[UInt8], Diagnostic> {
        let whole = SourceLocation(path: path, line: 1, column: 1)
        switch tree.read(path, limit: maximumRecordBytes) {
        case .tooLarge: return .failure(.error(whole, LoadMessage.tooLarge(megabytes: maximumRecordBytes / 1024 / 1024)))
        case .missing where path == "site.toml": return .failure(.error(SourceLocation(path: path), LoadMessage.missingConfig))
        case .missing: return .failure(.error(whole, LoadMessage.brokenLink))
        case .notRegular(let kind): return .failure(.error(whole, LoadMessage.notRegularFile(kind.description)))
        case .unreadable(let cause): return .failure(.error(whole, LoadMessage.unreadable(cause)))
        case .bytes(let read): return .success(read)
        }
    }

    private static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        switch SourceText.decode(bytes) {
        case .failure(.invalidUTF8(let line, let column)):
            return .failure(.error(SourceLocation(path: path, line: line, column: column), LoadMessage.invalidUTF8(column: column)))
        case .success(let decoded): return .success(decoded)
        }
    }
}
