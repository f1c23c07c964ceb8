import Foundation
import Logging
import PostgresNIO
import Testing

@testable import Migrations

/// The server the tests use: `DATABASE_URL`, or the project's local cluster.
enum TestServer {
    static let defaultURL = "postgresql://root:secret@127.0.0.1:5432/simple_bank?sslmode=disable"

    static var urlString: String {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
    }

    /// At most this many test databases exist at once, to stay well below `max_connections`
    /// when Swift Testing starts every test together (other engineers share the server).
    static let limiter = ConcurrencyLimiter(limit: 4)

    static let logger = Logger(label: "migrations-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// `urlString` with its database name replaced, keeping the password and parameters.
    static func urlString(database: String) -> String {
        let base = urlString
        guard let schemeEnd = base.range(of: "://") else { return base }
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
        let queryStart = base[authorityEnd...].firstIndex(of: "?") ?? base.endIndex
        return String(base[..<authorityEnd]) + "/" + database + String(base[queryStart...])
    }

    /// Connects to the server's administrative database, failing with what to do when it is down.
    static func connectAdmin() async throws -> PostgresConnection {
        do {
            let configuration = try DatabaseURL(urlString).connectionConfiguration()
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            let reason =
                (error as? MigrationError)
                ?? MigrationSession.connectionFailure(
                    error, endpoint: (try? DatabaseURL(urlString))?.endpointDescription ?? "the server")
            throw ServerUnavailable(url: urlString, reason: String(describing: reason))
        }
    }
}

/// Thrown when the test server cannot be reached: the test fails (never skips) and says why.
struct ServerUnavailable: Error, CustomStringConvertible {
    var url: String
    var reason: String
    var description: String {
        let start = reason.contains("make start-postgres") ? "" : " Start it with `make start-postgres`."
        return "the test server is not reachable: \(reason).\(start) "
            + "Tests use DATABASE_URL (default \(DatabaseURL.maskingPassword(in: TestServer.defaultURL)))."
    }
}

/// A freshly created database, dropped when the test ends.
struct TestDatabase: Sendable {
    /// The database's name.
    let name: String
    /// The URL as a string, password included (for the CLI).
    let urlString: String
    /// The parsed URL.
    let url: DatabaseURL
    /// An open connection for the test's own checks.
    let connection: PostgresConnection

    /// Creates a database with a random name, runs `body`, then drops it whatever happened.
    static func with<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        await TestServer.limiter.acquire()
        do {
            let result = try await create(body)
            await TestServer.limiter.release()
            return result
        } catch {
            await TestServer.limiter.release()
            throw error
        }
    }

    private static func create<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let admin = try await TestServer.connectAdmin()
        let name = "migrations_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            _ = try await admin.query(
                PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: TestServer.logger
            ).collect()
        } catch {
            try? await admin.close()
            throw error
        }
        let urlString = TestServer.urlString(database: name)
        let outcome: Result<T, any Error>
        do {
            let url = try DatabaseURL(urlString)
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 2, logger: TestServer.logger)
            let database = TestDatabase(name: name, urlString: urlString, url: url, connection: connection)
            do {
                outcome = .success(try await body(database))
            } catch {
                outcome = .failure(error)
            }
            try? await connection.close()
        } catch {
            try? await admin.close()
            throw error
        }
        _ = try? await admin.query(
            PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: TestServer.logger
        ).collect()
        try? await admin.close()
        return try outcome.get()
    }

    /// A migrator for this database.
    func migrator(
        _ source: MigrationSource, lockTimeout: Duration? = .seconds(60), table: String = "schema_migrations"
    ) throws -> Migrator {
        try Migrator(
            databaseURL: url, source: source,
            options: Migrator.Options(lockTimeout: lockTimeout, migrationsTable: table))
    }

    // MARK: - Checks

    /// Runs a statement.
    func execute(_ sql: String) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestServer.logger).collect()
    }

    /// The first column of the first row, decoded as `T`.
    func scalar<T: PostgresDecodable>(_ sql: String, as type: T.Type = T.self) async throws -> T? {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TestServer.logger).collect()
        return try rows.first?.decode(T.self)
    }

    /// The tables of the public schema, sorted.
    func tables() async throws -> [String] {
        let rows = try await connection.query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", logger: TestServer.logger
        ).collect()
        return try rows.map { try $0.decode(String.self) }
    }

    /// The columns of a table, sorted.
    func columns(of table: String) async throws -> [String] {
        let rows = try await connection.query(
            """
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = \(table) ORDER BY 1
            """, logger: TestServer.logger
        ).collect()
        return try rows.map { try $0.decode(String.self) }
    }

    /// Whether a constraint with this name exists.
    func hasConstraint(_ name: String) async throws -> Bool {
        try await scalar("SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '\(name)')") ?? false
    }

    /// The rows of `schema_migrations` (or another bookkeeping table).
    func bookkeeping(_ table: String = "schema_migrations") async throws -> [SchemaVersion] {
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT version, dirty FROM \(table) ORDER BY version"), logger: TestServer.logger
        ).collect()
        return try rows.map {
            let (version, dirty) = try $0.decode((Int64, Bool).self)
            return SchemaVersion(version: version, dirty: dirty)
        }
    }
}

/// A counting semaphore for async code.
actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
