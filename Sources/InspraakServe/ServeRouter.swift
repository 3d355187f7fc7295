import Foundation
import InspraakSite

/// One output as the router sends it: its bytes (or the source file it is copied from) and its
/// tag, unquoted.
package struct ServedFile: Sendable {
    package enum Content: Sendable {
        case bytes(Data)
        case file(URL)
    }

    package var content: Content
    package var etag: String

    package init(_ content: Content, etag: String) {
        self.content = content
        self.etag = etag
    }
}

/// The outputs `serve` answers from: LiveSite, or a stand-in in tests.
package protocol ServedOutputs: Sendable {
    func served(at path: String) -> ServedFile?
}

extension LiveSite: ServedOutputs {
    package func served(at path: String) -> ServedFile? {
        guard let output = output(at: path) else { return nil }
        let tag = output.etag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        switch output.content {
        case .bytes(let bytes): return ServedFile(.bytes(Data(bytes)), etag: tag)
        case .file(let url): return ServedFile(.file(url), etag: tag)
        }
    }
}

/// A request as the router needs it, whatever server carried it.
package struct ServeRequest: Sendable {
    package enum Method: Sendable { case get, head, other }
    package var method: Method
    /// The request target as sent: the path, percent-encoded, and maybe a query.
    package var target: String
    package var ifNoneMatch: String?

    package init(method: Method, target: String, ifNoneMatch: String? = nil) {
        self.method = method
        self.target = target
        self.ifNoneMatch = ifNoneMatch
    }
}

/// The answer, before a server writes it.
package struct ServeResponse: Sendable {
    package enum Body: Sendable {
        case none
        case bytes(Data)
        case file(URL)
        /// The live reload event stream (Server-Sent Events).
        case events
    }

    package var status: Int
    package var headers: [String: String]
    package var body: Body

    package var bytes: Data? {
        if case .bytes(let data) = body { return data }
        return nil
    }
}

