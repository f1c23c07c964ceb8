import BankDB
import Logging

/// What ``buildApplication(config:options:)`` takes besides the configuration: things a test or
/// a deployment may replace. Every property has a working default.
public struct ApplicationOptions: Sendable {
    /// The server's logger; by default `bank-server` at the configured `LOG_LEVEL`.
    public var logger: Logger?
    /// The token maker; by default built from the configuration by ``TokenMakerFactory``.
    public var tokenMaker: (any TokenMaker)?
    /// Sends verification emails; by default an ``SMTPMailer`` when `SMTP_HOST` is set, else a
    /// ``LogMailer``.
    public var mailer: (any Mailer)?
    /// Whether the server runs the job worker that sends the queued mails (`MAIL_WORKERS` of
    /// them; none when it is 0). Tests that drive the worker themselves turn it off.
    public var runsJobWorker = true
    /// The worker's lease, poll interval and backoff (its concurrency is `MAIL_WORKERS`).
    public var jobWorker = JobWorkerConfiguration()
    /// The data layer; by default an `SQLStore` on the configured database. Tests pass a
    /// `MockStore` to force failures.
    public var store: (any Store)?
    /// Password hashing (bcrypt cost 12 by default; tests use 4).
    public var passwordHasher = PasswordHasher()
    /// How many PostgreSQL connections the server may hold: one is kept open, the others are
    /// opened on demand (`usePool(connections:)` says why). A request that finds them all busy
    /// waits for one. On the 2-core benchmark host 4 to 20 connections cost the same CPU per request, and
    /// fewer let contended transfers queue in the pool rather than on row locks. Tests that start
    /// many servers use fewer.
    public var databaseConnections = 10
    /// The OpenAPI document served at `GET /openapi.yaml`, relative to the working directory
    /// (the repository root for `swift run` and `swift test`).
    public var openAPIDocumentPath = OpenAPIDocument.defaultPath
    /// How long `GET /health` waits for the database before answering 503.
    public var healthCheckTimeout: Duration = .seconds(2)
    /// How long a bank route may wait for the database (a pooled connection, its queries) before
    /// it answers 503 with `Retry-After`; the pool would otherwise keep a request waiting for as
    /// long as it retries connecting to a database that is away.
    public var databaseTimeout: Duration = ApplicationOptions.defaultDatabaseTimeout
    /// The same bound once a request has found the database away, until one succeeds again:
    /// requests fail fast during an outage and still get through as soon as the pool reconnects.
    public var databaseTimeoutWhileUnreachable: Duration = ApplicationOptions.defaultDatabaseTimeoutWhileUnreachable
    /// Work to do after the database client has started and before the server accepts
    /// connections, in order, e.g. applying migrations. A throwing step stops the start.
    public var beforeServerStarts: [@Sendable (BankServerDependencies) async throws -> Void] = []

    public init() {}

    /// 5 seconds: far beyond a healthy request, even a transfer retried after conflicts.
    public static let defaultDatabaseTimeout: Duration = .seconds(5)
    /// Half a second: a reconnect on the same host takes a few milliseconds.
    public static let defaultDatabaseTimeoutWhileUnreachable: Duration = .milliseconds(500)
}
