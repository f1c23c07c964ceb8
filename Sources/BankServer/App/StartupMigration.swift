import Foundation
import Logging
import Migrations

/// Brings the database up to date before the server accepts connections: applies the pending
/// migrations of `MIGRATION_URL` to `DB_SOURCE`, as the reference server does at start, so a
/// fresh database or a new release needs no separate `migrate` run.
///
/// Several replicas may start at once: the `Migrator` holds a PostgreSQL advisory lock while it
/// works, so one replica migrates, the others wait for it (up to ``lockTimeout``) and then find
/// nothing left to do. ``BankServerMain`` runs this as the first `beforeServerStarts` step, after
/// the connection pool has started and before the HTTP server binds; a failure stops the start.
public struct StartupMigration: Sendable {
    /// The database to migrate.
    public var database: DatabaseURL
    /// The migration files: `file://path` (golang-migrate's form) or a plain path, relative to
    /// the working directory unless absolute.
    public var migrationURL: String
    /// How long to wait for another replica's migration lock; nil waits forever.
    public var lockTimeout: Duration?

    /// Migrates `database` with the files at `migrationURL`.
    public init(database: DatabaseURL, migrationURL: String, lockTimeout: Duration? = .seconds(60)) {
        self.database = database
        self.migrationURL = migrationURL
        self.lockTimeout = lockTimeout
    }

    /// Migrates `DB_SOURCE` with the files at `MIGRATION_URL`.
    public init(config: ServerConfig) {
        self.init(database: config.database, migrationURL: config.migrationURL)
    }

    /// Applies every pending migration, logging each one (`migrated to version 5:
    /// add_role_to_users`) or that the database is up to date.
    ///
    /// Each file runs in its own transaction, so a failure leaves the database at the last version
    /// that succeeded, not half-migrated.
    ///
    /// - Returns: The migrations applied, oldest first; empty when there was nothing to do.
    /// - Throws: ``StartupMigrationError``, after logging it.
    @discardableResult
    public func run(logger: Logger) async throws(StartupMigrationError) -> [AppliedMigration] {
        logger.info(
            "checking database migrations",
            metadata: ["migrations": .string(migrationURL), "database": .stringConvertible(database)]
        )
        do {
            let source = try MigrationSource(directory: migrationURL)
            let migrator = try Migrator(
                databaseURL: database,
                source: source,
                options: Migrator.Options(lockTimeout: lockTimeout),
                logger: Self.migratorLogger(from: logger)
            )
            let applied = try await migrator.up { migration in
                logger.info(
                    "migrated to version \(migration.version): \(migration.title)",
                    metadata: ["duration": .string(Self.milliseconds(migration.duration))]
                )
            }
            if applied.isEmpty {
                logger.info(
                    "database is up to date",
                    metadata: ["version": .string(source.latestVersion.map { "\($0)" } ?? "none")]
                )
            }
            return applied
        } catch {
            let failure = StartupMigrationError(error, migrationURL: migrationURL)
            logger.error("database migration failed; the server will not start", metadata: ["error": .string(failure.message)])
            throw failure
        }
    }

    /// The logger handed to the migrator. It reports every file at `info` in golang-migrate's form
    /// (`5/u add_role_to_users (3.1ms)`), which would repeat the line ``run(logger:)`` writes, so
    /// only its warnings get through unless the server logs at `debug` or finer, where its detail
    /// (lock taken, statements run) is worth the repetition.
    static func migratorLogger(from logger: Logger) -> Logger {
        var migratorLogger = logger
        migratorLogger[metadataKey: "component"] = "migrations"
        if migratorLogger.logLevel > .debug {
            migratorLogger.logLevel = max(migratorLogger.logLevel, .notice)
        }
        return migratorLogger
    }

    /// `12.3ms`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        return String(format: "%.1fms", value)
    }
}
