import CCmarkGFM
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown rendered by libcmark-gfm: the whole body, and its first paragraph for summaries.
public struct RenderedMarkdown: Sendable, Equatable {
    public let html: String
    /// The first paragraph as inline HTML (without `<p>`), for a summary when none is written.
    public let firstParagraphHTML: String?
    /// The first paragraph as plain text, for descriptions and feeds.
    public let firstParagraphText: String?
}

/// The single place that talks to libcmark-gfm.
///
/// Raw HTML is omitted unless `unsafeHTML` is set; then the tagfilter extension still
/// disarms `<script>`, `<iframe>` and the like, as GitHub does.
public enum Markdown {
    /// Extensions every document gets, in the order they are attached.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders a Markdown body; its first paragraph too unless `firstParagraph` is false (a
    /// record with a written summary does not need it).
    public static func render(_ text: String, unsafeHTML: Bool = false, firstParagraph: Bool = true) -> RenderedMarkdown {
        Document(text, unsafeHTML: unsafeHTML).withRoot { root, extensions, options in
            let html = renderHTML(root, options: options, extensions: extensions)
            guard firstParagraph else { return RenderedMarkdown(html: html, firstParagraphHTML: nil, firstParagraphText: nil) }
            var node = cmark_node_first_child(root)
            while let current = node, cmark_node_get_type(current) != CMARK_NODE_PARAGRAPH {
                node = cmark_node_next(current)
            }
            guard let paragraph = node else {
                return RenderedMarkdown(html: html, firstParagraphHTML: nil, firstParagraphText: nil)
            }
            let paragraphHTML = stripParagraph(renderHTML(paragraph, options: options, extensions: extensions))
            let paragraphText = renderPlainText(paragraph, options: options, extensions: extensions)
            return RenderedMarkdown(html: html, firstParagraphHTML: paragraphHTML, firstParagraphText: paragraphText)
        }
    }

    /// Renders a one-line text field (a summary, an input point, a note) as inline HTML.
    ///
    /// Block syntax has no place there, so the result is the paragraphs' inline content;
    /// several paragraphs are joined by a line break.
    public static func renderInline(_ text: String, unsafeHTML: Bool = false) -> String {
        PlainText.inlineHTML(text) ?? parsedInline(text, unsafeHTML: unsafeHTML)
    }

    /// `renderInline` through cmark, always.
    static func parsedInline(_ text: String, unsafeHTML: Bool = false) -> String {
        Document(text, unsafeHTML: unsafeHTML).withRoot { root, extensions, options in
            let html = renderHTML(root, options: options, extensions: extensions)
            return stripParagraph(html)
        }
    }

    /// Plain text of a Markdown fragment (for `<meta name="description">`, feed descriptions, titles).
    public static func plainText(_ text: String) -> String {
        PlainText.plain(text) ?? parsedPlainText(text)
    }

    /// `plainText` through cmark, always.
    static func parsedPlainText(_ text: String) -> String {
        Document(text, unsafeHTML: false).withRoot { root, extensions, options in
            renderPlainText(root, options: options, extensions: extensions)
        }
    }

    private static func renderHTML(
        _ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?
    ) -> String {
        guard let raw = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(raw) }
        return String(cString: raw)
    }

    private static func renderPlainText(
        _ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?
    ) -> String {
        guard let raw = cmark_render_plaintext(node, options, 0) else { return "" }
        defer { free(raw) }
        let text = String(cString: raw)
        // Lines split on "\n" bytes (cmark writes no other line ends), trimmed, joined by spaces.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0).trimmingOutputSpaces() }
        lines.removeAll { $0.isEmpty }
        return lines.joined(separator: " ")
    }

    /// `<p>a</p>\n<p>b</p>\n` → `a<br>b`; anything else is returned trimmed.
    static func stripParagraph(_ html: String) -> String {
        var parts: [Substring] = []
        var rest = html[...]
        let close = Array("</p>".utf8)
        while rest.utf8.starts(with: "<p>".utf8) {
            // Byte search: the HTML is cmark's, and `</p>` is ASCII.
            let bytes = rest.utf8
            var end: String.Index?
            var index = bytes.index(bytes.startIndex, offsetBy: 3)
            while index < bytes.endIndex {
                if bytes[index] == close[0], bytes[index...].starts(with: close) { end = index; break }
                index = bytes.index(after: index)
            }
            guard let end else { break }
            parts.append(rest[bytes.index(bytes.startIndex, offsetBy: 3)..<end])
            rest = rest[bytes.index(end, offsetBy: 4)...].drop { $0 == "\n" }
        }
        if parts.isEmpty || !rest.isEmpty {
            return html.trimmingOutputSpaces()
        }
        return parts.joined(separator: "<br>")
    }
}

/// One parse of one document: a parser per document, freed when done.
private struct Document {
    let text: String
    let options: Int32

    init(_ text: String, unsafeHTML: Bool) {
        self.text = text
        // Table alignment as `style`, not the `align` attribute HTML5 made obsolete.
        self.options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
    }

    func withRoot<T>(_ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?, Int32) -> T) -> T {
        CoreExtensions.ensureRegistered()
        guard let parser = cmark_parser_new(options) else {
            preconditionFailure("cmark_parser_new returned nil: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for name in Markdown.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var copy = text
        copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            preconditionFailure("cmark_parser_finish returned nil: out of memory")
        }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser), options)
    }
}

/// The one process-wide thing: cmark's extension registry, filled once (it is not thread-safe).
private enum CoreExtensions {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func ensureRegistered() {
        _ = registered
    }
}

extension StringProtocol {
    /// Without the spaces, tabs and newlines cmark leaves around its output (ASCII only: a
    /// non-breaking space in the text is content).
    func trimmingOutputSpaces() -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = Substring(self).utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(self)[first...last])
    }
}
