import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Migrations
import PostgresNIO
import PostgresTestSupport
import Testing

@testable import BankServer

/// The real application from ``buildApplication(config:options:)``: `/health` against the local
/// PostgreSQL (the server the Makefile starts) and `/openapi.yaml`.
@Suite("Application")
struct ApplicationTests {
    /// `DATABASE_URL` when set (as `make test` does), else the seed's database.
    static let databaseURL = PostgresTestServer.urlString

    static func config(databaseURL: String = databaseURL) throws -> ServerConfig {
        try ServerConfig(values: ["DB_SOURCE": databaseURL, "ENVIRONMENT": "test", "HTTP_SERVER_ADDRESS": "127.0.0.1:0"])
    }

    static func options(recorder: LogRecorder, openAPIPath: String? = nil) -> ApplicationOptions {
        var options = ApplicationOptions.testing(logger: recorder.makeLogger())
        options.openAPIDocumentPath = openAPIPath ?? repositoryRoot.appendingPathComponent("openapi.yaml").path
        return options
    }

    /// Fails the test, with the way out, when the local PostgreSQL cannot be reached.
    static func requirePostgres() async throws {
        let database = try DatabaseURL(databaseURL)
        var configuration = try database.connectionConfiguration()
        configuration.options.connectTimeout = .seconds(3)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "probe"))
            try await connection.close()
        } catch {
            Issue.record("PostgreSQL at \(database) is not reachable (\(String(reflecting: error))): run `make start-postgres`")
            throw error
        }
    }

    @Test("GET /health runs SELECT 1 on the real PostgreSQL: 200 {\"status\":\"ok\"}")
    func healthOK() async throws {
        try await Self.requirePostgres()
        let recorder = LogRecorder()
        let app = try await buildApplication(config: Self.config(), options: Self.options(recorder: recorder))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test("GET /health answers 503 problem JSON, in time, when the database is unreachable")
    func healthUnavailable() async throws {
        let recorder = LogRecorder()
        var options = Self.options(recorder: recorder)
        options.healthCheckTimeout = .milliseconds(500)
        // Port 1 on the loopback: nothing listens, so every connection attempt is refused.
        let config = try Self.config(databaseURL: "postgresql://root:secret@127.0.0.1:1/simple_bank?sslmode=disable")
        let app = try await buildApplication(config: config, options: options)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            // The check gave up at its own timeout (a pool that cannot connect would otherwise keep
            // the request waiting): it says so. No wall-clock bound: this machine may be loaded.
            #expect(recorder.records.contains { $0.level == .warning && $0.message == "health check: database did not answer in time" })
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(try TestApp.problem(response).detail == "database is unavailable")
        }
    }

    @Test("GET /openapi.yaml serves the committed file; unknown routes are 404 problems")
    func openAPI() async throws {
        let path = repositoryRoot.appendingPathComponent("openapi.yaml").path
        let expected = try #require(FileManager.default.contents(atPath: path))
        let app = try await buildApplication(config: Self.config(), options: Self.options(recorder: LogRecorder()))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml")
            #expect(Data(response.body.readableBytesView) == expected)
            #expect(String(buffer: response.body).hasPrefix("openapi: 3.1"))

            let unknown = try await client.execute(uri: "/accounts/nope/extra", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("without the OpenAPI file the server still starts and the route is a 404 problem")
    func openAPIMissing() async throws {
        let recorder = LogRecorder()
        let options = Self.options(recorder: recorder, openAPIPath: "/nonexistent/openapi.yaml")
        let app = try await buildApplication(config: Self.config(), options: options)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .notFound)
            #expect(try TestApp.problem(response).detail == "the OpenAPI document is not available on this server")
        }
        #expect(recorder.records.contains { $0.level == .warning && $0.message.contains("OpenAPI") })
    }

    @Test("start-up steps run with the dependencies before the server accepts requests")
    func beforeServerStarts() async throws {
        try await Self.requirePostgres()
        let ran = LockedFlag()
        var options = Self.options(recorder: LogRecorder())
        options.beforeServerStarts.append { dependencies in
            // The client is already running here, as migrations will need.
            let rows = try await dependencies.postgres.query("SELECT 1")
            for try await _ in rows {}
            ran.set()
        }
        let app = try await buildApplication(config: Self.config(), options: options)
        try await app.test(.router) { client in
            #expect(ran.value)
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
        }
    }

    @Test("the token maker comes from the configuration, and bad token settings are a ConfigError")
    func tokenConfiguration() async throws {
        var values = ["DB_SOURCE": Self.databaseURL, "ENVIRONMENT": "production"]
        await #expect(throws: ConfigError("TOKEN_PRIVATE_KEY is required when ENVIRONMENT=production: 64 hexadecimal characters (the Ed25519 seed)"))
        {
            _ = try await buildApplication(config: ServerConfig(values: values), options: Self.options(recorder: LogRecorder()))
        }
        values["ENVIRONMENT"] = "development"
        let recorder = LogRecorder()
        _ = try await buildApplication(config: ServerConfig(values: values), options: Self.options(recorder: recorder))
        #expect(recorder.records.contains { $0.level == .warning && $0.message.contains("TOKEN_PRIVATE_KEY is not set") })
    }
}

/// A flag set from a `@Sendable` closure.
final class LockedFlag: @unchecked Sendable {
    private var storage = false
    private let lock = NSLock()

    var value: Bool { lock.withLock { storage } }

    func set() { lock.withLock { storage = true } }
}

@Suite("Application over real HTTP")
struct LiveApplicationTests {
    @Test("over a socket: refused bodies do not break the connection for the next request")
    func live() async throws {
        try await ApplicationTests.requirePostgres()
        let app = try await buildApplication(config: ApplicationTests.config(), options: ApplicationTests.options(recorder: LogRecorder()))
        try await app.test(.live) { client in
            // The live test client reuses one HTTP/1 connection, so each request below also
            // checks that the server drained the body the previous one refused.
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: BankRequestContext.maximumBodySize + 1)
            let tooLarge = try await client.execute(uri: "/nope", method: .post, headers: [.contentType: "application/json"], body: big)
            #expect(tooLarge.status == .notFound)
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == #"{"status":"ok"}"#)
            // Not a bank route (GET /accounts/1 is one now, and would be 401 without a token).
            let unknown = try await client.execute(uri: "/no-such-resource/1", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType] == "application/problem+json")
        }
    }
}
