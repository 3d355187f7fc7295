import InspraakSource

/// The theme's assets with content-hashed names (`site.3f2a9c1e.css`), so browsers may cache
/// them for ever and still see a new version at once.
struct Assets: Sendable {
    /// Original name under assets/ → published path (`assets/site.3f2a9c1e.css`).
    let published: [String: String]
    let files: [(path: String, bytes: [UInt8])]
    /// The stylesheets every page links, by name under assets/, sorted.
    let stylesheetNames: [String]
    /// The logo the header shows, as published: the site's own (`[organisation] logo`), else
    /// the theme's `assets/logo.svg` or `logo.png` (a house style's logo); nil for neither.
    let logoPath: String?
    /// The site's own logo: where it is published and its path in the source folder.
    let siteLogo: (path: String, source: String)?

    init(_ theme: ThemeFiles, logo: OrganisationLogo? = nil) {
        var published: [String: String] = [:]
        var files: [(String, [UInt8])] = []
        for name in theme.assets.keys.sorted() {
            let bytes = theme.assets[name]!.bytes
            let path = "assets/" + Self.fingerprinted(name, hash: Self.hash(bytes))
            published[name] = path
            files.append((path, bytes))
        }
        if let logo {
            // Beside the theme's assets, never among them (a site logo named like one of them
            // must not take its place), and named `logo.<hash>.svg` whatever the file is called
            // ("Logo gemeente.svg" would need escaping in every page).
            let path = "organisation/" + Self.fingerprinted("logo." + logo.kind.rawValue, hash: Self.hash(logo.bytes))
            files.append((path, logo.bytes))
            siteLogo = (path, logo.path)
            logoPath = path
        } else {
            siteLogo = nil
            logoPath = Self.themeLogoNames.lazy.compactMap { published[$0] }.first
        }
        self.published = published
        self.files = files
        stylesheetNames = published.keys.filter { $0.hasSuffix(".css") }.sorted()
    }

    /// A theme's logo, under its `assets/`, the first of these it has.
    static let themeLogoNames = ["logo.svg", "logo.png"]

    /// What the header's logo is made from, for the dependency map.
    var logoInput: OutputInput? {
        if let siteLogo { return .file(siteLogo.source) }
        return Self.themeLogoNames.first { published[$0] != nil }.map(OutputInput.asset)
    }

    /// FNV-1a, 64 bits, first 10 hex digits: enough to tell versions apart, not a security measure.
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100000001b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }

    static func fingerprinted(_ name: String, hash: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[..<dot].hasSuffix("/") else { return name + "." + hash }
        return name[..<dot] + "." + hash + name[dot...]
    }
}