/// Request path → output: the site under its sub-path (`/` sends there), pretty URLs
/// (`x/` → `x/index.html`, `x` → `x/` when that is a folder), the site's own 404 page, HEAD,
/// ETag and If-None-Match, and never anything but an output: a path that would climb out
/// (`..`, also percent-encoded) or holds a NUL is refused before any lookup.
package struct ServeRouter: Sendable {
    package let site: any ServedOutputs
    /// The path part of base_url, with both slashes ("/participatie/", or "/").
    package let basePath: String
    let injection: PageInjection

    package init(site: any ServedOutputs, basePath: String, overlay: String?) {
        self.site = site
        self.basePath = basePath
        injection = PageInjection(overlay: overlay)
    }

    package func respond(to request: ServeRequest) -> ServeResponse {
        let rawPath = String(request.target.prefix { $0 != "?" && $0 != "#" })
        let query = request.target.dropFirst(rawPath.count).prefix { $0 != "#" }
        if request.method == .other {
            return plain(405, ServeMessage.methodNotAllowed, extra: ["Allow": "GET, HEAD"], request: request)
        }
        switch rawPath {
        case ServeRoutes.reloadScript: return asset(ServeRoutes.reloadScriptText, type: "text/javascript; charset=utf-8", request: request)
        case ServeRoutes.overlayCSS: return asset(ServeRoutes.overlayCSSText, type: "text/css; charset=utf-8", request: request)
        case ServeRoutes.events:
            return ServeResponse(status: 200, headers: ["Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"],
                                 body: request.method == .head ? .none : .events)
        default: break
        }
        guard let path = Self.decoded(rawPath) else {
            return plain(400, ServeMessage.badRequest, request: request)
        }
        if path == "/" || path + "/" == basePath {
            if basePath != path { return redirect(to: basePath + query) }
        }
        guard path.hasPrefix(basePath) else { return notFound(wanted: nil, request: request) }
        let relative = String(path.dropFirst(basePath.count))
        let wanted = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if let output = site.served(at: wanted) {
            return send(output, path: wanted, status: 200, pages: [wanted], request: request)
        }
        if !relative.isEmpty, !relative.hasSuffix("/"), site.served(at: relative + "/index.html") != nil {
            return redirect(to: rawPath + "/" + query)
        }
        return notFound(wanted: wanted, request: request)
    }

    /// The path percent-decoded, or nil when it is not a clean absolute path: a NUL, a
    /// backslash, an encoding that is not UTF-8, or a `.` or `..` step, however it was written.
    static func decoded(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), let path = raw.removingPercentEncoding, path.hasPrefix("/") else { return nil }
        if path.contains("\0") || path.contains("\\") { return nil }
        let steps = path.split(separator: "/", omittingEmptySubsequences: false)
        if steps.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        return path
    }

    private func notFound(wanted: String?, request: ServeRequest) -> ServeResponse {
        let pages = ["404.html"] + (wanted.map { [$0] } ?? [])
        if let page = site.served(at: "404.html") {
            return send(page, path: "404.html", status: 404, pages: pages, request: request)
        }
        let html = injection.page(title: ServeMessage.notFoundTitle, text: injection.overlay == nil ? ServeMessage.notFound : ServeMessage.noGoodBuild, pages: pages)
        return finish(status: 404, type: ContentType.html, body: .bytes(html), length: html.count, etag: nil, request: request)
    }

    private func send(_ output: ServedFile, path: String, status: Int, pages: [String], request: ServeRequest) -> ServeResponse {
        switch output.content {
        case .bytes(let data):
            let type = ContentType.of(path: path, head: data.prefix(512))
            guard type == ContentType.html else {
                return finish(status: status, type: type, body: .bytes(data), length: data.count, etag: output.etag, request: request)
            }
            let page = injection.inject(into: data, pages: pages)
            return finish(status: status, type: type, body: .bytes(page), length: page.count, etag: output.etag + "-" + injection.tag, request: request)
        case .file(let url):
            let handle = try? FileHandle(forReadingFrom: url)
            let head = (try? handle?.read(upToCount: 512)) ?? Data()
            try? handle?.close()
            let length = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return finish(status: status, type: ContentType.of(path: path, head: head), body: .file(url), length: length, etag: output.etag, request: request)
        }
    }

    private func asset(_ text: String, type: String, request: ServeRequest) -> ServeResponse {
        let data = Data(text.utf8)
        return finish(status: 200, type: type, body: .bytes(data), length: data.count, etag: "inspraak-\(data.count)", request: request)
    }

    private func plain(_ status: Int, _ text: String, extra: [String: String] = [:], request: ServeRequest) -> ServeResponse {
        let data = Data((text + "\n").utf8)
        var response = finish(status: status, type: "text/plain; charset=utf-8", body: .bytes(data), length: data.count, etag: nil, request: request)
        response.headers.merge(extra) { $1 }
        return response
    }

    private func redirect(to location: some StringProtocol) -> ServeResponse {
        ServeResponse(status: 302, headers: ["Location": String(location), "Content-Length": "0", "Cache-Control": "no-cache"], body: .none)
    }

    /// Headers every answer has; 304 for a matching If-None-Match; no body for HEAD.
    private func finish(status: Int, type: String, body: ServeResponse.Body, length: Int, etag: String?, request: ServeRequest) -> ServeResponse {
        var headers = ["Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"]
        if let etag {
            let quoted = "\"\(etag)\""
            headers["ETag"] = quoted
            if status == 200, let ifNoneMatch = request.ifNoneMatch, Self.matches(ifNoneMatch, quoted) {
                headers["Content-Type"] = nil
                return ServeResponse(status: 304, headers: headers, body: .none)
            }
        }
        headers["Content-Length"] = String(length)
        return ServeResponse(status: status, headers: headers, body: request.method == .head ? .none : body)
    }

    /// If-None-Match: `*`, or a list of tags, weak (`W/"…"`) or strong, compared weakly.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }
}
