import BankDB
import Foundation
import Logging
import Migrations
import PostgresNIO
import PostgresTestSupport
import Testing

/// A fresh database with the bank's migrations applied, and a running `PostgresClient` on it.
/// Every test gets its own, so tests run in parallel without seeing each other's rows.
struct BankTestDatabase: Sendable {
    static let logger = Logger(label: "bankdb-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    /// BankDBTests' share of the server's 200 connections.
    static let connectionBudget = ConnectionBudget(capacity: 120)

    let name: String
    let url: DatabaseURL
    let client: PostgresClient

    var queries: Queries { Queries(client, logger: Self.logger) }

    /// A store on this database's pool.
    func store(
        isolation: IsolationLevel = .readCommitted, retryPolicy: RetryPolicy = .default,
        onRetry: (@Sendable (TransactionRetry) -> Void)? = nil
    ) -> SQLStore {
        SQLStore(client: client, logger: Self.logger, isolation: isolation, retryPolicy: retryPolicy, onRetry: onRetry)
    }

    /// Runs one statement outside the generated queries (test setup, invariant checks) and returns its rows.
    @discardableResult
    func execute(_ sql: String) async throws -> [PostgresRow] {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
    }

    /// The single bigint a statement returns, e.g. a `count(*)`.
    func int64(_ sql: String) async throws -> Int64 {
        guard let row = try await execute(sql).first else { return 0 }
        return try row.decode(Int64.self)
    }

    /// Creates a migrated database, runs `body` with a running client of at most `maxConnections`
    /// connections, then drops the database. Waits while the process holds too many connections.
    @discardableResult
    static func with<T: Sendable>(maxConnections: Int = 6, _ body: @Sendable (BankTestDatabase) async throws -> T) async throws -> T {
        try await MigratedTestDatabase.with(
            namePrefix: "bankdb_test_", maxConnections: maxConnections, budget: connectionBudget, logger: logger
        ) { database in
            try await body(BankTestDatabase(name: database.name, url: database.url, client: database.client))
        }
    }
}
