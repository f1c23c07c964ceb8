import Foundation
import Logging
import Migrations
import PostgresNIO
import PostgresTestSupport
import Testing

/// A database created on the test server for one test and dropped after it, so tests that
/// migrate or start a server never meet each other's schema.
///
/// The server is `DATABASE_URL` (as `make test` sets it) or the local cluster of
/// `make start-postgres`.
struct ScratchDatabase: Sendable {
    /// The test server's URL.
    static let serverURL = PostgresTestServer.urlString

    private static let logger = Logger(label: "scratch-database", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The database's name.
    let name: String
    /// Its URL, password included: a `DB_SOURCE` for a server under test.
    let urlString: String

    /// Creates a database with a random name, runs `body`, and drops the database whatever happened.
    static func with<T: Sendable>(_ body: (ScratchDatabase) async throws -> T) async throws -> T {
        let admin = try await connect(serverURL)
        let name = "bank_server_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await execute("CREATE DATABASE \(name)", on: admin)
        } catch {
            try? await admin.close()
            throw error
        }
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(ScratchDatabase(name: name, urlString: urlString(database: name))))
        } catch {
            outcome = .failure(error)
        }
        // FORCE: a server the test failed to stop may still hold connections.
        try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
        try? await admin.close()
        return try outcome.get()
    }

    /// `serverURL` with its database name replaced, keeping the password and the query.
    static func urlString(database: String) -> String {
        let base = serverURL
        guard let schemeEnd = base.range(of: "://") else { return base }
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let queryStart = base[authorityEnd...].firstIndex(of: "?") ?? base.endIndex
        return String(base[..<authorityEnd]) + "/" + database + String(base[queryStart...])
    }

    /// The row of `schema_migrations`, or nil when the table is empty or missing.
    func schemaVersion() async throws -> SchemaVersion? {
        let connection = try await Self.connect(urlString)
        let result: Result<SchemaVersion?, any Error>
        do {
            result = .success(try await Self.readVersion(on: connection))
        } catch {
            result = .failure(error)
        }
        try? await connection.close()
        return try result.get()
    }

    private static func readVersion(on connection: PostgresConnection) async throws -> SchemaVersion? {
        let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
            .collect().first?.decode(Bool.self)
        guard exists == true else { return nil }
        let rows = try await connection.query("SELECT version, dirty FROM schema_migrations", logger: logger).collect()
        return try rows.first.map {
            let (version, dirty) = try $0.decode((Int64, Bool).self)
            return SchemaVersion(version: version, dirty: dirty)
        }
    }

    /// Refuses new connections to this database and ends the open ones, as if it went away,
    /// while the test server itself keeps running.
    func cutOff() async throws {
        let admin = try await Self.connect(Self.serverURL)
        do {
            try await Self.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS false", on: admin)
            try await Self.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()",
                on: admin
            )
        } catch {
            try? await admin.close()
            throw error
        }
        try? await admin.close()
    }

    /// Connects, failing with the way out when the server is down.
    static func connect(_ url: String) async throws -> PostgresConnection {
        var configuration = try DatabaseURL(url).connectionConfiguration()
        configuration.options.connectTimeout = .seconds(5)
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            let masked = (try? DatabaseURL(url).description) ?? "the test server"
            Issue.record("PostgreSQL at \(masked) is not reachable (\(String(reflecting: error))): run `make start-postgres`")
            throw error
        }
    }

    private static func execute(_ sql: String, on connection: PostgresConnection) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }
}
