import BankDB
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle

/// What the `bank-server` executable does: read the configuration (environment, then
/// `app.env`), build the application, bring the database up to date and run until SIGTERM or
/// SIGINT.
public enum BankServerMain {
    /// Reads the configuration, then runs the server as ``run(config:options:migratesDatabase:)``
    /// does; returns after a graceful shutdown.
    ///
    /// - Throws: ``ConfigError`` for bad settings (print it and exit non-zero),
    ///   ``StartupMigrationError`` when the database cannot be migrated, or the error that
    ///   stopped the server.
    public static func run(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        envFilePath: String? = ServerConfig.defaultEnvFilePath,
        options: ApplicationOptions = ApplicationOptions()
    ) async throws {
        let config = try ServerConfig.load(environment: environment, envFilePath: envFilePath)
        try await run(config: config, options: options)
    }

    /// Runs the server with settings already read; returns after a graceful shutdown (the HTTP
    /// server stops accepting, finishes the requests in flight, then the database pool closes).
    ///
    /// - Parameter migratesDatabase: Whether to apply pending migrations (``StartupMigration``)
    ///   before the server accepts connections. It runs before the steps in `options`, which may
    ///   then rely on the current schema.
    /// - Throws: ``ConfigError``, ``StartupMigrationError``, or the error that stopped the server.
    public static func run(
        config: ServerConfig,
        options: ApplicationOptions = ApplicationOptions(),
        migratesDatabase: Bool = true
    ) async throws {
        var options = options
        if migratesDatabase {
            options.beforeServerStarts.insert(
                { dependencies in
                    try await StartupMigration(config: dependencies.config).run(logger: dependencies.logger)
                },
                at: 0
            )
        }
        let app = try await buildApplication(config: config, options: options)
        try await app.runService()
        // Hummingbird logs the start; say when the shutdown is complete, for whoever waits on it.
        app.logger.info("bank server stopped")
    }

    /// Runs only the job worker (`bank-server worker`): it sends the queued mails with
    /// `MAIL_WORKERS` (at least 1) at a time until SIGTERM or SIGINT, then finishes the sends in
    /// flight. It does not migrate: the servers do that.
    ///
    /// - Throws: ``ConfigError``, or the error that stopped the worker.
    public static func runWorker(config: ServerConfig, mailer: (any Mailer)? = nil, logger: Logger? = nil) async throws {
        let logger =
            logger
            ?? {
                var logger = Logger(label: "bank-worker")
                logger.logLevel = config.logLevel
                return logger
            }()
        var clientConfiguration: PostgresClient.Configuration
        do {
            clientConfiguration = try config.database.clientConfiguration()
        } catch {
            throw ConfigError("\(ServerConfig.Key.dbSource): \(error)")
        }
        let concurrency = max(1, config.mail.workers)
        // One connection per send; LISTEN has its own.
        clientConfiguration.options.usePool(connections: concurrency)
        let postgres = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        let worker = makeJobWorker(
            config: config, postgres: postgres, store: SQLStore(client: postgres, logger: logger),
            mailer: mailer ?? makeMailer(config: config.mail, logger: logger),
            configuration: JobWorkerConfiguration(concurrency: concurrency), logger: logger)
        logger.info("bank worker configured", metadata: ["config": .stringConvertible(config)])
        let group = ServiceGroup(
            configuration: .init(services: [postgres, worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("bank worker stopped")
    }
}
