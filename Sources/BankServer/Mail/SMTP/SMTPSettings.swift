import NIOSSL

/// Where and how to send mail: the server, its TLS and its login.
public struct SMTPSettings: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// Plain text throughout (a local relay, tests).
        case none
        /// Plain text, then `STARTTLS` before anything else is said (usually port 587).
        case startTLS = "starttls"
        /// TLS from the first byte (usually port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// With `password`, logs in with `AUTH PLAIN` (or `LOGIN` when that is all the server offers).
    public var username: String?
    public var password: String?
    /// The name the client gives in `EHLO`.
    public var clientName: String
    /// How long each step (connect, each reply) may take.
    public var timeout: Duration
    /// Which certificates to trust; the system's roots by default.
    public var tlsConfiguration: TLSConfiguration

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        clientName: String = "localhost", timeout: Duration = .seconds(30),
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.clientName = clientName
        self.timeout = timeout
        self.tlsConfiguration = tlsConfiguration
    }
}
