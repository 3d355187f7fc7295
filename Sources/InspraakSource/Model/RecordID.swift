import Foundation

/// Ids and slugs: lower-case ASCII letters, digits and single hyphens, so they are safe in URLs
/// and file names (no `..`, no `/`).
public enum RecordID {
    public static func isValid(_ id: String) -> Bool {
        // One pass over the bytes: `contains("--")` went through Foundation's string search
        // (1% of `check`, asked for every record, item and theme slug).
        var previous = UInt8(ascii: "-")   // so a leading hyphen is refused as a doubled one is
        for byte in id.utf8 {
            let isHyphen = byte == UInt8(ascii: "-")
            guard isHyphen || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) else { return false }
            if isHyphen && previous == UInt8(ascii: "-") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")   // also false for an empty id
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
