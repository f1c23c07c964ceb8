import Foundation
import Hummingbird

/// What the `bank-server` executable does: read the configuration (environment, then
/// `app.env`), build the application and run it until SIGTERM or SIGINT.
public enum BankServerMain {
    /// Runs the server; returns after a graceful shutdown.
    ///
    /// - Throws: ``ConfigError`` for bad settings (print it and exit non-zero), or the error
    ///   that stopped the server.
    public static func run(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        envFilePath: String? = ServerConfig.defaultEnvFilePath,
        options: ApplicationOptions = ApplicationOptions()
    ) async throws {
        let config = try ServerConfig.load(environment: environment, envFilePath: envFilePath)
        let app = try await buildApplication(config: config, options: options)
        try await app.runService()
    }
}
