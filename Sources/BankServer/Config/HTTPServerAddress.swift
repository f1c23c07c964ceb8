/// The address the HTTP server binds, from `HTTP_SERVER_ADDRESS` in Go's `host:port` form:
/// `0.0.0.0:8080`, `localhost:8080`, `[::1]:8080`, or `:8080` (all interfaces, as in Go).
public struct HTTPServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address; IPv6 without brackets.
    public var host: String
    /// TCP port; 0 asks the system for a free one (useful in tests).
    public var port: Int

    /// An address given directly.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, or returns nil.
    public init?(parsing text: String) {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = Substring(text[..<colon])
        let portText = text[text.index(after: colon)...]
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (0...65_535).contains(port) else {
            return nil
        }
        if host.hasPrefix("[") {
            // An IPv6 literal must be bracketed exactly once; its own colons are inside.
            guard host.hasSuffix("]"), host.count > 2 else { return nil }
            host = host.dropFirst().dropLast()
        } else if host.contains(":") || host.contains("]") {
            return nil
        }
        guard !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "[" || $0 == "]" }) else { return nil }
        self.init(host: host.isEmpty ? "0.0.0.0" : String(host), port: port)
    }

    /// `host:port`, with IPv6 hosts in brackets.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
