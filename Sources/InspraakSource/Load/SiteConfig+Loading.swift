import Foundation

extension SiteConfig {
    /// Bounds of the number settings: wide enough for any real site, narrow enough that no date
    /// or page count made from them overflows.
    static let dayRange = 1...3_650
    static let feedsLimitRange = 1...10_000
    static let paginationRange = 1...1_000

    /// Every setting site.toml may hold, each declared once with how it is read: the reader and
    /// the unknown-key check (and `inspraak init`'s test that it explains every key) all use
    /// this list. The top level is the section named "".
    static let sections: [ConfigSection] = [
        ConfigSection("", [
            ConfigKey("title") { reader, config in
                if let value = reader.string() { config.title = value } else if reader.isMissing { reader.missing() }
            },
            ConfigKey("description") { reader, config in
                if let value = reader.string() { config.description = value }
            },
            ConfigKey("base_url") { reader, config in
                guard let value = reader.string() else {
                    if reader.isMissing { reader.missing() }
                    return
                }
                if let problem = baseURLProblem(value) { reader.error(problem) } else if let normalised = normalisedBaseURL(value) { config.baseURL = normalised }
            },
            ConfigKey("language") { reader, config in
                guard let value = reader.string() else { return }
                if let problem = languageProblem(value) { reader.error(problem) } else { config.language = value }
            },
            ConfigKey("timezone") { reader, config in
                guard let value = reader.string() else { return }
                if TimeZone(identifier: value) != nil { config.timezone = value } else { reader.error(LoadMessage.unknownTimeZone(value)) }
            },
            ConfigKey("theme") { reader, config in
                guard let value = reader.string() else { return }
                config.theme = value
                config.themeLocation = reader.location
            },
        ]),
        ConfigSection("advice", [
            ConfigKey("addressed_to") { reader, config in
                if let value = reader.string() { config.adviceAddressedTo = value }
            },
            ConfigKey("response_days") { reader, config in
                if let value = reader.integer(in: dayRange) { config.adviceResponseDays = value }
            },
        ]),
        ConfigSection("feedback", [
            ConfigKey("expected_days") { reader, config in
                if let value = reader.integer(in: dayRange) { config.feedbackExpectedDays = value }
            },
        ]),
        ConfigSection("feeds", [
            ConfigKey("limit") { reader, config in
                if let value = reader.integer(in: feedsLimitRange) { config.feedsLimit = value }
            },
        ]),
        // Any key: a meeting format and its label.
        ConfigSection("formats", [], anyKey: { reader, config in
            if let label = reader.string() { config.formats[reader.key] = label }
        }),
        ConfigSection("pagination", [
            ConfigKey("size") { reader, config in
                if let value = reader.integer(in: paginationRange) { config.paginationSize = value }
            },
        ]),
        ConfigSection("markdown", [
            ConfigKey("unsafe_html") { reader, config in
                if let value = reader.bool() { config.unsafeHTML = value }
            },
        ]),
        ConfigSection("search", [
            ConfigKey("enabled") { reader, config in
                if let value = reader.bool() { config.searchEnabled = value }
            },
        ]),
        ConfigSection("history", [
            ConfigKey("show") { reader, config in
                if let value = reader.bool() { config.showHistory = value }
            },
        ]),
        ConfigSection("data", [
            ConfigKey("license") { reader, config in
                guard let value = reader.string() else { return }
                if OpenDataLicence.accepted[value] != nil { config.dataLicense = value } else {
                    reader.error(LoadMessage.unknownDataLicence(value), hint: Message.didYouMean(value, among: OpenDataLicence.accepted.keys.sorted()))
                }
            },
        ]),
        ConfigSection("woo", [
            ConfigKey("publisher") { reader, config in
                if let value = reader.string() {
                    if WooPublisher.isMunicipalityURI(value) { config.wooPublisher = value } else { reader.error(LoadMessage.invalidWooPublisher(value)) }
                } else if reader.isMissing {
                    reader.error(LoadMessage.missingWooPublisher, at: reader.sectionLocation)
                }
            },
        ]),
        ConfigSection("organisation", [
            ConfigKey("name") { reader, config in
                if let value = reader.string() { config.organisation.name = value }
            },
            // The file itself is checked by the loader, which reads it.
            ConfigKey("logo") { reader, config in
                guard let value = reader.string() else { return }
                if LogoImage.kind(ofName: value) == nil {
                    reader.error(LoadMessage.logoNotAnImage(value))
                } else {
                    config.organisation.logo = value
                    config.organisation.logoLocation = reader.location
                }
            },
            ConfigKey("contact") { reader, config in
                guard let value = reader.string() else { return }
                if let link = Organisation.contactLink(value) {
                    config.organisation.contactHref = link.href
                    config.organisation.contactText = link.text
                } else {
                    reader.error(LoadMessage.invalidContact(value))
                }
            },
            ConfigKey("respond_url") { reader, config in
                guard let value = reader.string() else { return }
                if let url = normalisedWebAddress(value) { config.organisation.respondURL = url } else { reader.error(LoadMessage.invalidRespondURL(value)) }
            },
        ]),
    ]

    /// The keys site.toml may hold, per section ("" is the top level, which also names the
    /// sections); `formats` takes any key. Made from `sections`.
    static var knownKeys: [String: [String]] {
        var keys: [String: [String]] = [:]
        for section in sections {
            keys[section.name] = section.keys.map(\.name)
            if !section.name.isEmpty { keys["", default: []].append(section.name) }
        }
        return keys
    }

