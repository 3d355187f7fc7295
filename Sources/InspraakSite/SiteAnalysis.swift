import Foundation
import InspraakSource

/// A site read once, resolved as of a day, without rendering: what `inspraak new` needs to
/// write a record that fits (the site's language, its themes, its councils, its open items).
public struct SiteAnalysis: Sendable {
    public let source: URL
    /// site.toml's settings; nil when the site does not load.
    public let config: SiteConfig?
    /// The day the graph is as of: `--now`, or the clock's day in the site's time zone (the
    /// default zone when the site does not load).
    public let today: Day
    /// Nil when the site does not load.
    public let graph: SiteGraph?
    /// The names of the files under content/themes, sorted (drafts and files with errors too).
    public let themeNames: [String]
    public let diagnostics: [Diagnostic]
}

extension SiteBuild {
    /// Load → model → graph once, as `check` does (no git dates unless asked for): the façade
    /// `inspraak new` reads a site through.
    public static func analysis(_ options: BuildOptions) -> SiteAnalysis {
        var clock = StageClock()
        let (site, graph, diagnostics) = analyse(options, clock: &clock)
        let themeFiles = site.map { $0.documents.map(\.source) } ?? ContentScanner(root: options.source).scan().0
        let themeNames = Set(themeFiles.filter { $0.folder == .themes }.map(\.name)).sorted()
        let today = graph?.today ?? options.today.day(in: site?.config.timezone ?? SiteConfig.defaultTimezone)
        return SiteAnalysis(source: options.source, config: site?.config, today: today, graph: graph, themeNames: themeNames,
                            diagnostics: Array(Set(diagnostics)).sorted())
    }
}
