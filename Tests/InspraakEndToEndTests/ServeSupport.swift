import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A running `inspraak serve`: started on a free port, its `serving …` line read, its standard
/// output and error kept as they come.
final class RunningServe: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    private(set) var url = ""
    private(set) var port = 0

    init(_ arguments: [String], path: String? = nil) throws {
        process.executableURL = inspraakExecutable
        process.arguments = ["serve"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        if let path { environment["PATH"] = path }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.outText += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.errText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }

    /// Waits for the `serving http://127.0.0.1:<port>/…/` line; false if it never came.
    func waitUntilServing(timeout: TimeInterval = 120) -> Bool {
        guard let line = waitForLine(timeout: timeout, { $0.hasPrefix("serving ") }) else { return false }
        url = String(line.dropFirst("serving ".count))
        let afterHost = url.dropFirst("http://127.0.0.1:".count)
        port = Int(afterHost.prefix { $0.isNumber }) ?? 0
        return port > 0
    }

    /// The first line of standard output that `matches`, waiting for it.
    func waitForLine(timeout: TimeInterval, _ matches: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = out.split(separator: "\n").map(String.init).first(where: matches) { return line }
            if !process.isRunning { return out.split(separator: "\n").map(String.init).first(where: matches) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// Sends a signal and waits for the exit; nil if it did not end in time (then it is killed).
    func stop(_ signal: Int32 = SIGINT, timeout: TimeInterval = 10) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// One HTTP/1.1 exchange over a plain socket (no redirects followed, nothing cached), so a
/// test sees exactly what the server sent.
struct HTTPExchange {
    var status = 0
    var headers: [String: String] = [:]
    var body = Data()
    var text: String { String(decoding: body, as: UTF8.self) }

    static func send(port: Int, _ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws -> HTTPExchange {
        let socket = try HTTPSocket(port: port)
        defer { socket.close() }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        socket.send(request + "\r\n")
        return parse(socket.readToEnd())
    }

    static func parse(_ data: Data) -> HTTPExchange {
        var exchange = HTTPExchange()
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return exchange }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        exchange.status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            exchange.headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        exchange.body = data[end.upperBound...]
        return exchange
    }
}

/// A TCP connection to 127.0.0.1, with a read timeout.
final class HTTPSocket {
    private let descriptor: Int32

    init(port: Int, timeout: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw NSError(domain: "HTTPSocket", code: Int(errno))
        }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// What arrives next (empty at the end or after the timeout).
    func readSome() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Data(buffer[0..<count]) : Data()
    }

    func readToEnd() -> Data {
        var data = Data()
        while true {
            let some = readSome()
            if some.isEmpty { return data }
            data += some
        }
    }

    func close() { Glibc.close(descriptor) }
}

/// The live reload stream, read as it comes.
final class EventStream {
    private let socket: HTTPSocket
    private var received = ""

    init(port: Int) throws {
        socket = try HTTPSocket(port: port, timeout: 1)
        socket.send("GET /__inspraak/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        // The headers and the first (retry) message: the stream is open.
        let deadline = Date().addingTimeInterval(10)
        while !received.contains("retry:") && Date() < deadline { received += String(decoding: socket.readSome(), as: UTF8.self) }
    }

    var headerText: String { received }

    /// The data of the next `rebuild` event, waiting up to `timeout`.
    func nextRebuild(timeout: TimeInterval = 60) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = received.range(of: "event: rebuild\ndata: "), let end = received[range.upperBound...].range(of: "\n\n") {
                let data = String(received[range.upperBound..<end.lowerBound])
                received = String(received[end.upperBound...])
                return data
            }
            received += String(decoding: socket.readSome(), as: UTF8.self)
        }
        return nil
    }

    deinit { socket.close() }
}
