import PostgresNIO

extension StoreError {
    /// Maps an error thrown by a generated query, a `PostgresClient.withTransaction` or a `Store` to a
    /// `StoreError`: a `StoreError` stays as it is, a `PostgresTransactionError` is unwrapped (the
    /// closure's error first, then COMMIT's, then BEGIN's), server errors become their cases by
    /// SQLSTATE, and anything else becomes `.database`.
    ///
    /// ```swift
    /// do {
    ///     _ = try await queries.createUser(username: "ann", hashedPassword: hash, fullName: "Ann", email: "a@b.c")
    /// } catch {
    ///     switch StoreError(mapping: error) {
    ///     case .duplicate(let constraint): print("taken:", constraint)  // users_pkey or users_email_key
    ///     default: throw error
    ///     }
    /// }
    /// ```
    public init(mapping error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as PostgresTransactionError:
            if let primary = error.primaryError {
                self.init(mapping: primary)
            } else {
                self = .database(DatabaseFailure(sqlState: nil, underlying: error))
            }
        case is NoRowsError:
            self = .notFound
        case let error as PSQLError:
            self.init(serverError: error)
        default:
            self = .database(DatabaseFailure(sqlState: nil, underlying: error))
        }
    }

    private init(serverError error: PSQLError) {
        let state = error.serverInfo?[.sqlState]
        let constraint = error.serverInfo?[.constraintName] ?? ""
        switch state.map(SQLState.init(rawValue:)) {
        case .uniqueViolation?:
            self = .duplicate(constraint: constraint)
        case .foreignKeyViolation?:
            self = .foreignKeyViolation(constraint: constraint)
        case .serializationFailure?, .deadlockDetected?:
            // Outside `execTx` nothing retried it; the caller may try again.
            self = .transactionConflict
        default:
            self = .database(DatabaseFailure(sqlState: state, underlying: error))
        }
    }
}

extension PostgresTransactionError {
    /// The error that made the transaction fail. A failing ROLLBACK only matters when nothing else failed.
    var primaryError: (any Error)? {
        closureError ?? commitError ?? beginError ?? rollbackError
    }
}

/// The SQLSTATEs the store tells apart.
enum SQLState: Sendable, Equatable {
    case uniqueViolation
    case foreignKeyViolation
    case serializationFailure
    case deadlockDetected
    case other(String)

    init(rawValue: String) {
        switch rawValue {
        case "23505": self = .uniqueViolation
        case "23503": self = .foreignKeyViolation
        case "40001": self = .serializationFailure
        case "40P01": self = .deadlockDetected
        default: self = .other(rawValue)
        }
    }

    /// The SQLSTATE of a server error, looking through the wrappers the store and PostgresNIO put around it.
    init?(of error: any Error) {
        switch error {
        case let error as PSQLError:
            guard let state = error.serverInfo?[.sqlState] else { return nil }
            self.init(rawValue: state)
        case let error as PostgresTransactionError:
            guard let primary = error.primaryError else { return nil }
            self.init(of: primary)
        case StoreError.database(let failure):
            guard let state = failure.sqlState else { return nil }
            self.init(rawValue: state)
        default:
            return nil
        }
    }
}
