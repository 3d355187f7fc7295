import InspraakSource

/// The theme's assets with content-hashed names (`site.3f2a9c1e.css`), so browsers may cache
/// them for ever and still see a new version at once.
struct Assets: Sendable {
    /// Original name under assets/ → published path (`assets/site.3f2a9c1e.css`).
    let published: [String: String]
    let files: [(path: String, bytes: [UInt8])]
    /// The stylesheets every page links, by name under assets/, sorted.
    let stylesheetNames: [String]

    init(_ theme: ThemeFiles) {
        var published: [String: String] = [:]
        var files: [(String, [UInt8])] = []
        for name in theme.assets.keys.sorted() {
            let bytes = theme.assets[name]!.bytes
            let path = "assets/" + Self.fingerprinted(name, hash: Self.hash(bytes))
            published[name] = path
            files.append((path, bytes))
        }
        self.published = published
        self.files = files
        stylesheetNames = published.keys.filter { $0.hasSuffix(".css") }.sorted()
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
