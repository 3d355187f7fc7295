import Foundation

/// The settings in `site.toml`, with the defaults of the SPEC filled in.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var description: String = ""
    /// Absolute, always ending in `/`.
    public var baseURL: String
    public var language: String = "nl"
    public var timezone: String = SiteConfig.defaultTimezone
    public var theme: String = "default"
    /// Where `theme` is set, for "the theme does not exist".
    public var themeLocation = SourceLocation(path: "site.toml", line: 1, column: 1)
    public var adviceAddressedTo: String = "College van burgemeester en wethouders"
    public var adviceResponseDays: Int = 42
    public var feedbackExpectedDays: Int = 90
    public var feedsLimit: Int = 50
    /// Meeting format labels set by the site; the theme's strings fill in the rest.
    public var formats: [String: String] = [:]
    public var paginationSize: Int = 20
    public var unsafeHTML: Bool = false
    /// `[history] show`: a change log from git on each record page (dates and subjects only).
    public var showHistory: Bool = false
    /// `[search] enabled`: the search page, its link in every header and the Pagefind index.
    public var searchEnabled: Bool = true
    /// `[data] license`: an SPDX id from `OpenDataLicence.accepted` (DCAT-AP-NL's licence list).
    public var dataLicense: String = "CC0-1.0"
    /// `[woo] publisher`: a TOOI municipality URI; nil means no DiWoo output.
    public var wooPublisher: String?
    /// `[organisation]`: name, logo, contact and "reageer" link for the header and footer.
    public var organisation = Organisation()

    /// The zone of a site whose site.toml names none (SPEC: site.toml).
    public static let defaultTimezone = "Europe/Amsterdam"

    public init(title: String, baseURL: String) {
        self.title = title
        self.baseURL = baseURL
    }

    /// The path part of `base_url` ("/participatie/"), which every root-relative link starts with.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        let path = url.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// `https://host` without the path, to make absolute URLs from base paths.
    public var origin: String {
        guard let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else { return baseURL }
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }

    /// The languages the UI strings and date formats come in.
    static let languages = ["nl", "en"]

    /// What is wrong with a `language`, nil when it is one inspraak speaks.
    package static func languageProblem(_ language: String) -> String? {
        languages.contains(language) ? nil : LoadMessage.unknownLanguage(language)
    }

    /// What is wrong with a `base_url` (from site.toml or `--base-url`), nil when it is fine.
    public static func baseURLProblem(_ text: String) -> String? {
        // A space or line break would reach robots.txt and the sitemap as it is (URL(string:)
        // quietly encodes it), and a line break there adds lines of its own.
        if let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { Self.isInvisible($0.element) }) {
            return LoadMessage.baseURLHasInvisible(LoadMessage.invisibleCharacter(scalar), at: offset + 1)
        }
        // An absolute address with a user name, `?…` or `#…`: every feed and sitemap entry
        // would carry them (a password would be published on every page).
        if let url = URL(string: text), url.scheme != nil, url.host != nil,
           url.user != nil || url.password != nil || url.query != nil || url.fragment != nil {
            return LoadMessage.baseURLExtraParts(text)
        }
        return normalisedBaseURL(text) == nil ? LoadMessage.invalidBaseURL(text) : nil
    }

    /// White space, control and format characters: nothing an address may hold as it is.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return true
        default: return false
        }
    }

    /// A base URL as the site uses it: checked, with a trailing slash.
    package static func normalisedBaseURL(_ text: String) -> String? {
        guard !text.unicodeScalars.contains(where: isInvisible) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
              url.query == nil, url.fragment == nil, url.user == nil, url.password == nil
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
