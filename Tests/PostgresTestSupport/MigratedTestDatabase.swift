import Foundation
import Logging
import Migrations
import PostgresNIO

/// A database of its own for one test: created on ``PostgresTestServer``, migrated with the bank's
/// migrations, served by a running `PostgresClient`, and dropped when the test is done. Every test
/// gets its own, so tests run in parallel without seeing each other's rows.
///
/// ```swift
/// try await MigratedTestDatabase.with(namePrefix: "bankdb_test_", maxConnections: 6, budget: budget, logger: logger) { db in
///     _ = try await db.client.query("SELECT 1", logger: logger).collect()
/// }
/// ```
public struct MigratedTestDatabase: Sendable {
    /// The database's name, e.g. `bankdb_test_3f9c…`.
    public let name: String
    /// The URL of this database.
    public let url: DatabaseURL
    /// ``url`` as text, with the password, for settings such as a server's `DB_SOURCE`.
    public let urlString: String
    /// A running pool on this database.
    public let client: PostgresClient

    /// Creates and migrates (with `migrations`, the bank's by default; nil leaves it empty) a
    /// database named `namePrefix` plus a random suffix, runs `body` with a
    /// running client of at most `maxConnections` connections, then drops the database, whether
    /// `body` threw or not. First waits until `budget` has room for the pool, the admin connection
    /// and the migrator's.
    ///
    /// - Throws: ``PostgresUnreachable`` when the server does not answer, or what `body` threw.
    public static func with<T: Sendable>(
        namePrefix: String, maxConnections: Int, budget: ConnectionBudget, logger: Logger,
        migrations: String? = PostgresTestServer.migrationsFolder,
        _ body: @Sendable (MigratedTestDatabase) async throws -> T
    ) async throws -> T {
        let reserved = maxConnections + 2
        await budget.acquire(reserved)
        defer { Task { await budget.release(reserved) } }
        let server = try DatabaseURL(PostgresTestServer.urlString)
        let name = namePrefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin: PostgresConnection
        do {
            admin = try await PostgresConnection.connect(configuration: try server.connectionConfiguration(), id: 1, logger: logger)
        } catch {
            throw PostgresUnreachable(endpoint: server.endpointDescription, underlying: error)
        }
        _ = try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).collect()

        var url = server
        url.database = name
        let outcome: Result<T, any Error>
        do {
            if let migrations {
                let migrator = try Migrator(databaseURL: url, source: try MigrationSource(directory: migrations), logger: logger)
                _ = try await migrator.up()
            }
            var configuration = try url.clientConfiguration()
            configuration.options.maximumConnections = maxConnections
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            var text = URLComponents(string: PostgresTestServer.urlString)
            text?.path = "/\(name)"
            let database = MigratedTestDatabase(name: name, url: url, urlString: text?.string ?? "", client: client)
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

/// The test server did not answer; says how to start it.
public struct PostgresUnreachable: Error, CustomStringConvertible {
    public var endpoint: String
    public var underlying: any Error

    public var description: String {
        "PostgreSQL at \(endpoint) is not reachable; start it with `make start-postgres` (\(underlying))"
    }
}
