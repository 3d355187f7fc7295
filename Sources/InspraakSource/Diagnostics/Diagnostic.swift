/// One problem found in a site, told to the person who wrote the record.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    /// What to do about it, where that helps ("did you mean `outcome`?").
    public let hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    /// Sorted by file, line, column, then errors before warnings, then text: a total order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return (lhs.hint ?? "") < (rhs.hint ?? "")
    }

    /// `path:line:col: error: message (hint)`, always one line: see `printable`.
    public var description: String {
        var text = "\(Self.printable(location.description)): \(severity.rawValue): \(Self.printable(message))"
        if let hint { text += " (\(Self.printable(hint)))" }
        return text
    }

    /// `text` with every character that could break a diagnostic's line or change how it reads
    /// written out visibly (`\n`, `\t`, `\u{1B}`): paths and messages quote what the user wrote,
    /// and a value with a line break must not forge a second diagnostic. Escaped: the control
    /// characters (C0, DEL, C1), the Unicode line and paragraph separators, and the marks
    /// that reorder text (bidirectional overrides and isolates).
    public static func printable(_ text: String) -> String {
        func escaped(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard escaped(scalar) else {
                result.append(scalar)
                continue
            }
            let visible = switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            result.append(contentsOf: visible.unicodeScalars)
        }
        return String(result)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
