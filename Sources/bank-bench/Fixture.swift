import Foundation
import Logging
import Migrations
import PostgresNIO

/// The benchmark database: created when missing, migrated, and seeded with `accountCount` users
/// and USD accounts (ids 1…accountCount) rich enough that no transfer can overdraw.
struct Fixture: Sendable {
    /// How many accounts the data workloads pick from.
    static let accountCount = 10_000
    /// Every seeded balance: a billion minor units, far above what a run can move.
    static let seedBalance: Int64 = 1_000_000_000

    var url: DatabaseURL
    var migrationsDirectory: String
    var logger: Logger

    /// A snapshot of the bank's books, for the money invariant.
    struct Books: Sendable {
        var total: Int64
        var negativeBalances: Int64
        var transfers: Int64
        var entries: Int64
    }

    /// Creates, migrates and seeds the database as needed; returns a line saying what it did.
    func prepare() async throws -> String {
        try await createDatabaseIfMissing()
        let migrator = try Migrator(databaseURL: url, source: try MigrationSource(directory: migrationsDirectory))
        _ = try await migrator.up()
        return try await withConnection { connection in
            let seeded = try await scalar(
                "SELECT count(*) FROM accounts WHERE id BETWEEN 1 AND \(Self.accountCount) "
                    + "AND owner LIKE 'bench\\_%' AND currency = 'USD'",
                on: connection)
            if seeded == Int64(Self.accountCount) {
                return "fixture: reusing \(Self.accountCount) seeded accounts"
            }
            // Anything else in the way (a partial seed, test data) goes: ids must be 1…accountCount.
            try await execute(
                "TRUNCATE users, accounts, entries, transfers, sessions, verify_emails RESTART IDENTITY CASCADE",
                on: connection)
            try await execute(
                """
                INSERT INTO users (username, hashed_password, full_name, email)
                SELECT 'bench_' || lpad(g::text, 5, '0'), 'not-a-hash', 'Bench User', 'bench_' || g || '@example.com'
                FROM generate_series(1, \(Self.accountCount)) AS g
                """, on: connection)
            try await execute(
                """
                INSERT INTO accounts (owner, balance, currency)
                SELECT 'bench_' || lpad(g::text, 5, '0'), \(Self.seedBalance), 'USD'
                FROM generate_series(1, \(Self.accountCount)) AS g ORDER BY g
                """, on: connection)
            try await execute("ANALYZE", on: connection)
            return "fixture: seeded \(Self.accountCount) users and accounts"
        }
    }

    /// The books right now.
    func books() async throws -> Books {
        try await withConnection { connection in
            let rows = try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT coalesce(sum(balance), 0)::bigint, count(*) FILTER (WHERE balance < 0),
                               (SELECT count(*) FROM transfers), (SELECT count(*) FROM entries)
                        FROM accounts
                        """), logger: logger
            ).collect()
            let (total, negative, transfers, entries) = try rows[0].decode((Int64, Int64, Int64, Int64).self)
            return Books(total: total, negativeBalances: negative, transfers: transfers, entries: entries)
        }
    }

    /// The seeded accounts' ids and owners, by id.
    func accountOwners() async throws -> [(Int64, String)] {
        try await withConnection { connection in
            let rows = try await connection.query(
                "SELECT id, owner FROM accounts WHERE id BETWEEN 1 AND \(Int64(Self.accountCount)) ORDER BY id", logger: logger
            ).collect()
            return try rows.map { try $0.decode((Int64, String).self) }
        }
    }

    /// The server's version string, e.g. `15.18 (Debian 15.18-0+deb12u1)`.
    func serverVersion() async throws -> String {
        try await withConnection { connection in
            let rows = try await connection.query("SHOW server_version", logger: logger).collect()
            return try rows[0].decode(String.self)
        }
    }

    /// Runs `body` on a fresh connection to the benchmark database.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await Self.withConnection(try url.connectionConfiguration(), logger: logger, body)
    }

    /// Runs one statement (no parameters) on `connection`.
    func execute(_ sql: String, on connection: PostgresConnection) async throws {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }

    /// The first column of the first row, as an integer.
    func scalar(_ sql: String, on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        return try rows.first?.decode(Int64.self) ?? 0
    }

    private func createDatabaseIfMissing() async throws {
        guard let name = url.database, !name.isEmpty else { return }
        var admin = url
        admin.database = "postgres"
        try await Self.withConnection(try admin.connectionConfiguration(), logger: logger) { connection in
            let exists = try await scalar(
                "SELECT count(*) FROM pg_database WHERE datname = '\(name.replacingOccurrences(of: "'", with: "''"))'",
                on: connection)
            if exists == 0 {
                try await execute("CREATE DATABASE \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"", on: connection)
            }
        }
    }

    private static func withConnection<T: Sendable>(
        _ configuration: PostgresConnection.Configuration, logger: Logger, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
