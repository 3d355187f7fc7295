import Foundation
@testable import InspraakSite
@testable import InspraakSource

/// Everything a load gives, as lines to compare: the config, the theme's files and strings, and
/// each record with its source, front matter, every field with its line and column, and history;
/// then the diagnostics. Two loads that agree here hand the model the same input.
func describeLoad(_ result: (LoadedSite?, [Diagnostic])) -> [String] {
    var lines = result.1.sorted().map { "diagnostic \($0.description)" }
    guard let site = result.0 else { return lines + ["no site"] }
    lines.append("config \(site.config.title) \(site.config.baseURL) \(site.config.theme) \(site.config.themeLocation)")
    lines.append("theme \(site.theme.name)")
    for (kind, files) in [("template", site.theme.templates), ("asset", site.theme.assets)] {
        for name in files.keys.sorted() {
            lines.append("\(kind) \(name) from \(files[name]!.path): \(files[name]!.bytes.count) bytes, \(files[name]!.bytes.hashValue)")
        }
    }
    for language in site.theme.strings.keys.sorted() {
        let strings = site.theme.strings[language]!
        lines += strings.keys.sorted().map { "string \(language) \($0) = \(strings[$0]!)" }
    }
    for document in site.documents {
        let source = document.source
        lines.append("document \(source.path) \(source.folder) \(source.name) bundle \(source.bundleFolder ?? "-") \(source.bundleFiles)")
        let frontMatter = document.frontMatter
        lines.append("  \(frontMatter.format) from line \(frontMatter.firstLine), body from line \(frontMatter.bodyFirstLine): \(frontMatter.body.hashValue)")
        lines += describe(document.fields, indent: "  ")
        lines.append("  history \(document.history.map { "\($0)" } ?? "none")")
    }
    lines.append("unreadable \(site.unreadableNames.sorted())")
    return lines
}

private func describe(_ table: FieldTable, indent: String) -> [String] {
    table.entries.flatMap { entry in
        ["\(indent)\(entry.key) at \(entry.keyLocation.line):\(entry.keyLocation.column)"] + describe(entry.field, indent: indent + "  ")
    }
}

private func describe(_ field: Field, indent: String) -> [String] {
    let at = "\(field.location.path):\(field.location.line):\(field.location.column)"
    switch field.value {
    case .list(let items): return ["\(indent)list at \(at)"] + items.flatMap { describe($0, indent: indent + "  ") }
    case .table(let table): return ["\(indent)table at \(at)"] + describe(table, indent: indent + "  ")
    default: return ["\(indent)\(field.value) at \(at)"]
    }
}
