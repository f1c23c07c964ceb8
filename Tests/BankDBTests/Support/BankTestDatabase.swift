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
    static let defaultURL = "postgresql://root:secret@127.0.0.1:5432/simple_bank?sslmode=disable"
    static let logger = Logger(label: "bankdb-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    /// BankDBTests' share of the server's 200 connections.
    static let connectionBudget = ConnectionBudget(capacity: 120)
    /// The repository's migrations folder.
    static let migrationsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("db/migration").path

    /// The server: `DATABASE_URL` (make test sets it), else the project's local cluster.
    static var serverURL: DatabaseURL {
        get throws {
            let text = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
            return try DatabaseURL(text)
        }
    }

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
        // The pool, the admin connection and the migrator's.
        let budget = maxConnections + 2
        await BankTestDatabase.connectionBudget.acquire(budget)
        defer { Task { await BankTestDatabase.connectionBudget.release(budget) } }
        let server = try serverURL
        let name = "bankdb_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin: PostgresConnection
        do {
            admin = try await PostgresConnection.connect(
                configuration: try server.connectionConfiguration(), id: 1, logger: logger)
        } catch {
            Issue.record("PostgreSQL at \(server.endpointDescription) is not reachable; start it with `make start-postgres` (\(error))")
            throw error
        }
        _ = try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).collect()

        var url = server
        url.database = name
        let outcome: Result<T, any Error>
        do {
            let migrator = try Migrator(databaseURL: url, source: try MigrationSource(directory: migrationsFolder), logger: logger)
            _ = try await migrator.up()
            var configuration = try url.clientConfiguration()
            configuration.options.maximumConnections = maxConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            let database = BankTestDatabase(name: name, url: url, client: client)
            outcome = await withTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                do {
                    return .success(try await body(database))
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            outcome = .failure(error)
        }
        _ = try? await admin.query(
            PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger
        ).collect()
        try? await admin.close()
        return try outcome.get()
    }
}
