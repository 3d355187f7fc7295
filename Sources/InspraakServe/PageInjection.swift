import Foundation

/// What `serve` adds to each HTML page it sends (never to LiveSite's bytes, never to `build`'s
/// output): the error overlay right after `<body>` while the last rebuild failed, and the live
/// reload script before `</body>`, told which output paths the page shows.
struct PageInjection: Sendable {
    /// The overlay's HTML, nil while the site builds.
    let overlay: String?

    /// Part of a served page's ETag: a page's tag changes when the overlay comes or goes.
    var tag: String {
        guard let overlay else { return "ok" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in overlay.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "e" + String(hash, radix: 16)
    }

    /// `html` with the overlay and the script; `pages` are the output paths whose change should
    /// reload it (the page itself; for a 404, also the page that would be at its address).
    func inject(into html: Data, pages: [String]) -> Data {
        let bytes = [UInt8](html)
        let script = Data("<script src=\"\(ServeRoutes.reloadScript)\" data-pages=\"\(pages.map(Self.attribute).joined(separator: " "))\" defer></script>\n".utf8)
        var result = Data()
        result.reserveCapacity(bytes.count + script.count + (overlay?.utf8.count ?? 0))
        var rest = 0
        if let overlay {
            let afterBody = Self.endOfBodyTag(in: bytes) ?? 0
            result.append(contentsOf: bytes[0..<afterBody])
            result.append(Data(overlay.utf8))
            rest = afterBody
        }
        let closing = Self.lastRange(of: Array("</body".utf8), in: bytes, from: rest) ?? bytes.count
        result.append(contentsOf: bytes[rest..<closing])
        result.append(script)
        result.append(contentsOf: bytes[closing...])
        return result
    }

    /// A whole page for when there is no page to put the overlay on (nothing has built yet).
    func page(title: String, text: String, pages: [String]) -> Data {
        let html = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(Self.text(title))</title>\n</head>\n"
            + "<body>\n<main>\n<h1>\(Self.text(title))</h1>\n<p>\(Self.text(text))</p>\n</main>\n</body>\n</html>\n"
        return inject(into: Data(html.utf8), pages: pages)
    }

    private static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// An output path in an attribute: they hold no quotes or spaces, but a bundle file might.
    private static func attribute(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "\"'<>&"))) ?? path
    }

    /// Just after the `>` of the first `<body…>` tag (ASCII case-insensitive).
    static func endOfBodyTag(in bytes: [UInt8]) -> Int? {
        let pattern = Array("<body".utf8)
        var index = 0
        while let start = firstRange(of: pattern, in: bytes, from: index) {
            let next = start + pattern.count
            guard next < bytes.count else { return nil }
            // `<body>` or `<body …>`, not `<bodyx>`.
            if bytes[next] == UInt8(ascii: ">") || bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n") || bytes[next] == UInt8(ascii: "\t") {
                guard let close = bytes[next...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                return close + 1
            }
            index = next
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where lower(bytes[start + offset]) != pattern[offset] { return false }
        return true
    }

    private static func firstRange(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        return (from...(bytes.count - pattern.count)).first { matches(pattern, in: bytes, at: $0) }
    }

    private static func lastRange(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        return (from...(bytes.count - pattern.count)).reversed().first { matches(pattern, in: bytes, at: $0) }
    }
}
