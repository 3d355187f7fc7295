import Foundation
import InspraakSource

/// The sub-path the site is served under: the path of base_url (`--base-url`, else site.toml's),
/// so links work as they will in production.
enum BasePath {
    /// Nil when site.toml cannot be read or parsed (the rebuild reports why).
    static func read(source: URL, override: String?) -> String? {
        if let override { return SiteConfig(title: "", baseURL: override).basePath }
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent("site.toml").path) else { return nil }
        let (config, problems) = SiteConfig.parse(String(decoding: data, as: UTF8.self))
        return problems.hasErrors ? nil : config?.basePath
    }
}
