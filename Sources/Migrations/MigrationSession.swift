import Logging
import PostgresNIO

/// One dedicated connection for the length of one ``Migrator`` operation.
///
/// The advisory lock is a session lock, so it must live on the same connection for the whole run;
/// the migrations run on that connection too, which keeps the order of events simple: lock,
/// read version, apply files one by one, unlock.
struct MigrationSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// `current_database()`, part of the lock key.
    let database: String
    /// `current_schema()`: where the bookkeeping table lives, as in golang-migrate.
    let schema: String
    /// The bookkeeping table's bare name.
    let table: String
    /// `server_version_num`, e.g. 150018.
    let serverVersion: Int

    /// `"schema"."table"`, quoted for SQL.
    var qualifiedTable: String { Self.quoteIdentifier(schema) + "." + Self.quoteIdentifier(table) }

    /// The lock key, derived like golang-migrate's.
    var lockKey: AdvisoryLockKey { AdvisoryLockKey(database: database, schema: schema, table: table) }

    /// Connects and learns the database, schema and server version.
    ///
    /// - Throws: ``MigrationError/connectionFailed(endpoint:reason:hint:)``.
    static func open(
        configuration: PostgresConnection.Configuration, table: String, logger: Logger
    ) async throws -> MigrationSession {
        let endpoint = Self.endpoint(of: configuration)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: configuration, id: Int.random(in: 1...Int(Int32.max)), logger: logger)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw Self.connectionFailure(error, endpoint: endpoint)
        }
        do {
            let rows = try await connection.query(
                "SELECT current_database(), current_schema(), current_setting('server_version_num')::int4",
                logger: logger)
            var identity: (String, String?, Int32)?
            for try await row in rows {
                identity = try row.decode((String, String?, Int32).self)
            }
            guard let identity else {
                throw MigrationError.databaseError(operation: "reading the current database", message: "no row")
            }
            guard let schema = identity.1 else {
                throw MigrationError.databaseError(
                    operation: "finding the current schema",
                    message: "search_path names no existing schema, so there is nowhere to keep \(table)")
            }
            return MigrationSession(
                connection: connection, logger: logger, database: identity.0, schema: schema, table: table,
                serverVersion: Int(identity.2))
        } catch {
            try? await connection.close()
            throw Self.databaseError(error, operation: "reading the current database")
        }
    }

    /// Closes the connection, which also releases the advisory lock if it is still held.
    func close() async {
        do {
            try await connection.close()
        } catch {
            logger.debug("closing the migration connection failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    // MARK: - Running SQL

    /// Runs one statement and reads whatever rows it returns.
    func execute(_ query: PostgresQuery) async throws {
        let rows = try await connection.query(query, logger: logger)
        for try await _ in rows {}
    }

    /// Runs one statement of the migrator's own, turning failures into
    /// ``MigrationError/databaseError(operation:message:)``.
    func execute(_ query: PostgresQuery, operation: String) async throws {
        do {
            try await execute(query)
        } catch {
            throw Self.databaseError(error, operation: operation)
        }
    }

    /// Runs `body` between `BEGIN` and `COMMIT`, rolling back when it throws.
    func inTransaction<T>(operation: String, _ body: () async throws -> T) async throws -> T {
        try await execute("BEGIN", operation: operation)
        let result: T
        do {
            result = try await body()
        } catch {
            await rollback()
            throw error
        }
        try await execute("COMMIT", operation: operation)
        return result
    }

    /// Best-effort `ROLLBACK` after a failure; the original error is what matters.
    func rollback() async {
        do {
            try await execute("ROLLBACK")
        } catch {
            logger.warning("ROLLBACK failed", metadata: ["error": "\(Self.message(of: error))"])
        }
    }

    // MARK: - Helpers

    /// Quotes an identifier for SQL (`my"table` becomes `"my""table"`).
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `host:port` or the socket path of a configuration, for messages.
    static func endpoint(of configuration: PostgresConnection.Configuration) -> String {
        if let host = configuration.host {
            let port = configuration.port ?? 5432
            return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
        return configuration.unixSocketPath ?? "the database"
    }
}
