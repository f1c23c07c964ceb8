import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Just enough HTTP/1.1 over a plain TCP socket on 127.0.0.1 to talk to a `bank-server`
/// process: one `GET` per connection, `Connection: close`, read to the end.
///
/// A raw socket rather than URLSession because URLSession on Linux goes through libcurl, which
/// honours `http_proxy` from the environment; a test must reach the loopback directly.
enum LoopbackHTTP {
    /// A response, header names lowercased.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Why a request got no response.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A TCP port that was free a moment ago: the system picks it for a socket bound to port 0,
    /// which is then closed. Another process could take it in between; on this loopback the
    /// window is a few milliseconds.
    static func freePort() throws -> Int {
        let socket = try makeSocket()
        defer { close(socket) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind: \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends `GET path` to 127.0.0.1:`port` and reads the whole response.
    ///
    /// - Parameter timeout: For connecting, sending and each read, so a stuck server fails the
    ///   test instead of hanging it.
    static func get(_ path: String, port: Int, timeout: Int = 5) throws -> Response {
        try request("GET", path, port: port, timeout: timeout)
    }

    /// Sends one request (`body` as `application/json` when given) and reads the whole response.
    static func request(
        _ method: String, _ path: String, port: Int, headers: [String: String] = [:], body: String? = nil, timeout: Int = 5
    ) throws -> Response {
        let socket = try makeSocket()
        defer { close(socket) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))

        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(String(cString: strerror(errno)))") }

        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let bodyBytes = Array((body ?? "").utf8)
        if body != nil { head += "Content-Type: application/json\r\nContent-Length: \(bodyBytes.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + bodyBytes
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += count
        }

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        // Bounded: the server closes after one response; 1 MiB is far more than any test needs.
        while received.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "recv: \(String(cString: strerror(errno)))") }
            received += buffer[..<count]
        }
        return try parse(String(decoding: received, as: UTF8.self))
    }

    /// Splits a response into status, headers and body.
    static func parse(_ text: String) throws -> Response {
        guard let headEnd = text.range(of: "\r\n\r\n") else {
            throw Failure(description: "incomplete response: \(text.prefix(200))")
        }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw Failure(description: "not an HTTP status line: \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[headEnd.upperBound...]))
    }

    private static func makeSocket() throws -> Int32 {
        #if canImport(Glibc)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        return socket
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return address
    }
}
