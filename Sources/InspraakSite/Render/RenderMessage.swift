/// What the render stage says about a theme, and what it notes for the person building.
enum RenderMessage {
    static func templateUnreadable(_ problem: String) -> String { "this template cannot be read: \(problem)" }
    static func missingPartial(_ name: String, theme: String) -> String {
        "this template includes `\(name)`, but the theme `\(theme)` has no template `\(name)` (templates/\(name).mustache)"
    }
    static func missingTemplate(_ name: String, theme: String) -> String {
        "the theme `\(theme)` has no template `\(name)`; add it or extend the default theme (extends = \"default\" in theme.toml)"
    }
    static func noStrings(theme: String, language: String) -> String {
        "the theme `\(theme)` has no UI strings for language `\(language)` (i18n/\(language).toml)"
    }
    /// A note, not a problem: printed after the build summary.
    static func robotsNote(basePath: String, robots: String, sitemap: String) -> String {
        "note: the site is under \(basePath); for the Woo index, \(robots) must carry these lines:\n  Sitemap: \(sitemap)"
    }
}
