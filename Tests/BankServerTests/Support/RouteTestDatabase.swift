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
    static let defaultURL = "postgresql://root:secret@127.0.0.1:5432/simple_bank?sslmode=disable"
    static let logger = Logger(label: "route-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The route tests' share of the server's 200 connections (BankDBTests, in the same process, has its own).
    static let connectionBudget = ConnectionBudget(capacity: 50)
    static let migrationsFolder = repositoryRoot.appendingPathComponent("db/migration").path

    /// The server: `DATABASE_URL` (make test sets it), else the project's local cluster.
    static var serverURLString: String {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
    }

    static var serverURL: DatabaseURL {
        get throws { try DatabaseURL(serverURLString) }
    }

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
        let maxConnections = 3
        // The pool, the admin connection and the migrator's.
        let budget = maxConnections + 2
        await RouteTestDatabase.connectionBudget.acquire(budget)
        defer { Task { await RouteTestDatabase.connectionBudget.release(budget) } }
        let server = try serverURL
        let name = "bankserver_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin: PostgresConnection
        do {
            admin = try await PostgresConnection.connect(configuration: try server.connectionConfiguration(), id: 1, logger: logger)
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
            try await migrator.up()
            var configuration = try url.clientConfiguration()
            configuration.options.maximumConnections = maxConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            var text = URLComponents(string: serverURLString)
            text?.path = "/\(name)"
            let database = RouteTestDatabase(name: name, url: url, urlString: text?.string ?? "", client: client)
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
        _ = try? await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger).collect()
        try? await admin.close()
        return try outcome.get()
    }
}
