import Foundation
import InspraakSource

/// A site made of inline files, run through load (without a disk), model and graph.
/// Paths are as under the source folder: `content/meetings/x.md`.
package struct InMemorySite {
    package static let defaultConfig = """
    title = "Participatie in Teststad"
    base_url = "https://example.nl/participatie/"
    """

    package var files: [String: String]
    package var config = InMemorySite.defaultConfig

    package init(_ files: [String: String]) {
        self.files = files
    }

    package func loaded() -> (LoadedSite?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (config, problems) = SiteConfig.parse(self.config)
        diagnostics += problems
        guard let config else { return (nil, diagnostics) }
        var documents: [LoadedDocument] = []
        for path in files.keys.sorted() {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 3, let folder = ContentFolder(rawValue: parts[1]) else { continue }
            let name = parts[2].hasSuffix(".md") ? String(parts[2].dropLast(3)) : parts[2]
            let source = SourceDocument(folder: folder, name: name, path: path)
            switch FrontMatter.split(files[path]!, path: path) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let frontMatter):
                switch frontMatter.fields(path: path) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let fields):
                    documents.append(LoadedDocument(source: source, frontMatter: frontMatter, fields: fields, history: nil))
                }
            }
        }
        let site = LoadedSite(root: URL(fileURLWithPath: "/nonexistent"), config: config, theme: ThemeFiles(name: "default"),
                              documents: documents, unreadableNames: [])
        return (site, diagnostics)
    }

    /// The graph as of `today`, and every diagnostic of the three stages, sorted.
    package func graph(today: String, drafts: Bool = false) -> (SiteGraph?, [Diagnostic]) {
        let (site, loadProblems) = loaded()
        guard let site else { return (nil, loadProblems.sorted()) }
        let (model, modelProblems) = ModelBuilder.build(site, includeDrafts: drafts)
        let (graph, graphProblems) = SiteGraph.build(model, config: site.config, today: Day(iso: today)!)
        return (graph, (loadProblems + modelProblems + graphProblems).sorted())
    }
}

/// The diagnostics as `path:line: severity: message` lines, for readable assertions.
package func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.path):\($0.location.line): \($0.severity.rawValue): \($0.message)" }
}
