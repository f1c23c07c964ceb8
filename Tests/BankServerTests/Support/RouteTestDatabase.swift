import BankDB
import Foundation
import Logging
import Migrations
import PostgresNIO
import PostgresTestSupport
import Testing

/// A fresh database with the bank's migrations applied and a running `PostgresClient` on it,
/// one per test, so route tests run in parallel without seeing each other's rows.
struct RouteTestDatabase: Sendable {
    static let logger = Logger(label: "route-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The route tests' share of the server's 200 connections (BankDBTests, in the same process, has its own).
    static let connectionBudget = ConnectionBudget(capacity: 50)

    let name: String
    let url: DatabaseURL
    /// The URL as text (with the password), for a `DB_SOURCE`.
    let urlString: String
    let client: PostgresClient

    /// A store on this database's pool.
    var store: SQLStore { SQLStore(client: client, logger: Self.logger) }

    /// Runs one statement outside the generated queries (test setup) and returns its rows.
    @discardableResult
    func execute(_ sql: PostgresQuery) async throws -> [PostgresRow] {
        try await client.query(sql, logger: Self.logger).collect()
    }

    /// Creates a migrated database, runs `body` with a running client, then drops the database.
    @discardableResult
    static func with<T: Sendable>(_ body: @Sendable (RouteTestDatabase) async throws -> T) async throws -> T {
        try await MigratedTestDatabase.with(namePrefix: "bankserver_test_", maxConnections: 3, budget: connectionBudget, logger: logger) {
            database in
            try await body(
                RouteTestDatabase(name: database.name, url: database.url, urlString: database.urlString, client: database.client))
        }
    }
}
