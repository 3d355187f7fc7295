import InspraakTemplates
import InspraakSource
/// Small links that recur: a theme, a navigation entry, a stylesheet, a feed, a calendar.

/// A theme a record belongs to, linked from the page that shows the record.
struct ThemeLink: TemplateView {
    let title: String
    let href: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .href: return .text(href)
        }
    }
}

/// One entry of the site's navigation.
struct NavEntry: TemplateView {
    let label: String
    let href: String
    /// The page is in this entry's section (a record of this kind, a page of the list).
    let section: Bool
    /// The page is this entry's page.
    let current: Bool

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case label, href, section, current }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .label: return .text(label)
        case .href: return .text(href)
        case .section: return .bool(section)
        case .current: return .bool(current)
        }
    }
}

/// A stylesheet of the theme, by its content-hashed path.
struct StylesheetLink: TemplateView {
    let href: String
    let name: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case href, name }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .href: return .text(href)
        case .name: return .text(name)
        }
    }
}

/// A record feed a page announces with `<link rel="alternate">`: RSS, Atom and JSON Feed.
struct FeedLink: TemplateView {
    let title: String
    let href: String
    let atomHref: String
    let jsonHref: String

    /// `path`: the output path of the RSS feed.
    init(title: String, path: String, paths: SitePaths) {
        self.title = title
        href = paths.absolute(path)
        atomHref = paths.absolute(FeedFormats.atom(besides: path))
        jsonHref = paths.absolute(FeedFormats.json(besides: path))
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href, atomHref, jsonHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .href: return .text(href)
        case .atomHref: return .text(atomHref)
        case .jsonHref: return .text(jsonHref)
        }
    }
}

/// A change feed a page announces (RSS, and Atom where there is one).
struct ChangeFeedLink: TemplateView {
    let title: String
    let href: String
    let atomHref: String?

    init(_ feed: ChangeFeed, paths: SitePaths) {
        title = feed.title
        href = paths.absolute(feed.path)
        atomHref = feed.atomPath.map(paths.absolute)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case title, href, atomHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .title: return .text(title)
        case .href: return .text(href)
        case .atomHref: return .optional(atomHref)
        }
    }
}

/// "Zet in agenda": links to a calendar file, to subscribe (webcal://, the app keeps it up to
/// date) or to download once.
struct CalendarLinks: TemplateView {
    let subscribeHref: String
    let downloadHref: String

    init(from path: String, file: String, paths: SitePaths) {
        let absolute = paths.absolute(file)
        subscribeHref = absolute.replacingPrefix("https://", with: "webcal://") ?? absolute.replacingPrefix("http://", with: "webcal://") ?? absolute
        downloadHref = SitePaths.relative(from: path, to: file)
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case subscribeHref, downloadHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .subscribeHref: return .text(subscribeHref)
        case .downloadHref: return .text(downloadHref)
        }
    }
}

/// "Volg wat er met deze punten gebeurt (RSS)": the record's own `changes.xml`, also when nothing
/// happened yet, so a subscription made today keeps working. The feed sits in the page's folder.
struct FollowLink: TemplateView {
    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case href }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .href: return .text(ChangeFeed.fileName)
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String? {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : nil
    }
}

/// The header's logo: its address and its text alternative (the organisation's name, else
/// the site's title), so the home link it sits in has a name.
struct LogoView: TemplateView {
    let href: String
    let alt: String

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case href, alt }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .href: return .text(href)
        case .alt: return .text(alt)
        }
    }
}

/// `[organisation]` for the header and footer; nil when site.toml sets none of it.
struct OrganisationView: TemplateView {
    let organisation: Organisation

    init?(_ organisation: Organisation) {
        guard organisation.name != nil || organisation.contactHref != nil || organisation.respondURL != nil else { return nil }
        self.organisation = organisation
    }

    static let keyIndex = KeyIndex<Key>()
    func value(for name: TemplateKey) -> TemplateValue? { lookUp(name) }

    enum Key: String, CaseIterable { case name, contactHref, contactText, respondHref }

    func value(_ key: Key) -> TemplateValue? {
        switch key {
        case .name: return .optional(organisation.name)
        case .contactHref: return .optional(organisation.contactHref)
        case .contactText: return .optional(organisation.contactText)
        case .respondHref: return .optional(organisation.respondURL)
        }
    }
}
