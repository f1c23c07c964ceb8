/// A database error that has no `StoreError` case of its own, kept for logging.
///
/// Two failures are equal when their SQLSTATEs are; the underlying error is not compared.
/// `description` shows only the SQLSTATE, never SQL or bound values; use
/// `String(reflecting: failure.underlying)` in a server log for the detail.
///
/// ```swift
/// catch StoreError.database(let failure) {
///     logger.error("database failure", metadata: ["sqlstate": "\(failure.sqlState ?? "-")"])
/// }
/// ```
public struct DatabaseFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server's SQLSTATE (e.g. `23514` for a check violation), or nil when the error did not come
    /// from the server (connection lost, row decoding, …).
    public var sqlState: String?
    /// The original error.
    public var underlying: any Error

    public init(sqlState: String?, underlying: any Error) {
        self.sqlState = sqlState
        self.underlying = underlying
    }

    public static func == (lhs: DatabaseFailure, rhs: DatabaseFailure) -> Bool {
        lhs.sqlState == rhs.sqlState
    }

    public var description: String {
        if let sqlState {
            return "database error (SQLSTATE \(sqlState))"
        }
        return "database error (\(type(of: underlying)))"
    }
}
