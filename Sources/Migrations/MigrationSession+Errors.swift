import Foundation
import PostgresNIO

extension MigrationSession {
    /// Hint printed when nothing answers at the address: the project's way to start a server.
    static let startServerHint = "is PostgreSQL running? try `make start-postgres`"

    /// Turns a failure of `PostgresConnection.connect` into a message naming the endpoint.
    static func connectionFailure(_ error: any Error, endpoint: String) -> MigrationError {
        guard let error = error as? PSQLError else {
            return .connectionFailed(endpoint: endpoint, reason: describe(error), hint: nil)
        }
        if error.code == .server, let info = error.serverInfo {
            let reason = info[.message] ?? "the server refused the connection"
            let hint: String? =
                switch info[.sqlState] {
                case "28P01", "28000": "check the user name and password in the database URL"
                case "3D000": "create the database first, e.g. `make create-db`"
                case "57P03": "the server is starting up or shutting down; try again shortly"
                default: nil
                }
            return .connectionFailed(endpoint: endpoint, reason: reason, hint: hint)
        }
        if error.code == .sslUnsupported {
            return .connectionFailed(
                endpoint: endpoint, reason: "the server does not support TLS",
                hint: "use sslmode=disable or sslmode=prefer for a server without TLS")
        }
        if let underlying = error.underlying {
            let reason = describe(underlying)
            if reason.hasPrefix("could not resolve") {
                return .connectionFailed(
                    endpoint: endpoint, reason: reason, hint: "check the host name in the database URL")
            }
            let unreachable = ["connection refused", "timed out", "no such file or directory"]
                .contains { reason.contains($0) }
            return .connectionFailed(endpoint: endpoint, reason: reason, hint: unreachable ? startServerHint : nil)
        }
        return .connectionFailed(endpoint: endpoint, reason: "\(error.code)", hint: nil)
    }

    /// Turns a failure of one of the migrator's own queries into a ``MigrationError``.
    static func databaseError(_ error: any Error, operation: String) -> any Error {
        if error is MigrationError || error is CancellationError { return error }
        return MigrationError.databaseError(operation: operation, message: message(of: error))
    }

    /// The server's message with its SQLSTATE, or a description of a client-side failure.
    static func message(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return describe(error) }
        if let info = error.serverInfo {
            var text = info[.message] ?? "server error"
            if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
            return text
        }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return "the connection to the server was closed"
        case .queryCancelled:
            return "the query was cancelled"
        default:
            return error.underlying.map(describe) ?? "\(error.code)"
        }
    }

    /// A short, lowercase description of a network-level error.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return describe(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return "could not resolve host name \(error.host)"
            }
            return "connection failed"
        case let error as IOError:
            return describe(errno: error.errnoCode)
        case let error as ChannelError:
            if case .connectTimeout(let timeout) = error {
                return "timed out after \(Double(timeout.nanoseconds) / 1e9)s"
            }
            return "\(error)"
        case let error as NIOSSLError:
            return "TLS failed: \(error)"
        case let error as PSQLError:
            return message(of: error)
        default:
            return String(describing: error)
        }
    }

    private static func describe(errno code: CInt) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ETIMEDOUT: "timed out"
        case ENOENT: "no such file or directory"
        case EHOSTUNREACH, ENETUNREACH: "host unreachable"
        case EACCES: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
