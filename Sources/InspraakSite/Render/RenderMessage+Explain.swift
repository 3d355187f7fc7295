import InspraakSource

/// The sentences `build --explain` prints: the render stage's catalogue, as the map is render's.
extension RenderMessage {
    enum Explain {
        static func heading(_ path: String) -> String { "\(path) is made from:" }
        static func nothing(_ path: String) -> String { "\(path) is always the same text: it is made from nothing a site changes." }
        static func shows(_ count: Int) -> String { "records it shows (\(count)):" }
        static func counts(_ count: Int, of total: Int) -> String {
            "records it only counts, for figures, totals and which come first: \(count) (of the site's \(total))"
        }
        static func places(_ count: Int, of total: Int) -> String {
            "records it only places by kind, date and themes (which list page, feed or calendar year): \(count) (of the site's \(total))"
        }
        static let texts = "records whose whole text it shows:"
        static let themes = "themes:"
        static let places = "places:"
        static let councils = "councils (their files; a council without a file is named by its advice):"
        static let settings = "settings in site.toml:"
        static let topLevel = "the top-level keys (title, description, base_url, language, timezone, theme)"
        static func section(_ name: String) -> String { "[\(name)]" }
        static let templates = "templates (the page's own, then every partial it includes):"
        static func strings(_ source: String) -> String { "UI strings: \(source)" }
        static func stringsSource(language: String, theme: String) -> String { "i18n/\(language).toml of the theme `\(theme)` (or the theme it extends)" }
        static let assets = "theme assets:"
        static let files = "files copied as they are:"
        static let today = "the day: yes, it reads differently on another day (--now)"
        static let notToday = "the day: no, it is the same on any day"
        static func unknown(_ path: String) -> String { "`\(Diagnostic.printable(path))` is not a file this build writes" }
        static let lookAt = "see the files a build writes with `inspraak build`, under the output folder"
    }
}
