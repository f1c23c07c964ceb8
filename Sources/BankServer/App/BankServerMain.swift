import Foundation
import Hummingbird

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
}
