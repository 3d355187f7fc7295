import Foundation
import InspraakSource

/// A site made of inline files, run through the real load stage (from an `InMemorySourceTree`),
/// model and graph. Paths are as under the source folder: `content/meetings/x.md`.
package struct InMemorySite {
    package static let defaultConfig = """
    title = "Participatie in Teststad"
    base_url = "https://example.nl/participatie/"
    """

    package var files: [String: String]
    /// site.toml's text.
    package var config = InMemorySite.defaultConfig

    package init(_ files: [String: String]) {
        self.files = files
    }

    /// The whole site as a tree: the files, site.toml, and a `content/` folder even when empty.
    package var tree: InMemorySourceTree {
        InMemorySourceTree(texts: files.merging(["site.toml": config, "content/": ""]) { file, _ in file })
    }

    package func loaded() -> (LoadedSite?, [Diagnostic]) {
        SiteLoader.load(tree: tree, options: LoadOptions(useGitHistory: false))
    }

    /// The settings, as read from `config` (nil when they do not read).
    package var siteConfig: SiteConfig? { SiteConfig.parse(config).0 }

    /// The graph as of `today`, and every diagnostic of the three stages, sorted.
    package func graph(today: String, drafts: Bool = false) -> (SiteGraph?, [Diagnostic]) {
        let (site, loadProblems) = loaded()
        guard let site else { return (nil, loadProblems.sorted()) }
        let (model, modelProblems) = ModelBuilder.build(site, includeDrafts: drafts)
        let (graph, graphProblems) = SiteGraph.build(model, settings: GraphSettings(site.config), today: Day(iso: today)!)
        return (graph, (loadProblems + modelProblems + graphProblems).sorted())
    }
}

/// The diagnostics as `path:line: severity: message` lines, for readable assertions.
package func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.path):\($0.location.line): \($0.severity.rawValue): \($0.message)" }
}
