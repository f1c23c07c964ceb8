import BankDB
import Foundation
import PostgresNIO

/// The bank's two benchmarked operations written by hand on PostgresNIO, as a careful person would:
/// one `PostgresPreparedStatement` per SQL text with declared parameter types and a constant name
/// (postgres-nio's default name is `String(reflecting:)` of the type, on every call), rows decoded straight
/// into tuples, the transaction's BEGIN and COMMIT prepared too, and the same SQL, lock order and
/// pool as `SQLStore.transferTx` (the transfer's SQL texts are the generated statements', so they
/// cannot drift). It is the yardstick the generated code is held against.
enum HandWritten {
    /// An account row as the bank's `SELECT *` and `RETURNING *` list it.
    typealias AccountRow = (Int64, String, Int64, String, Date)

    struct GetAccount: PostgresPreparedStatement {
        static let name = "bank-bench.HandWritten.GetAccount"
        typealias Row = AccountRow
        static let sql = Queries.GetAccountStatement.sql
        static let bindingDataTypes: [PostgresDataType] = [.int8]
        var id: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Both accounts of a transfer, locked lower id first (the generated GetAccountPairForUpdate's SQL).
    struct LockAccounts: PostgresPreparedStatement {
        static let name = "bank-bench.HandWritten.LockAccounts"
        typealias Row = AccountRow
        static let sql = Queries.GetAccountPairForUpdateStatement.sql
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int8]
        var first: Int64
        var second: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(first)
            bindings.append(second)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// The transfer, both entries and both balances in one statement (the generated PostTransfer's SQL).
    struct PostTransfer: PostgresPreparedStatement {
        static let name = "bank-bench.HandWritten.PostTransfer"
        /// transfer id and time, entry ids and times, the two new balances.
        typealias Row = (Int64, Date, Int64, Date, Int64, Date, Int64, Int64)
        static let sql = Queries.PostTransferStatement.sql
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

    /// BEGIN, COMMIT and ROLLBACK as prepared statements: after the first use on a connection they
    /// cost a Bind/Execute instead of a Parse/Bind/Execute (pgbench `-M prepared` does the same).
    struct Begin: Control {
        static let name = "bank-bench.HandWritten.Begin"
        static let sql = "BEGIN ISOLATION LEVEL READ COMMITTED"
    }

    struct Commit: Control {
        static let name = "bank-bench.HandWritten.Commit"
        static let sql = "COMMIT"
    }

    struct Rollback: Control {
        static let name = "bank-bench.HandWritten.Rollback"
        static let sql = "ROLLBACK"
    }

    /// A transaction-control statement: no parameters, no rows.
    protocol Control: PostgresPreparedStatement where Row == () {}

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

    /// Moves `amount` from one account to another in one READ COMMITTED transaction of four round
    /// trips: BEGIN, both rows locked lower id first, one statement that writes the transfer, its
    /// entries and the balances, COMMIT.
    static func transfer(_ client: PostgresClient, from: Int64, to: Int64, amount: Int64, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await run(Begin(), on: connection, logger: logger)
            do {
                var accounts: [AccountRow] = []
                for try await row in try await connection.execute(LockAccounts(first: from, second: to), logger: logger) {
                    accounts.append(row)
                }
                guard accounts.count == 2 else { throw TransferFailed(description: "no such account") }
                guard accounts[0].3 == accounts[1].3 else { throw TransferFailed(description: "currency mismatch") }
                guard let source = accounts.first(where: { $0.0 == from }), source.2 >= amount else {
                    throw TransferFailed(description: "insufficient funds")
                }
                guard try await first(PostTransfer(from: from, to: to, amount: amount), on: connection, logger: logger) != nil else {
                    throw TransferFailed(description: "insufficient funds")
                }
            } catch {
                try? await run(Rollback(), on: connection, logger: logger)
                throw error
            }
            try await run(Commit(), on: connection, logger: logger)
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

extension HandWritten.Control {
    static var bindingDataTypes: [PostgresDataType] { [] }
    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
    func decodeRow(_ row: PostgresRow) throws -> Row { () }
}
