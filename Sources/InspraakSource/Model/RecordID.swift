import Foundation

/// Ids and slugs: lower-case ASCII letters, digits and single hyphens, so they are safe in URLs
/// and file names (no `..`, no `/`).
public enum RecordID {
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The nearest valid id: `Cliëntondersteuning` → `clientondersteuning`,
    /// `Stamtafel 14 mei` → `stamtafel-14-mei`.
    public static func folded(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
        var out = ""
        var pendingHyphen = false
        for scalar in plain.unicodeScalars {
            let isWordCharacter = (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
            if isWordCharacter {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }
}
