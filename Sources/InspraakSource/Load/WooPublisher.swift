/// What `[woo] publisher` may be. The config checks it here; the site target's `DiWoo` writes
/// the sitemaps that name it.
package enum WooPublisher {
    private static let municipalityPrefix = "https://identifier.overheid.nl/tooi/id/gemeente/gm"

    /// `https://identifier.overheid.nl/tooi/id/gemeente/gm` and a four-digit CBS code.
    package static func isMunicipalityURI(_ text: String) -> Bool {
        guard text.hasPrefix(municipalityPrefix) else { return false }
        let code = text.dropFirst(municipalityPrefix.count)
        return code.count == 4 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
