import Foundation
import PostgresNIO

/// The bank's two benchmarked operations written by hand on PostgresNIO, as a careful person would:
/// one `PostgresPreparedStatement` per SQL text with declared parameter types, rows decoded straight
/// into tuples, the transaction's BEGIN and COMMIT prepared too, and the same statements, lock order
/// and pool as `SQLStore.transferTx`. It is the yardstick the generated code is held against.
enum HandWritten {
    /// An account row as the bank's `SELECT *` and `RETURNING *` list it.
    typealias AccountRow = (Int64, String, Int64, String, Date)
    /// A transfer or entry row: (id, …, created_at) decoded but not kept.
    typealias TransferRow = (Int64, Int64, Int64, Int64, Date)
    typealias EntryRow = (Int64, Int64, Int64, Date)

    struct GetAccount: PostgresPreparedStatement {
        typealias Row = AccountRow
        static let sql = "SELECT id, owner, balance, currency, created_at FROM accounts\nWHERE id = $1 LIMIT 1"
        static let bindingDataTypes: [PostgresDataType] = [.int8]
        var id: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct LockAccount: PostgresPreparedStatement {
        typealias Row = AccountRow
        static let sql =
            "SELECT id, owner, balance, currency, created_at FROM accounts\nWHERE id = $1 LIMIT 1\nFOR NO KEY UPDATE"
        static let bindingDataTypes: [PostgresDataType] = [.int8]
        var id: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct InsertTransfer: PostgresPreparedStatement {
        typealias Row = TransferRow
        static let sql = """
            INSERT INTO transfers (from_account_id, to_account_id, amount) VALUES ($1, $2, $3)
            RETURNING id, from_account_id, to_account_id, amount, created_at
            """
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int8, .int8]
        var from: Int64
        var to: Int64
        var amount: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(from)
            bindings.append(to)
            bindings.append(amount)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct InsertEntry: PostgresPreparedStatement {
        typealias Row = EntryRow
        static let sql = """
            INSERT INTO entries (account_id, amount) VALUES ($1, $2)
            RETURNING id, account_id, amount, created_at
            """
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int8]
        var account: Int64
        var amount: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(account)
            bindings.append(amount)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct Debit: PostgresPreparedStatement {
        typealias Row = AccountRow
        static let sql = """
            UPDATE accounts SET balance = balance + $1
            WHERE id = $2 AND balance + $1 >= 0
            RETURNING id, owner, balance, currency, created_at
            """
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int8]
        /// Negative: the money that leaves.
        var amount: Int64
        var id: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(amount)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct Credit: PostgresPreparedStatement {
        typealias Row = AccountRow
        static let sql = """
            UPDATE accounts SET balance = balance + $1
            WHERE id = $2
            RETURNING id, owner, balance, currency, created_at
            """
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int8]
        var amount: Int64
        var id: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(amount)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// BEGIN, COMMIT and ROLLBACK as prepared statements: after the first use on a connection they
    /// cost a Bind/Execute instead of a Parse/Bind/Execute (pgbench `-M prepared` does the same).
    struct Begin: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "BEGIN ISOLATION LEVEL READ COMMITTED"
        static let bindingDataTypes: [PostgresDataType] = []
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Row {}
    }

    struct Commit: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "COMMIT"
        static let bindingDataTypes: [PostgresDataType] = []
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Row {}
    }

    struct Rollback: PostgresPreparedStatement {
        typealias Row = ()
        static let sql = "ROLLBACK"
        static let bindingDataTypes: [PostgresDataType] = []
        func makeBindings() throws -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Row {}
    }

    /// The error a hand-written transfer throws when a rule fails (none should in the benchmark).
    struct TransferFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads one account on the pool; nil when there is none.
    ///
    /// Reads the stream to its end, as the generated code does: returning at the first row skips
    /// waiting for CommandComplete, which is quicker but would drop an error that arrives after
    /// the row.
    static func getAccount(_ client: PostgresClient, id: Int64, logger: Logger) async throws -> AccountRow? {
        var result: AccountRow?
        for try await row in try await client.execute(GetAccount(id: id), logger: logger) where result == nil {
            result = row
        }
        return result
    }

    /// Moves `amount` from one account to another in one READ COMMITTED transaction: both rows
    /// locked lower id first, the transfer and its two entries, then the balances lower id first.
    static func transfer(_ client: PostgresClient, from: Int64, to: Int64, amount: Int64, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await run(Begin(), on: connection, logger: logger)
            do {
                let (low, high) = from < to ? (from, to) : (to, from)
                guard let lowRow = try await first(LockAccount(id: low), on: connection, logger: logger),
                    let highRow = try await first(LockAccount(id: high), on: connection, logger: logger)
                else { throw TransferFailed(description: "no such account") }
                guard lowRow.3 == highRow.3 else { throw TransferFailed(description: "currency mismatch") }
                _ = try await first(InsertTransfer(from: from, to: to, amount: amount), on: connection, logger: logger)
                _ = try await first(InsertEntry(account: from, amount: -amount), on: connection, logger: logger)
                _ = try await first(InsertEntry(account: to, amount: amount), on: connection, logger: logger)
                if from < to {
                    try await debit(from, amount, on: connection, logger: logger)
                    try await credit(to, amount, on: connection, logger: logger)
                } else {
                    try await credit(to, amount, on: connection, logger: logger)
                    try await debit(from, amount, on: connection, logger: logger)
                }
            } catch {
                try? await run(Rollback(), on: connection, logger: logger)
                throw error
            }
            try await run(Commit(), on: connection, logger: logger)
        }
    }

    private static func debit(_ id: Int64, _ amount: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        guard try await first(Debit(amount: -amount, id: id), on: connection, logger: logger) != nil else {
            throw TransferFailed(description: "insufficient funds")
        }
    }

    private static func credit(_ id: Int64, _ amount: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        guard try await first(Credit(amount: amount, id: id), on: connection, logger: logger) != nil else {
            throw TransferFailed(description: "no such account")
        }
    }

    /// Runs a statement and returns its first row, draining the rest so the connection is free.
    private static func first<S: PostgresPreparedStatement>(
        _ statement: S, on connection: PostgresConnection, logger: Logger
    ) async throws -> S.Row? {
        var result: S.Row?
        for try await row in try await connection.execute(statement, logger: logger) where result == nil {
            result = row
        }
        return result
    }

    /// Runs a statement without rows to the end.
    private static func run<S: PostgresPreparedStatement>(
        _ statement: S, on connection: PostgresConnection, logger: Logger
    ) async throws where S.Row == () {
        for try await _ in try await connection.execute(statement, logger: logger) {}
    }
}
