/// What the load stage says about site.toml and a theme's own files.
extension LoadMessage {
    // MARK: Config
    static func unknownConfigKey(_ key: String) -> String { "unknown setting `\(key)` in site.toml" }
    static func configWrongType(_ key: String, expected: String, found: String) -> String {
        "the setting `\(key)` should be \(expected), not \(found)"
    }
    static func missingConfigKey(_ key: String) -> String { "site.toml must set `\(key)`" }
    static let missingConfig = "there is no `site.toml` in the source folder"
    static func invalidBaseURL(_ url: String) -> String {
        "`base_url` must be an absolute http or https address, like https://participatie.voorbeeldstad.nl/ (found \"\(url)\")"
    }
    static func baseURLExtraParts(_ url: String) -> String {
        "`base_url` must be the plain address of the site, without a user name, password, `?…` or `#…`, like https://participatie.voorbeeldstad.nl/ (found \"\(url)\")"
    }
    static func invisibleCharacter(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "a space"
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": return "a line break"
        case "\t": return "a tab"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "an invisible character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
        }
    }
    static func baseURLHasInvisible(_ what: String, at position: Int) -> String {
        "`base_url` holds \(what) (character \(position)); write the address on one line without spaces, like https://participatie.voorbeeldstad.nl/"
    }
    static func unknownLanguage(_ language: String) -> String {
        "`language` must be \"nl\" or \"en\" (found \"\(language)\")"
    }
    static func unknownTimeZone(_ zone: String) -> String {
        "`timezone` \"\(zone)\" is not a known time zone; use a name like \"Europe/Amsterdam\""
    }
    static func configOutOfRange(_ key: String, _ number: Int, _ range: ClosedRange<Int>) -> String {
        "the setting `\(key)` must be a whole number from \(Message.number(range.lowerBound)) to \(Message.number(range.upperBound)), not \(Message.number(number))"
    }
    static func unknownDataLicence(_ id: String) -> String {
        "`[data] license` \"\(id)\" is not one of the open licences inspraak describes for data.overheid.nl (DCAT-AP-NL); use one of \(OpenDataLicence.accepted.keys.sorted().joined(separator: ", ")) (SPDX ids)"
    }
    static func invalidWooPublisher(_ uri: String) -> String {
        "`[woo] publisher` must be the municipality's TOOI address, like https://identifier.overheid.nl/tooi/id/gemeente/gm0363 (found \"\(uri)\")"
    }
    static let missingWooPublisher = "`[woo]` needs `publisher`, the municipality's TOOI address, like publisher = \"https://identifier.overheid.nl/tooi/id/gemeente/gm0363\""
    static func logoNotAnImage(_ path: String) -> String {
        "`[organisation] logo` must be an SVG or PNG file, ending in .svg or .png (found \"\(path)\")"
    }
    static func logoMissing(_ path: String) -> String {
        "`[organisation] logo` names \"\(path)\", but there is no such file in the site folder: check the path (it starts from the folder that holds site.toml)"
    }
    static func logoContentMismatch(_ path: String, expected: String) -> String {
        "`[organisation] logo` \"\(path)\" is named as a \(expected) image, but the file holds no \(expected) image: save the logo as \(expected) (or SVG), or give the file the ending of its real type"
    }
    static func logoOutsideSite(_ path: String) -> String {
        "`[organisation] logo` must be a path inside the site folder, like \"images/logo.svg\" (found \"\(path)\")"
    }
    static func logoTooLarge(_ path: String, megabytes: Int) -> String {
        "`[organisation] logo` \"\(path)\" is larger than \(megabytes) MB: a logo should be a small SVG or PNG file"
    }
    static func invalidContact(_ text: String) -> String {
        "`[organisation] contact` must be a web address starting with https:// or an e-mail address, like contact = \"info@gemeente.nl\" (found \"\(text)\")"
    }
    static func invalidRespondURL(_ text: String) -> String {
        "`[organisation] respond_url` must be a web address starting with https://, the page where residents can respond (found \"\(text)\")"
    }
    static let expectedText = "text between quotes"
    static let expectedWholeNumber = "a whole number"
    static let expectedTrueOrFalse = "true or false"
    static func expectedTable(_ key: String) -> String { "a table ([\(key)])" }

    // MARK: Themes
    static func themesExtendInCircle(_ names: [String]) -> String {
        "the themes extend each other in a circle (\(names.joined(separator: " → ")))"
    }
    static func noSuchTheme(_ name: String) -> String { "the theme `\(name)` does not exist: there is no folder themes/\(name)/" }
    static func unknownThemeSetting(_ key: String, known: [String]) -> String {
        "unknown setting `\(key)` in theme.toml (known: \(known.joined(separator: ", ")))"
    }
    static let extendsNotText = "`extends` should be the name of a theme, between quotes"
    static func uiStringNotText(_ key: String) -> String { "the UI string `\(key)` should be text between quotes" }
}
