/// Which link targets a page may carry from content: `http`, `https`, `mailto`, and paths within
/// the site. Everything else (`javascript:`, `data:`, `vbscript:`, `file:`, `//other-host`) is
/// refused, so that no record can put a script or a foreign host behind a link.
package enum LinkTarget {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The target as it will be written (without surrounding spaces), or nil when it is not allowed.
    ///
    /// Strict on purpose, because browsers are lenient: they drop tabs and newlines anywhere in a
    /// URL (`java\tscript:` runs), ignore case in the scheme, and read `\` as `/` (`/\host` is
    /// another host). So any control character or backslash is refused, and any `:` before the
    /// first `/`, `?` or `#` makes the part before it a scheme that must be on the list.
    package static func checked(_ text: String) -> String? {
        let target = text.trimmingSpaces()
        guard !target.isEmpty else { return nil }
        for scalar in target.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || scalar == "\\" { return nil }
            // Invisible format characters (zero-width space, bidi overrides) hide what a link says.
            if scalar.properties.generalCategory == .format { return nil }
        }
        let head = target.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let colon = head.firstIndex(of: ":") {
            let scheme = head[..<colon].lowercased()
            guard allowedSchemes.contains(scheme) else { return nil }
            let rest = target[target.index(after: colon)...]
            if scheme == "mailto" { return rest.isEmpty ? nil : target }
            // http(s) needs a host: `https:foo` or `https:///x` are not web addresses.
            guard rest.hasPrefix("//"), let host = rest.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false).first,
                  !host.isEmpty, !host.hasPrefix("?"), !host.hasPrefix("#") else { return nil }
            return target
        }
        // `//host/x` keeps the page's scheme but leaves the site.
        if target.hasPrefix("//") { return nil }
        return target
    }
}
