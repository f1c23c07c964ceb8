import NIOConcurrencyHelpers
import PostgresNIO

/// The connection of one `SQLStore.execTx` transaction, as the `DBTX` its `Queries` run on. It
/// notes whether any statement failed and whether the raw connection was handed out, which tells
/// how the transaction may end:
///
/// - Neither: no statement can have aborted the transaction, so a prepared COMMIT (a Bind/Execute)
///   ends it, and commits.
/// - Either: a failed statement whose error the body swallowed, or one run on the raw connection,
///   may have aborted it; then COMMIT is sent unprepared, because in postgres-nio 1.33.2 only the
///   `query` API reports the command tag that tells a commit ("COMMIT") from a rollback.
///
/// ```swift
/// try await store.execTx { q in
///     let connection = try #require((q.db as? TransactionConnection)?.connection)
///     _ = try await connection.query("SHOW transaction_isolation", logger: logger).collect()
/// }
/// ```
public final class TransactionConnection: DBTX {
    private let raw: PostgresConnection
    private let state = NIOLockedValueBox(State())

    private struct State {
        var statementFailed = false
        var handedOut = false
    }

    /// Throws instead of sending a statement on a connection the server has closed: postgres-nio
    /// drops a statement written to a closed connection without ever completing it.
    func ensureOpen() throws {
        guard raw.isClosed else { return }
        throw StoreError.database(DatabaseFailure(sqlState: "08006", underlying: ConnectionLostError()))
    }

    init(_ connection: PostgresConnection) {
        self.raw = connection
    }

    /// The connection itself, for statements the generated queries do not cover. Once it has been
    /// asked for, the transaction ends with a COMMIT whose outcome is checked.
    public var connection: PostgresConnection {
        state.withLockedValue { $0.handedOut = true }
        return raw
    }

    /// True when the outcome of COMMIT must be read: a statement failed, or the raw connection was used.
    var mayHaveAborted: Bool {
        state.withLockedValue { $0.statementFailed || $0.handedOut }
    }

    public func executePrepared<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws
        -> [Statement.Row]
    {
        do {
            try ensureOpen()
            return try await raw.executePrepared(statement, logger: logger)
        } catch {
            state.withLockedValue { $0.statementFailed = true }
            throw error
        }
    }

    public func commandTag<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws
        -> PostgresCommandTag
    {
        do {
            try ensureOpen()
            return try await raw.commandTag(statement, logger: logger)
        } catch {
            state.withLockedValue { $0.statementFailed = true }
            throw error
        }
    }
}
