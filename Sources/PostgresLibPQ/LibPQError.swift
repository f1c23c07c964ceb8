import CLibPQ
import Foundation

/// An error PostgreSQL or libpq reported.
public struct LibPQError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, without libpq's trailing newline.
    public var message: String
    /// The SQLSTATE, when the server sent one (`40001`, `23505`, …).
    public var sqlState: String?

    public init(message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }

    /// The error of a failed result.
    init(result: OpaquePointer) {
        let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? "unknown error"
        self.init(
            message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            sqlState: PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) })
    }

    /// The connection's last error.
    init(connection: OpaquePointer) {
        let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error"
        self.init(message: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }
}
