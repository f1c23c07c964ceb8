import BankDB
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import PostgresTestSupport
import Testing

@testable import BankServer

/// The bank API through the real router (``BankRoutes`` behind the server's middleware), on a
/// fresh migrated database or on a `MockStore`, with a PASETO v4 token maker, bcrypt cost 4 and
/// a ``RecordingMailer``. Fixtures are written straight through the store; requests go through
/// ``APIClient``.
struct BankAPIHarness: Sendable {
    let store: any Store
    let tokenMaker: any TokenMaker
    let mailer: RecordingMailer
    let hasher = PasswordHasher(cost: 4)
    let config: ServerConfig
    /// The database, for direct SQL in test setup; nil over a `MockStore`.
    let database: RouteTestDatabase?
    let logRecorder = LogRecorder()
    /// How long a request may wait for the database before it answers 503.
    var databaseTimeout = ApplicationOptions.testDatabaseTimeout

    /// Runs `body` with a harness on a fresh migrated database.
    static func withDatabase(mailer: RecordingMailer = RecordingMailer(), _ body: @Sendable (BankAPIHarness, APIClient) async throws -> Void)
        async throws
    {
        try await RouteTestDatabase.with { database in
            let harness = try BankAPIHarness(store: database.store, mailer: mailer, database: database, postgres: database.client)
            try await harness.run(body)
        }
    }

    /// Runs `body` with a harness on `store` (no database; the pool is never started).
    static func withStore(
        _ store: any Store, databaseTimeout: Duration = ApplicationOptions.testDatabaseTimeout,
        _ body: @Sendable (BankAPIHarness, APIClient) async throws -> Void
    ) async throws {
        let unused = PostgresClient(
            configuration: .init(host: "127.0.0.1", port: 1, username: "unused", password: nil, database: nil, tls: .disable),
            backgroundLogger: RouteTestDatabase.logger)
        var harness = try BankAPIHarness(store: store, mailer: RecordingMailer(), database: nil, postgres: unused)
        harness.databaseTimeout = databaseTimeout
        try await harness.run(body)
    }

    private let postgres: PostgresClient

    private init(store: any Store, mailer: RecordingMailer, database: RouteTestDatabase?, postgres: PostgresClient) throws {
        self.store = store
        self.tokenMaker = PasetoV4PublicMaker(privateKey: Curve25519.Signing.PrivateKey())
        self.mailer = mailer
        self.database = database
        self.postgres = postgres
        self.config = try ServerConfig(values: [
            "DB_SOURCE": PostgresTestServer.defaultURL, "ENVIRONMENT": "test", "HTTP_SERVER_ADDRESS": "127.0.0.1:8080",
        ])
    }

    private func run(_ body: @Sendable (BankAPIHarness, APIClient) async throws -> Void) async throws {
        let dependencies = BankServerDependencies(
            config: config, postgres: postgres, tokenMaker: tokenMaker, passwordHasher: hasher, mailer: mailer,
            logger: logRecorder.makeLogger(), store: store)
        let router = Router(context: BankRequestContext.self)
        router.addBankMiddleware()
        BankRoutes.addRoutes(
            to: router, dependencies: dependencies, databaseTimeout: databaseTimeout,
            databaseTimeoutWhileUnreachable: databaseTimeout)
        let app = Application(router: router, logger: logRecorder.makeLogger())
        try await app.test(.router) { client in
            try await body(self, APIClient(client: client))
        }
    }

    /// Sends the queued mails as the server's job worker would (with the harness's mailer), and
    /// returns how many jobs ran.
    @discardableResult
    func deliverMail() async throws -> Int {
        let handler = VerifyEmailJobHandler(queries: store, mailer: mailer, publicBaseURL: config.publicBaseURL)
        let worker = JobWorker(postgres: postgres, handlers: [handler], logger: logRecorder.makeLogger())
        return try await worker.runDueJobs()
    }

    // MARK: Fixtures

    /// The password every fixture user has.
    static let password = "secret123"

    /// A user written straight to the database (role via SQL when not a depositor).
    @discardableResult
    func createUser(_ username: String, role: String = "depositor", email: String? = nil) async throws -> User {
        let hash = try await hasher.hash(Self.password)
        var user = try await store.createUser(
            username: username, hashedPassword: hash, fullName: "Test User", email: email ?? "\(username)@example.com")
        if role != "depositor" {
            try await sql("UPDATE users SET role = \(role) WHERE username = \(username)")
            user.role = role
        }
        return user
    }

    /// An account with `balance`, written straight to the database.
    func createAccount(owner: String, currency: String = "USD", balance: Int64 = 0) async throws -> Account {
        try await store.createAccount(owner: owner, balance: balance, currency: currency)
    }

    /// An access token for `username`, valid for `duration` (negative: already expired).
    func token(_ username: String, role: String = "depositor", duration: Duration = .seconds(60)) async throws -> String {
        try await tokenMaker.createToken(username: username, role: role, duration: duration).token
    }

    /// Runs one statement on the test database.
    @discardableResult
    func sql(_ query: PostgresQuery) async throws -> [PostgresRow] {
        guard let database else {
            Issue.record("direct SQL needs a database harness")
            return []
        }
        return try await database.execute(query)
    }
}

/// Sends requests to the router and checks, on every response, that no password hash leaks.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    /// Sends a request; `json` is the body as text (sent as `application/json`), `token` a bearer token.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil, headers extra: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestResponse {
        var headers = extra
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        // Every response of every route test: never the hash field, never a bcrypt hash.
        #expect(!text.contains("hashed_password"), "response leaks hashed_password: \(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("$2b$") && !text.contains("$2a$"), "response leaks a bcrypt hash: \(text)", sourceLocation: sourceLocation)
        return response
    }

    /// A JSON object as text, from a dictionary (values: String, Int, Int64, Bool, nested).
    static func json(_ object: [String: any Sendable]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

/// `value` after a trip through the API's JSON: what a response carrying it says. Timestamps
/// keep milliseconds on the wire, PostgreSQL stores microseconds, so compare this way.
func viaJSON<T: Codable>(_ value: T) throws -> T {
    try BankJSON.makeDecoder().decode(T.self, from: BankJSON.makeEncoder().encode(value))
}

extension TestResponse {
    /// The body decoded with the API's decoder (snake_case, RFC 3339).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try BankJSON.makeDecoder().decode(T.self, from: Data(body.readableBytesView))
    }

    /// The problem body's detail.
    var detail: String? {
        (try? JSONDecoder().decode(ProblemDetails.self, from: Data(body.readableBytesView)))?.detail
    }

    var text: String { String(buffer: body) }
}
