/// The organisation's logo as read from the site folder, checked to be an SVG or PNG image.
public struct OrganisationLogo: Sendable, Equatable {
    /// Its path in the source folder (`assets/logo.svg`).
    public let path: String
    public let bytes: [UInt8]
    package let kind: LogoImage

    /// Logos are small; a larger file is a mistake (a photo, a PDF renamed).
    static let maximumBytes = 2 * 1024 * 1024

    /// Reads and checks `[organisation] logo`; nil and a diagnostic at the key when it is not a
    /// file of the type its name says.
    static func load(_ organisation: Organisation, tree: any SourceTree) -> (OrganisationLogo?, Diagnostic?) {
        guard let path = organisation.logo, let named = LogoImage.kind(ofName: path) else { return (nil, nil) }
        let at = organisation.logoLocation
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
            return (nil, .error(at, LoadMessage.logoOutsideSite(path)))
        }
        switch tree.read(path, limit: maximumBytes) {
        case .bytes(let bytes):
            guard LogoImage.kind(of: bytes) == named else {
                return (nil, .error(at, LoadMessage.logoContentMismatch(path, expected: named.rawValue.uppercased())))
            }
            return (OrganisationLogo(path: path, bytes: bytes, kind: named), nil)
        case .tooLarge: return (nil, .error(at, LoadMessage.logoTooLarge(path, megabytes: maximumBytes / 1024 / 1024)))
        case .missing, .notRegular: return (nil, .error(at, LoadMessage.logoMissing(path)))
        case .unreadable(let cause): return (nil, .error(at, LoadMessage.unreadable(cause)))
        }
    }
}
