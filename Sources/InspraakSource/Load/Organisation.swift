import Foundation

/// `[organisation]` in site.toml: who publishes the site, shown in the header and footer.
public struct Organisation: Sendable, Equatable {
    /// The organisation's name: the logo's text alternative, the publisher in JSON-LD.
    public var name: String?
    /// The logo's path in the source folder (`assets/logo.svg`); the loader checks the file.
    public var logo: String?
    /// Where `logo` is written, for "the file does not exist".
    public var logoLocation = SourceLocation(path: "site.toml", line: 1, column: 1)
    /// Where residents ask questions: an `http(s)` address, or `mailto:` and an e-mail address.
    public var contactHref: String?
    /// What the contact link reads: the e-mail address, or the address without its scheme.
    public var contactText: String?
    /// The "reageer" call to action: an `http(s)` address.
    public var respondURL: String?

    public init() {}

    /// `contact` as a link: an e-mail address gets `mailto:`, a web address is kept; nil when
    /// it is neither.
    package static func contactLink(_ text: String) -> (href: String, text: String)? {
        if text.lowercased().hasPrefix("mailto:") {
            let address = String(text.dropFirst("mailto:".count))
            return isEmailAddress(address) ? ("mailto:" + address, address) : nil
        }
        if isEmailAddress(text) { return ("mailto:" + text, text) }
        guard let href = SiteConfig.normalisedWebAddress(text) else { return nil }
        // Shown without its scheme and final slash: "www.lindeveen.nl/contact".
        var shown = Substring(href)
        if let colon = shown.range(of: "://") { shown = shown[colon.upperBound...] }
        if shown.hasSuffix("/") { shown = shown.dropLast() }
        return (href, String(shown))
    }

    /// `name@host.tld`: one `@`, a dotted host, nothing that is not printable ASCII or a space.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }
}

/// What a logo file may be: the two image types every browser shows and an `<img>` may carry.
package enum LogoImage: String, Sendable {
    case svg, png

    /// The type the file's bytes (not its name) say it is: PNG's signature, or text with `<svg`.
    package static func kind(of bytes: [UInt8]) -> LogoImage? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.contains("<svg") ? .svg : nil
    }

    /// The type its name says, which must agree with its bytes.
    package static func kind(ofName path: String) -> LogoImage? {
        let name = path.lowercased()
        return name.hasSuffix(".svg") ? .svg : name.hasSuffix(".png") ? .png : nil
    }
}

extension SiteConfig {
    /// An absolute `http(s)` address without spaces (a contact or "reageer" link), or nil.
    package static func normalisedWebAddress(_ text: String) -> String? {
        guard !text.contains(where: { $0.isWhitespace }), let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return text
    }
}
