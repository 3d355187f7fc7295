import Foundation
import InspraakSite
import InspraakSource

/// The readable list of a failed rebuild's diagnostics, written into every served page (so it
/// shows without the reload script): each with its place, its sentence, and the lines around it
/// with the line marked. Focus moves to its heading (autofocus); styled by /__inspraak/overlay.css.
enum ErrorOverlay {
    /// Lines shown before and after the marked one.
    static let context = 2

    static func html(_ diagnostics: [Diagnostic], source: URL) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var html = "<link rel=\"stylesheet\" href=\"\(ServeRoutes.overlayCSS)\">\n"
        html += "<section id=\"inspraak-errors\" class=\"inspraak-errors\" lang=\"en\" role=\"alertdialog\" aria-modal=\"false\" "
        html += "aria-labelledby=\"inspraak-errors-title\" aria-describedby=\"inspraak-errors-summary\">\n"
        html += "<h1 id=\"inspraak-errors-title\" tabindex=\"-1\" autofocus>\(XMLText.escape(ServeMessage.overlayTitle))</h1>\n"
        html += "<p id=\"inspraak-errors-summary\">\(XMLText.escape(ServeMessage.overlaySummary(errors: errors, warnings: diagnostics.count - errors)))</p>\n"
        html += "<ol aria-label=\"\(XMLText.escape(ServeMessage.overlayLabel))\">\n"
        for diagnostic in diagnostics {
            html += item(diagnostic, source: source)
        }
        html += "</ol>\n</section>\n"
        return html
    }

    private static func item(_ diagnostic: Diagnostic, source: URL) -> String {
        let place = Diagnostic.printable(diagnostic.location.description)
        var html = "<li class=\"inspraak-\(diagnostic.severity.rawValue)\"><p><code>\(XMLText.escape(place))</code> "
        html += "<strong>\(diagnostic.severity.rawValue):</strong> \(XMLText.escape(Diagnostic.printable(diagnostic.message)))"
        if let hint = diagnostic.hint { html += " (\(XMLText.escape(Diagnostic.printable(hint))))" }
        html += "</p>\n"
        if let lines = excerpt(diagnostic.location, source: source) {
            // Focusable: it scrolls sideways on a narrow screen, also without a mouse.
            html += "<pre tabindex=\"0\" aria-label=\"\(XMLText.escape(ServeMessage.sourceLabel))\">"
            for (number, text) in lines {
                let marked = number == diagnostic.location.line
                let row = String(format: "%4d", number) + (marked ? " > " : " | ") + XMLText.escape(text)
                html += marked ? "<mark title=\"\(ServeMessage.markedLine)\">\(row)</mark>\n" : row + "\n"
                if marked, diagnostic.location.column > 0 {
                    html += String(repeating: " ", count: 7 + diagnostic.location.column - 1) + "^\n"
                }
            }
            html += "</pre>\n"
        }
        return html + "</li>\n"
    }

    /// The numbered lines around the diagnostic's line, when it names a line of a readable text
    /// file inside the source folder.
    static func excerpt(_ location: SourceLocation, source: URL) -> [(Int, String)]? {
        guard location.line > 0, !location.path.isEmpty, !location.path.hasPrefix("/"),
              !location.path.split(separator: "/").contains("..") else { return nil }
        let url = source.appendingPathComponent(location.path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              (attributes[.size] as? Int ?? 0) < 1 << 20,
              let data = try? Data(contentsOf: url) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        let first = max(1, location.line - context)
        let last = min(lines.count, location.line + context)
        return (first...last).map { number in
            var text = String(lines[number - 1])
            if text.hasSuffix("\r") { text.removeLast() }
            return (number, Diagnostic.printable(text.replacingOccurrences(of: "\t", with: "    ")))
        }
    }
}
