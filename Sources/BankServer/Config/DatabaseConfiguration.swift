import Foundation
import PostgresNIO

/// Where the bank's PostgreSQL is, parsed from a `DB_SOURCE` URL in the form libpq and
/// golang-migrate use: `postgres[ql]://user[:password]@host[:port][/database][?sslmode=…]`.
///
/// `sslmode` follows libpq's names, mapped onto PostgresNIO's three TLS modes:
///
/// | sslmode | TLS |
/// |---|---|
/// | `disable` | off |
/// | `allow`, `prefer` (default, as in libpq) | used when the server offers it |
/// | `require`, `verify-ca`, `verify-full` | required, certificate verified |
///
/// `require` verifies the certificate here although libpq does not: silently accepting any
/// certificate would make "required" TLS open to interception. Other query parameters are ignored.
public struct DatabaseConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// How TLS is used.
    public enum TLSMode: String, Sendable, Equatable {
        case disable
        case prefer
        case require
        /// Like `require`, but only the chain is checked, not the host name (libpq's `verify-ca`).
        case verifyCA = "verify-ca"
    }

    public var host: String
    public var port: Int
    public var username: String
    /// Percent-decoded; nil when the URL has none.
    public var password: String?
    /// nil lets the server use the user name, as libpq does.
    public var database: String?
    public var tlsMode: TLSMode

    /// Settings given directly.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String?, tlsMode: TLSMode) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
    }

    /// Parses a connection URL.
    ///
    /// - Throws: ``ConfigError`` whose message starts with `key` and never repeats the password.
    public init(url text: String, key: String = ServerConfig.Key.dbSource) throws(ConfigError) {
        let format = "expected postgresql://user:password@host:port/database?sslmode=disable"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw ConfigError("\(key): not a URL (\(format))")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw ConfigError("\(key): unsupported scheme \"\(scheme)\" (\(format))")
        }
        guard var host = components.host, !host.isEmpty else {
            throw ConfigError("\(key): the host is missing (\(format))")
        }
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        guard let username = components.user, !username.isEmpty else {
            throw ConfigError("\(key): the user name is missing (\(format))")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw ConfigError("\(key): the port must be between 1 and 65535")
        }
        var database: String? = String(components.path.drop(while: { $0 == "/" }))
        if database?.isEmpty == true { database = nil }

        var tlsMode = TLSMode.prefer
        if let sslMode = components.queryItems?.last(where: { $0.name == "sslmode" })?.value {
            switch sslMode {
            case "disable": tlsMode = .disable
            case "allow", "prefer": tlsMode = .prefer
            case "require", "verify-full": tlsMode = .require
            case "verify-ca": tlsMode = .verifyCA
            default:
                throw ConfigError("\(key): unsupported sslmode \"\(sslMode)\" (use disable, allow, prefer, require, verify-ca or verify-full)")
            }
        }
        self.init(host: host, port: port, username: username, password: components.password, database: database, tlsMode: tlsMode)
    }

    /// The PostgresNIO client configuration for these settings.
    public func makeClientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch tlsMode {
        case .disable:
            tls = .disable
        case .prefer:
            tls = .prefer(.makeClientConfiguration())
        case .require:
            tls = .require(.makeClientConfiguration())
        case .verifyCA:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .noHostnameVerification
            tls = .require(configuration)
        }
        return PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
    }

    /// The URL without the password, for logs.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let passwordText = password == nil ? "" : ":<redacted>"
        return "postgresql://\(username)\(passwordText)@\(hostText):\(port)/\(database ?? "")?sslmode=\(tlsMode.rawValue)"
    }
}
