import Logging
import PostgresNIO

/// Runs the migrations of a ``MigrationSource`` against one PostgreSQL database, compatibly with
/// golang-migrate's bookkeeping table.
///
/// Every operation opens its own connection, takes the advisory lock (see ``AdvisoryLockKey``),
/// does its work and closes the connection again, so a `Migrator` is a plain value that can be
/// kept and shared freely. Nothing is printed: results are returned and failures are thrown as
/// ``MigrationError`` (or `CancellationError`).
///
/// ```swift
/// let migrator = try Migrator(
///     databaseURL: "postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable",
///     source: MigrationSource(directory: "db/migration"))
/// for migration in try await migrator.up() { logger.info("\(migration)") }
/// ```
public struct Migrator: Sendable {
    /// Tunables of a migrator.
    public struct Options: Sendable {
        /// How long to wait for another migrator's lock before failing; `nil` waits forever.
        ///
        /// The default (60 seconds) is longer than golang-migrate's 15 so that server replicas
        /// starting together wait for the one that migrates instead of failing.
        public var lockTimeout: Duration?

        /// The bookkeeping table, in the connection's current schema. golang-migrate's default is
        /// `schema_migrations`; its `x-migrations-table` URL parameter overrides this.
        public var migrationsTable: String

        /// Creates options.
        public init(lockTimeout: Duration? = .seconds(60), migrationsTable: String = "schema_migrations") {
            self.lockTimeout = lockTimeout
            self.migrationsTable = migrationsTable
        }
    }

    /// The migrations this migrator runs.
    public let source: MigrationSource

    /// The options in force.
    public let options: Options

    /// How to connect.
    let configuration: PostgresConnection.Configuration

    /// The URL with its password masked, used in recovery instructions; `nil` when the migrator
    /// was made from a configuration.
    let databaseURLDescription: String?

    let logger: Logger

    /// A logger that discards everything: the library stays silent unless given a logger.
    public static let silentLogger = Logger(label: "migrations", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates a migrator for a parsed URL; its `x-migrations-table` wins over `options`.
    ///
    /// - Throws: ``MigrationError/invalidTLSConfiguration(reason:)``.
    public init(
        databaseURL: DatabaseURL, source: MigrationSource, options: Options = Options(),
        logger: Logger = Migrator.silentLogger
    ) throws(MigrationError) {
        var options = options
        if let table = databaseURL.migrationsTable { options.migrationsTable = table }
        self.init(
            configuration: try databaseURL.connectionConfiguration(), source: source, options: options,
            logger: logger, databaseURLDescription: databaseURL.description)
    }

    /// Creates a migrator for a URL string such as `postgresql://root:secret@localhost/simple_bank`.
    ///
    /// - Throws: ``MigrationError/invalidDatabaseURL(url:reason:)``.
    public init(
        databaseURL: String, source: MigrationSource, options: Options = Options(),
        logger: Logger = Migrator.silentLogger
    ) throws(MigrationError) {
        try self.init(databaseURL: try DatabaseURL(databaseURL), source: source, options: options, logger: logger)
    }

    /// Creates a migrator for an existing PostgresNIO configuration, e.g. the one a server's
    /// `PostgresClient` is built from.
    public init(
        configuration: PostgresConnection.Configuration, source: MigrationSource, options: Options = Options(),
        logger: Logger = Migrator.silentLogger
    ) {
        self.init(
            configuration: configuration, source: source, options: options, logger: logger,
            databaseURLDescription: nil)
    }

    private init(
        configuration: PostgresConnection.Configuration, source: MigrationSource, options: Options, logger: Logger,
        databaseURLDescription: String?
    ) {
        self.configuration = configuration
        self.source = source
        self.options = options
        self.logger = logger
        self.databaseURLDescription = databaseURLDescription
    }

    /// Opens a session, takes the lock when asked, runs `body`, and always closes the session.
    func withSession<T>(locked: Bool = true, _ body: (MigrationSession) async throws -> T) async throws -> T {
        let session = try await MigrationSession.open(
            configuration: configuration, table: options.migrationsTable, logger: logger)
        do {
            if locked { try await session.acquireLock(timeout: options.lockTimeout) }
            let result = try await body(session)
            if locked { await session.releaseLock() }
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}
