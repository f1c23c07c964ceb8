import BankDB
import Foundation
import PostgresLibPQ
import PostgresNIO

/// The hand-written operations of ``HandWritten`` over ``LibPQClient`` instead of PostgresNIO:
/// the same SQL texts (the generated statements'), the same prepared statements (BEGIN and COMMIT
/// included), round trips and lock order, and the same PostgresNIO decoders for the rows. What
/// differs is the wire client: libpq in non-blocking mode, one reactor thread for the pool.
enum HandWrittenLibPQ {
    /// Reads one account; nil when there is none.
    static func getAccount(_ client: LibPQClient, id: Int64) async throws -> HandWritten.AccountRow? {
        var parameters = LibPQParameters()
        try parameters.append(id)
        let result = try await client.withConnection { connection in
            try await connection.execute(
                statement: HandWritten.GetAccount.name, sql: HandWritten.GetAccount.sql,
                parameterTypes: HandWritten.GetAccount.bindingDataTypes, parameters: parameters)
        }
        guard result.rowCount > 0 else { return nil }
        return try account(result, row: 0)
    }

    /// ``HandWritten/transfer(_:from:to:amount:logger:)``'s transaction: BEGIN, both rows locked
    /// lower id first, the one statement that writes the transfer, entries and balances, COMMIT.
    static func transfer(_ client: LibPQClient, from: Int64, to: Int64, amount: Int64) async throws {
        try await client.withConnection { connection in
            try await run(HandWritten.Begin.self, on: connection)
            do {
                var lock = LibPQParameters()
                try lock.append(from)
                try lock.append(to)
                let locked = try await connection.execute(
                    statement: HandWritten.LockAccounts.name, sql: HandWritten.LockAccounts.sql,
                    parameterTypes: HandWritten.LockAccounts.bindingDataTypes, parameters: lock)
                guard locked.rowCount == 2 else { throw HandWritten.TransferFailed(description: "no such account") }
                let accounts = try (0..<2).map { try account(locked, row: $0) }
                guard accounts[0].3 == accounts[1].3 else { throw HandWritten.TransferFailed(description: "currency mismatch") }
                guard let source = accounts.first(where: { $0.0 == from }), source.2 >= amount else {
                    throw HandWritten.TransferFailed(description: "insufficient funds")
                }
                var post = LibPQParameters()
                try post.append(from)
                try post.append(to)
                try post.append(amount)
                let posted = try await connection.execute(
                    statement: HandWritten.PostTransfer.name, sql: HandWritten.PostTransfer.sql,
                    parameterTypes: HandWritten.PostTransfer.bindingDataTypes, parameters: post)
                guard posted.rowCount == 1 else { throw HandWritten.TransferFailed(description: "insufficient funds") }
                _ = try posted.decode(Int64.self, row: 0, column: 0)
            } catch {
                try? await run(HandWritten.Rollback.self, on: connection)
                throw error
            }
            try await run(HandWritten.Commit.self, on: connection)
        }
    }

    private static func account(_ result: LibPQResult, row: Int) throws -> HandWritten.AccountRow {
        (
            try result.decode(Int64.self, row: row, column: 0), try result.decode(String.self, row: row, column: 1),
            try result.decode(Int64.self, row: row, column: 2), try result.decode(String.self, row: row, column: 3),
            try result.decode(Date.self, row: row, column: 4)
        )
    }

    private static func run<S: HandWritten.Control>(_: S.Type, on connection: LibPQConnection) async throws {
        _ = try await connection.execute(statement: S.name, sql: S.sql, parameterTypes: [], parameters: LibPQParameters())
    }
}
