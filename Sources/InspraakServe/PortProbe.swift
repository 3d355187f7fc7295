import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether another program already listens on a port of 127.0.0.1: tried before serving, so a
/// second `serve` says so in a sentence instead of a socket error. Bound the way the server
/// binds (SO_REUSEADDR), so a port left in TIME_WAIT counts as free, as it is for the server.
enum PortProbe {
    static func isTaken(_ port: Int) -> Bool {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound != 0 && errno == EADDRINUSE
        #else
        return false
        #endif
    }
}
