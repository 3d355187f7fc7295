import Foundation

/// The three ways diagnostics are printed: for people, for GitHub Actions, for programs.
public enum DiagnosticFormat {
    /// `path:line:col: error: message (hint)`.
    public static func text(_ diagnostic: Diagnostic) -> String { diagnostic.description }

    /// `::error file=…,line=…,col=…::message`, escaped as GitHub asks, after the characters
    /// `Diagnostic.printable` writes out (so no control character reaches the log).
    public static func github(_ diagnostic: Diagnostic) -> String {
        func property(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: ":", with: "%3A")
                .replacingOccurrences(of: ",", with: "%2C")
        }
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let location = diagnostic.location
        let message = Diagnostic.printable(diagnostic.hint.map { "\(diagnostic.message) (\($0))" } ?? diagnostic.message)
        return "::\(diagnostic.severity.rawValue) file=\(property(Diagnostic.printable(location.path))),line=\(max(location.line, 1)),col=\(max(location.column, 1))::\(data(message))"
    }

    /// A JSON array of `{file, line, column, severity, message, hint}`, keys sorted; texts as
    /// `Diagnostic.printable` gives them, like the other formats.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects: [[String: Any]] = diagnostics.map { diagnostic in
            var object: [String: Any] = [
                "file": Diagnostic.printable(diagnostic.location.path),
                "line": max(diagnostic.location.line, 1),
                "column": max(diagnostic.location.column, 1),
                "severity": diagnostic.severity.rawValue,
                "message": Diagnostic.printable(diagnostic.message),
            ]
            if let hint = diagnostic.hint { object["hint"] = Diagnostic.printable(hint) }
            return object
        }
        guard let data = try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