    /// Reads site.toml's text; every problem is reported, not just the first.
    public static func parse(_ text: String, path: String = "site.toml") -> (SiteConfig?, [Diagnostic]) {
        let table: FieldTable
        switch TOMLFields.parse(text, path: path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let parsed): table = parsed
        }
        var reader = ConfigReader(path: path)
        var config = SiteConfig(title: "", baseURL: "https://example.invalid/")
        let topLevel = knownKeys[""] ?? []
        reader.checkKeys(table, known: topLevel, prefix: "")
        for section in sections {
            let sectionTable: FieldTable
            if section.name.isEmpty {
                sectionTable = table
            } else {
                guard let nested = reader.table(table, section.name) else { continue }
                sectionTable = nested
                reader.sectionLocation = table.entry(section.name)!.keyLocation
                if section.anyKey == nil { reader.checkKeys(nested, known: section.keys.map(\.name), prefix: section.name) }
            }
            for key in section.keys {
                reader.focus(sectionTable, key.name, prefix: section.name)
                key.read(&reader, &config)
            }
            if let anyKey = section.anyKey {
                for entry in sectionTable.entries {
                    reader.focus(sectionTable, entry.key, prefix: section.name)
                    anyKey(&reader, &config)
                }
            }
        }
        let ok = !reader.diagnostics.hasErrors
        return (ok ? config : nil, reader.diagnostics.all)
    }
}

/// One section of site.toml (a TOML table, or the top level) and the keys it may hold.
struct ConfigSection: Sendable {
    let name: String
    let keys: [ConfigKey]
    /// For a section of names the site chooses (`[formats]`): how each is read.
    let anyKey: (@Sendable (inout ConfigReader, inout SiteConfig) -> Void)?

    init(_ name: String, _ keys: [ConfigKey], anyKey: (@Sendable (inout ConfigReader, inout SiteConfig) -> Void)? = nil) {
        self.name = name
        self.keys = keys
        self.anyKey = anyKey
    }
}

/// One setting: its key, and how it is read into the config (the reader is focused on it).
struct ConfigKey: Sendable {
    let name: String
    let read: @Sendable (inout ConfigReader, inout SiteConfig) -> Void

    init(_ name: String, read: @escaping @Sendable (inout ConfigReader, inout SiteConfig) -> Void) {
        self.name = name
        self.read = read
    }
}

/// Reads typed settings and says, for each wrong one, which key and what it should be. It is
/// focused on one key at a time, so a setting's reader names its key once, in its declaration.
struct ConfigReader {
    let path: String
    var diagnostics = Diagnostics()
    /// Where the current section's name stands (`[woo]`), for a key the section lacks.
    var sectionLocation: SourceLocation
    private var table = FieldTable(entries: [], location: SourceLocation(path: ""))
    private(set) var key = ""
    private var prefix = ""

    init(path: String) {
        self.path = path
        sectionLocation = SourceLocation(path: path, line: 1, column: 1)
    }

    mutating func focus(_ table: FieldTable, _ key: String, prefix: String) {
        self.table = table
        self.key = key
        self.prefix = prefix
    }

    private var entry: FieldTable.Entry? { table.entry(key) }
    private var name: String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    /// Whether the focused key is absent (as opposed to present with a wrong value).
    var isMissing: Bool { entry == nil }

    /// Where the focused key is written.
    var location: SourceLocation { entry?.keyLocation ?? SourceLocation(path: path, line: 1, column: 1) }

    mutating func error(_ message: String, hint: String? = nil, at place: SourceLocation? = nil) {
        diagnostics.error(place ?? location, message, hint: hint)
    }

    mutating func missing() {
        diagnostics.error(SourceLocation(path: path, line: 1, column: 1), LoadMessage.missingConfigKey(name))
    }

    mutating func checkKeys(_ table: FieldTable, known: [String], prefix: String) {
        for entry in table.entries where !known.contains(entry.key) {
            let name = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
            diagnostics.error(entry.keyLocation, LoadMessage.unknownConfigKey(name), hint: Message.didYouMean(entry.key, among: known))
        }
    }

    private mutating func wrongType(_ entry: FieldTable.Entry, name: String, expected: String) {
        diagnostics.error(entry.keyLocation, LoadMessage.configWrongType(name, expected: expected, found: entry.field.kindDescription))
    }

    mutating func string() -> String? {
        guard let entry else { return nil }
        guard case .string(let text) = entry.field.value else {
            wrongType(entry, name: name, expected: LoadMessage.expectedText)
            return nil
        }
        return text
    }

    /// A whole number within `range`, so nothing counted from it can overflow.
    mutating func integer(in range: ClosedRange<Int>) -> Int? {
        guard let entry else { return nil }
        guard case .integer(let number) = entry.field.value else {
            wrongType(entry, name: name, expected: LoadMessage.expectedWholeNumber)
            return nil
        }
        guard range.contains(number) else {
            diagnostics.error(entry.keyLocation, LoadMessage.configOutOfRange(name, number, range))
            return nil
        }
        return number
    }

    mutating func bool() -> Bool? {
        guard let entry else { return nil }
        guard case .boolean(let flag) = entry.field.value else {
            wrongType(entry, name: name, expected: LoadMessage.expectedTrueOrFalse)
            return nil
        }
        return flag
    }

    mutating func table(_ table: FieldTable, _ key: String) -> FieldTable? {
        guard let entry = table.entry(key) else { return nil }
        guard case .table(let nested) = entry.field.value else {
            wrongType(entry, name: key, expected: LoadMessage.expectedTable(key))
            return nil
        }
        return nested
    }
}
