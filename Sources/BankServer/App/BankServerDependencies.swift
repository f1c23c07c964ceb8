import BankDB
import Logging
import PostgresNIO

/// The long-lived objects the routes share, made once by ``buildApplication(config:options:)``
/// and handed to ``BankRoutes/addRoutes(to:dependencies:)`` and to the start-up steps.
public struct BankServerDependencies: Sendable {
    /// The server's settings.
    public let config: ServerConfig
    /// The connection pool; it runs as a service of the application, so it is usable from the
    /// routes and the start-up steps, and closes after the HTTP server on shutdown.
    public let postgres: PostgresClient
    /// Issues and verifies access and refresh tokens.
    public let tokenMaker: any TokenMaker
    /// bcrypt.
    public let passwordHasher: PasswordHasher
    /// Sends verification emails.
    public let mailer: any Mailer
    /// The server's logger (requests have their own, with the request id: `context.logger`).
    public let logger: Logger
    /// The bank's data layer the routes use: by default a BankDB `SQLStore` on ``postgres``;
    /// route tests pass a `MockStore` to force failures the database cannot be made to produce.
    public let store: any Store

    public init(
        config: ServerConfig,
        postgres: PostgresClient,
        tokenMaker: any TokenMaker,
        passwordHasher: PasswordHasher,
        mailer: any Mailer,
        logger: Logger,
        store: (any Store)? = nil
    ) {
        self.config = config
        self.postgres = postgres
        self.tokenMaker = tokenMaker
        self.passwordHasher = passwordHasher
        self.mailer = mailer
        self.logger = logger
        self.store = store ?? SQLStore(client: postgres, logger: logger)
    }
}
