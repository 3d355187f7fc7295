import Foundation

extension SiteConfig {
    /// Bounds of the number settings: wide enough for any real site, narrow enough that no date
    /// or page count made from them overflows.
    static let dayRange = 1...3_650
    static let feedsLimitRange = 1...10_000
    static let paginationRange = 1...1_000

    /// The keys site.toml may hold, per table ("" is the top level). `formats` takes any key.
    static let knownKeys: [String: [String]] = [
        "": ["title", "description", "base_url", "language", "timezone", "theme",
             "advice", "feedback", "feeds", "formats", "pagination", "markdown", "history", "data", "woo"],
        "advice": ["addressed_to", "response_days"],
        "feedback": ["expected_days"],
        "feeds": ["limit"],
        "pagination": ["size"],
        "markdown": ["unsafe_html"],
        "history": ["show"],
        "data": ["license"],
        "woo": ["publisher"],
    ]

    /// Reads site.toml's text; every problem is reported, not just the first.
    public static func parse(_ text: String, path: String = "site.toml") -> (SiteConfig?, [Diagnostic]) {
        let table: FieldTable
        switch TOMLFields.parse(text, path: path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): table = parsed
        }
        var reader = ConfigReader(path: path)
        reader.checkKeys(table, prefix: "")
        let title = reader.string(table, "title")
        let baseURL = reader.string(table, "base_url")
        if table.entry("title") == nil { reader.missing("title") }
        var normalised: String?
        if let baseURL {
            if let problem = baseURLProblem(baseURL) {
                reader.diagnostics.error(table.entry("base_url")!.keyLocation, problem)
            } else {
                normalised = normalisedBaseURL(baseURL)
            }
        } else {
            reader.missing("base_url")
        }
        var config = SiteConfig(title: title ?? "", baseURL: normalised ?? "https://example.invalid/")
        if let value = reader.string(table, "description") { config.description = value }
        if let value = reader.string(table, "language") {
            if ["nl", "en"].contains(value) { config.language = value } else {
                reader.diagnostics.error(table.entry("language")!.keyLocation, Message.unknownLanguage(value))
            }
        }
        if let value = reader.string(table, "timezone") {
            if TimeZone(identifier: value) != nil { config.timezone = value } else {
                reader.diagnostics.error(table.entry("timezone")!.keyLocation, Message.unknownTimeZone(value))
            }
        }
        if let value = reader.string(table, "theme") {
            config.theme = value
            config.themeLocation = table.entry("theme")!.keyLocation
        }
        if let advice = reader.table(table, "advice") {
            reader.checkKeys(advice, prefix: "advice")
            if let value = reader.string(advice, "addressed_to", prefix: "advice") { config.adviceAddressedTo = value }
            if let value = reader.integer(advice, "response_days", prefix: "advice", in: SiteConfig.dayRange) { config.adviceResponseDays = value }
        }
        if let feedback = reader.table(table, "feedback") {
            reader.checkKeys(feedback, prefix: "feedback")
            if let value = reader.integer(feedback, "expected_days", prefix: "feedback", in: SiteConfig.dayRange) { config.feedbackExpectedDays = value }
        }
        if let feeds = reader.table(table, "feeds") {
            reader.checkKeys(feeds, prefix: "feeds")
            if let value = reader.integer(feeds, "limit", prefix: "feeds", in: SiteConfig.feedsLimitRange) { config.feedsLimit = value }
        }
        if let pagination = reader.table(table, "pagination") {
            reader.checkKeys(pagination, prefix: "pagination")
            if let value = reader.integer(pagination, "size", prefix: "pagination", in: SiteConfig.paginationRange) { config.paginationSize = value }
        }
        if let markdown = reader.table(table, "markdown") {
            reader.checkKeys(markdown, prefix: "markdown")
            if let value = reader.bool(markdown, "unsafe_html", prefix: "markdown") { config.unsafeHTML = value }
        }
        if let history = reader.table(table, "history") {
            reader.checkKeys(history, prefix: "history")
            if let value = reader.bool(history, "show", prefix: "history") { config.showHistory = value }
        }
        if let data = reader.table(table, "data") {
            reader.checkKeys(data, prefix: "data")
            if let value = reader.string(data, "license", prefix: "data") {
                if OpenDataLicence.accepted[value] != nil { config.dataLicense = value } else {
                    let hint = EditDistance.closest(to: value, in: OpenDataLicence.accepted.keys.sorted()).map(Message.didYouMean)
                    reader.diagnostics.error(data.entry("license")!.keyLocation, Message.unknownDataLicence(value), hint: hint)
                }
            }
        }
        if let woo = reader.table(table, "woo") {
            reader.checkKeys(woo, prefix: "woo")
            if let value = reader.string(woo, "publisher", prefix: "woo") {
                if WooPublisher.isMunicipalityURI(value) { config.wooPublisher = value } else {
                    reader.diagnostics.error(woo.entry("publisher")!.keyLocation, Message.invalidWooPublisher(value))
                }
            } else if woo.entry("publisher") == nil {
                reader.diagnostics.error(table.entry("woo")!.keyLocation, Message.missingWooPublisher)
            }
        }
        if let formats = reader.table(table, "formats") {
            for entry in formats.entries {
                if let label = reader.string(formats, entry.key, prefix: "formats") { config.formats[entry.key] = label }
            }
        }
        let ok = !reader.diagnostics.hasErrors
        return (ok ? config : nil, reader.diagnostics.all)
    }
}

