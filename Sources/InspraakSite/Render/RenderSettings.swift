import InspraakTemplates
import InspraakSource
/// What Render reads of `site.toml`, made once by the build façade (`SiteBuild`) and passed in:
/// render never looks into the graph's configuration.
public struct RenderSettings: Sendable {
    public var title: String
    /// "" when the site has none.
    public var description: String
    public var language: String
    /// Absolute, always ending in `/`.
    public var baseURL: String
    /// The path part of `baseURL` ("/participatie/").
    public var basePath: String
    /// `https://host`, without the path.
    public var origin: String
    /// IANA zone of the meeting calendars.
    public var timezone: String
    /// Records per list page.
    public var paginationSize: Int
    /// Items per record feed and per site or theme change feed.
    public var feedsLimit: Int
    /// Meeting format labels set by the site (the theme's strings fill in the rest).
    public var formats: [String: String]
    /// Who feedback comes from, in JSON-LD.
    public var adviceAddressedTo: String
    /// Raw HTML in Markdown is kept.
    public var unsafeHTML: Bool
    /// `[history] show`: each record page's change log.
    public var showHistory: Bool
    /// `[search] enabled`: the search page and its link in the header.
    public var searchEnabled: Bool
    /// SPDX id of the open data's licence.
    public var dataLicense: String
    /// `[woo] publisher`: nil means no DiWoo sitemaps.
    public var wooPublisher: String?
    /// `[organisation]`: name, contact and "reageer" link of the header and footer.
    public var organisation: Organisation
    /// The logo file `[organisation] logo` names, read and checked by the loader; nil when
    /// made from a config alone (`init(_ site:)` takes it from the loaded site).
    public var logo: OrganisationLogo?

    /// Who publishes the site, for JSON-LD, DiWoo and the data catalogue: the organisation's
    /// name, else the site's title.
    public var publisherName: String { organisation.name ?? title }

    /// The settings of a loaded site, with its logo file.
    public init(_ site: LoadedSite) {
        self.init(site.config)
        logo = site.logo
    }

    public init(_ config: SiteConfig) {
        title = config.title
        description = config.description
        language = config.language
        baseURL = config.baseURL
        basePath = config.basePath
        origin = config.origin
        timezone = config.timezone
        paginationSize = config.paginationSize
        feedsLimit = config.feedsLimit
        formats = config.formats
        adviceAddressedTo = config.adviceAddressedTo
        unsafeHTML = config.unsafeHTML
        showHistory = config.showHistory
        searchEnabled = config.searchEnabled
        dataLicense = config.dataLicense
        wooPublisher = config.wooPublisher
        organisation = config.organisation
    }
}
