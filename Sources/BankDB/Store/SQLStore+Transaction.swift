import PostgresNIO

extension SQLStore {
    /// Runs `body` in one transaction at `isolation` and returns what it returns. The `Queries` it
    /// gets are bound to that transaction's connection; do not use them after `body` returns.
    ///
    /// When PostgreSQL aborts the transaction with a serialization failure (40001, which can also
    /// come from COMMIT) or a deadlock (40P01), the whole of `body` runs again on a fresh
    /// transaction, after a jittered exponential wait (`retryPolicy`), at most `maxAttempts` times
    /// in all; each rerun is reported to `onRetry`. `body` must therefore not have effects outside
    /// the transaction that cannot be repeated. Any other error rolls back and is thrown at once:
    /// database errors as `StoreError`s, errors of `body`'s own making unchanged. When the bound is
    /// reached the error is `StoreError.transactionConflict`.
    ///
    /// ```swift
    /// let balance = try await store.execTx(isolation: .serializable) { q in
    ///     let account = try await q.getAccount(id: 1)
    ///     return try await q.updateAccount(id: 1, balance: (account?.balance ?? 0) * 2)?.balance
    /// }
    /// ```
    public func execTx<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        maxAttempts: Int = RetryPolicy.defaultMaxAttempts,
        _ body: @Sendable (Queries) async throws -> T
    ) async throws -> T {
        precondition(maxAttempts >= 1, "a transaction needs at least one attempt")
        var attempt = 1
        while true {
            do {
                return try await runTransaction(isolation: isolation, body)
            } catch {
                guard let reason = TransactionRetry.Reason(error) else {
                    throw storeError(error)
                }
                guard attempt < maxAttempts else {
                    throw StoreError.transactionConflict
                }
                let delay = retryPolicy.delay(afterAttempt: attempt)
                onRetry?(TransactionRetry(reason: reason, failedAttempt: attempt, delay: delay))
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// One attempt: BEGIN, `body`, COMMIT on one pooled connection; ROLLBACK when `body` throws.
    ///
    /// `withConnection` and explicit statements rather than `withTransaction`: it has no isolation
    /// parameter, and it does not notice a COMMIT that PostgreSQL turned into a rollback.
    private func runTransaction<T: Sendable>(isolation: IsolationLevel, _ body: @Sendable (Queries) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            // The pool may hand out a connection the server closed a moment ago (a restart).
            let transaction = TransactionConnection(connection)
            try transaction.ensureOpen()
            try await BeginStatement.run(isolation, on: connection, logger: logger)
            let value: T
            do {
                value = try await body(Queries(transaction, logger: logger))
            } catch {
                // A connection the server closed (a restart, a crash) took the transaction with it.
                // Nothing is left to roll back, and a statement written to a closed connection is
                // dropped by postgres-nio without ever completing: the request would hang.
                guard !connection.isClosed else { throw error }
                do {
                    try await execute("ROLLBACK", on: connection)
                } catch {
                    // The connection's state is unknown (most likely it is broken): never hand it back
                    // to the pool in the middle of a transaction.
                    try? await connection.close()
                }
                throw error
            }
            // A failing COMMIT has already ended the transaction on the server (40001 lands here
            // under SERIALIZABLE). When no statement failed and the raw connection was not used,
            // nothing can have aborted the transaction: a prepared COMMIT ends it.
            // The same for a connection lost after the last statement: COMMIT cannot be sent, and
            // the server rolled the transaction back when the connection ended.
            try transaction.ensureOpen()
            guard transaction.mayHaveAborted else {
                try await CommitStatement().run(on: connection, logger: logger)
                return value
            }
            // A COMMIT that reports ROLLBACK means `body` swallowed an error and the server
            // discarded the work: that must not look like success.
            let tag = try await execute("COMMIT", on: connection)
            guard tag == "COMMIT" else {
                throw StoreError.database(DatabaseFailure(sqlState: "25P02", underlying: TransactionRolledBackError()))
            }
            return value
        }
    }

    /// Runs a statement without parameters and returns its command tag.
    @discardableResult
    private func execute(_ sql: String, on connection: PostgresConnection) async throws -> String {
        // The EventLoopFuture API reports the command tag; the async one only streams rows.
        let future: EventLoopFuture<PostgresQueryResult> = connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        return try await future.get().metadata.command
    }
}

/// The connection closed before COMMIT could be sent: the server rolled the transaction back.
struct ConnectionLostError: Error, CustomStringConvertible {
    var description: String { "the connection closed before the transaction could commit" }
}

/// COMMIT reported ROLLBACK: a statement of the transaction had failed and the closure went on.
struct TransactionRolledBackError: Error, CustomStringConvertible {
    var description: String { "the transaction was rolled back at COMMIT because a statement in it had failed" }
}

extension TransactionRetry.Reason {
    /// The reason to rerun a transaction that failed with `error`, or nil when it must not be rerun.
    init?(_ error: any Error) {
        switch SQLState(of: error) {
        case .serializationFailure?: self = .serializationFailure
        case .deadlockDetected?: self = .deadlock
        default: return nil
        }
    }
}