/// Reads typed settings and says, for each wrong one, which key and what it should be.
private struct ConfigReader {
    let path: String
    var diagnostics = Diagnostics()

    mutating func missing(_ key: String) {
        diagnostics.error(SourceLocation(path: path, line: 1, column: 1), Message.missingConfigKey(key))
    }

    mutating func checkKeys(_ table: FieldTable, prefix: String) {
        let known = SiteConfig.knownKeys[prefix] ?? []
        for entry in table.entries where !known.contains(entry.key) {
            let name = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
            let hint = EditDistance.closest(to: entry.key, in: known).map(Message.didYouMean)
            diagnostics.error(entry.keyLocation, Message.unknownConfigKey(name), hint: hint)
        }
    }

    private mutating func wrongType(_ entry: FieldTable.Entry, prefix: String, expected: String) {
        let name = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
        diagnostics.error(entry.keyLocation, Message.configWrongType(name, expected: expected, found: entry.field.kindDescription))
    }

    mutating func string(_ table: FieldTable, _ key: String, prefix: String = "") -> String? {
        guard let entry = table.entry(key) else { return nil }
        guard case .string(let text) = entry.field.value else {
            wrongType(entry, prefix: prefix, expected: "text between quotes")
            return nil
        }
        return text
    }

    /// A whole number within `range`, so nothing counted from it can overflow.
    mutating func integer(_ table: FieldTable, _ key: String, prefix: String, in range: ClosedRange<Int>) -> Int? {
        guard let entry = table.entry(key) else { return nil }
        guard case .integer(let number) = entry.field.value else {
            wrongType(entry, prefix: prefix, expected: "a whole number")
            return nil
        }
        guard range.contains(number) else {
            diagnostics.error(entry.keyLocation, Message.configOutOfRange("\(prefix).\(key)", number, range))
            return nil
        }
        return number
    }

    mutating func bool(_ table: FieldTable, _ key: String, prefix: String) -> Bool? {
        guard let entry = table.entry(key) else { return nil }
        guard case .boolean(let flag) = entry.field.value else {
            wrongType(entry, prefix: prefix, expected: "true or false")
            return nil
        }
        return flag
    }

    mutating func table(_ table: FieldTable, _ key: String) -> FieldTable? {
        guard let entry = table.entry(key) else { return nil }
        guard case .table(let nested) = entry.field.value else {
            wrongType(entry, prefix: "", expected: "a table ([\(key)])")
            return nil
        }
        return nested
    }
}
