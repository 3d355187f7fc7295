import Foundation
import Hummingbird
import InspraakSite
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP side of `serve`: Hummingbird on 127.0.0.1 only, every request answered by the
/// session's router; Ctrl-C and SIGTERM end the event streams and stop the server, cleanly.
struct ServeServer {
    let session: ServeSession

    /// Serves until a signal; `ready` gets the port listened on (the one asked for, or the
    /// free one the system gave for 0).
    func run(port: Int, ready: @escaping @Sendable (Int) -> Void) async -> ServeOutcome {
        // Quiet: the terminal is for the serving line, the rebuilds and the diagnostics.
        let logger = Logger(label: "inspraak.serve") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            responder: ServeResponder(session: session),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? port) },
            logger: logger
        )
        let task = Task { try await app.run() }
        let events = session.events
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                events.close()
                task.cancel()
            }
            source.resume()
            return source
        }
        defer { for source in signals { source.cancel() } }
        do {
            try await task.value
            return .stopped
        } catch {
            return task.isCancelled ? .stopped : .failed(String(describing: error))
        }
    }
}

/// Hummingbird's request → the router's answer → Hummingbird's response.
struct ServeResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let session: ServeSession

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let method: ServeRequest.Method = switch request.method {
        case .get: .get
        case .head: .head
        default: .other
        }
        let asked = ServeRequest(method: method, target: request.head.path ?? "/", ifNoneMatch: request.headers[.ifNoneMatch])
        guard let answer = session.router?.respond(to: asked) else {
            return Response(status: .serviceUnavailable)
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPFields.Element.Name(name) { fields[field] = value }
        }
        let body: ResponseBody
        switch answer.body {
        case .none: body = ResponseBody()
        case .bytes(let data): body = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        case .file(let url):
            // Bundle files (PDFs) are small enough to read whole.
            let data = (try? Data(contentsOf: url)) ?? Data()
            body = ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        case .events:
            let stream = session.events.listen()
            body = ResponseBody { writer in
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body)
    }
}
