/// A PostgreSQL connection URL in the libpq / golang-migrate form:
/// `postgresql://user:password@host:port/database?sslmode=disable`.
///
/// Parse one with ``init(_:)``; turn it into a PostgresNIO configuration with
/// ``connectionConfiguration()``. See ``init(_:)`` for the accepted forms and parameters.
public struct DatabaseURL: Sendable, Hashable {
    /// Where the server listens.
    public enum Endpoint: Sendable, Hashable {
        /// A TCP host name or IP address and port.
        case tcp(host: String, port: Int)
        /// A folder holding the server's socket file `.s.PGSQL.<port>` (libpq's convention).
        case unixSocket(directory: String, port: Int)

        /// The socket file for ``unixSocket(directory:port:)``, `nil` for TCP.
        public var socketPath: String? {
            guard case .unixSocket(let directory, let port) = self else { return nil }
            let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            return "\(folder)/.s.PGSQL.\(port)"
        }
    }

    /// libpq's `sslmode` values.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// Treated as ``prefer``: PostgresNIO has no "plain first, TLS on demand" mode.
        case allow
        /// TLS when the server offers it, without verifying its certificate (as libpq does).
        case prefer
        /// TLS or fail; the certificate is verified only when `sslrootcert` is given (as libpq does).
        case require
        /// TLS, certificate chain verified, host name not checked.
        case verifyCA = "verify-ca"
        /// TLS, certificate chain and host name verified.
        case verifyFull = "verify-full"
    }

    /// A startup parameter sent to the server as-is (`application_name`, `search_path`, …).
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The user name.
    public var user: String
    /// The password, `nil` when the URL has none.
    public var password: String?
    /// The database name; `nil` means the server's default (the user name).
    public var database: String?
    /// Where to connect.
    public var endpoint: Endpoint
    /// The TLS mode, `prefer` when the URL does not say (libpq's default).
    public var sslMode: SSLMode
    /// `sslrootcert`: PEM file of trusted certificate authorities.
    public var sslRootCertificate: String?
    /// `sslcert`: PEM file of the client certificate.
    public var sslCertificate: String?
    /// `sslkey`: PEM file of the client certificate's private key.
    public var sslKey: String?
    /// `connect_timeout` in seconds.
    public var connectTimeout: Int?
    /// golang-migrate's `x-migrations-table`: the bookkeeping table's name (default `schema_migrations`).
    public var migrationsTable: String?
    /// Any other query parameter, passed to the server at startup as libpq and lib/pq do.
    public var parameters: [Parameter]

    /// `host:port` or the socket path, for messages.
    public var endpointDescription: String {
        switch endpoint {
        case .tcp(let host, let port):
            return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket:
            return endpoint.socketPath ?? ""
        }
    }
}
