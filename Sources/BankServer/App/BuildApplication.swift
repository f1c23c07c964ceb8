import BankDB
import Hummingbird
import Logging
import Migrations
import PostgresNIO

/// Builds the bank server: the PostgreSQL client (run as a service of the application), the
/// router with the server's middleware, `GET /health`, `GET /openapi.yaml` and the bank API
/// (``BankRoutes``).
///
/// Run it with `try await app.runService()`, which also shuts down gracefully on SIGTERM and
/// SIGINT (the HTTP server stops accepting and finishes in-flight requests, then the database
/// client closes); tests use HummingbirdTesting's `app.test(.router) { client in … }`.
///
/// - Throws: ``ConfigError`` when the token settings cannot make a token maker, or the TLS files
///   of `DB_SOURCE` cannot be loaded.
public func buildApplication(config: ServerConfig, options: ApplicationOptions = ApplicationOptions()) async throws -> some ApplicationProtocol {
    let logger =
        options.logger
        ?? {
            var logger = Logger(label: "bank-server")
            logger.logLevel = config.logLevel
            return logger
        }()

    let tokenMaker: any TokenMaker
    if let configured = options.tokenMaker {
        tokenMaker = configured
    } else {
        do {
            let result = try await TokenMakerFactory.makeTokenMaker(config.token, environment: config.environment.rawValue)
            if let warning = result.warning { logger.warning("\(warning)") }
            tokenMaker = result.maker
        } catch {
            throw ConfigError(error.message)
        }
    }

    var clientConfiguration: PostgresClient.Configuration
    do {
        clientConfiguration = try config.database.clientConfiguration()
    } catch {
        // ServerConfig checked this already; a certificate file removed since is still a setting's fault.
        throw ConfigError("\(ServerConfig.Key.dbSource): \(error)")
    }
    clientConfiguration.options.usePool(connections: options.databaseConnections)
    let postgres = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
    let dependencies = BankServerDependencies(
        config: config,
        postgres: postgres,
        tokenMaker: tokenMaker,
        passwordHasher: options.passwordHasher,
        mailer: options.mailer ?? makeMailer(config: config.mail, logger: logger),
        logger: logger,
        store: options.store
    )

    let router = Router(context: BankRequestContext.self)
    // Middleware applies only to routes added after it, so it goes first.
    router.addBankMiddleware()
    HealthCheck(postgres: postgres, timeout: options.healthCheckTimeout).addRoute(to: router)
    OpenAPIDocument.load(path: options.openAPIDocumentPath, logger: logger).addRoute(to: router)
    BankRoutes.addRoutes(
        to: router, dependencies: dependencies, databaseTimeout: options.databaseTimeout,
        databaseTimeoutWhileUnreachable: options.databaseTimeoutWhileUnreachable)
    // Last: it needs every route, and applies only to requests that match none.
    router.addMethodNotAllowedResponses()

    var app = Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(config.httpServerAddress.host, port: config.httpServerAddress.port),
            serverName: "bank-server"
        ),
        logger: logger
    )
    app.addServices(postgres)
    // Added after the client, so a graceful shutdown stops the worker before the client closes.
    if options.runsJobWorker, config.mail.workers > 0 {
        var workerConfiguration = options.jobWorker
        workerConfiguration.concurrency = config.mail.workers
        app.addServices(
            makeJobWorker(
                config: config, postgres: postgres, store: dependencies.store, mailer: dependencies.mailer,
                configuration: workerConfiguration, logger: logger))
    }
    for step in options.beforeServerStarts {
        app.beforeServerStarts { try await step(dependencies) }
    }
    logger.info("bank server configured", metadata: ["config": .stringConvertible(config)])
    return app
}

/// The SMTP mailer when `SMTP_HOST` is set, else the ``LogMailer`` (development), saying so.
func makeMailer(config: MailConfig, logger: Logger) -> any Mailer {
    guard let smtp = config.smtp, let sender = config.sender else {
        logger.notice("SMTP_HOST is not set: verification links are written to this log, not mailed")
        return LogMailer(logger: logger)
    }
    return SMTPMailer(settings: smtp, sender: sender)
}

/// The worker that sends the queued verification mails, for the server and `bank-server worker`.
func makeJobWorker(
    config: ServerConfig, postgres: PostgresClient, store: any Store, mailer: any Mailer,
    configuration: JobWorkerConfiguration, logger: Logger
) -> JobWorker {
    let handler = VerifyEmailJobHandler(queries: store, mailer: mailer, publicBaseURL: config.publicBaseURL)
    return JobWorker(
        postgres: postgres, handlers: [handler], configuration: configuration,
        listenConfiguration: try? config.database.connectionConfiguration(), logger: logger)
}
