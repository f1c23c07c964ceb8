import Foundation
import Migrations
import Testing

@testable import BankServer

@Suite("ServerConfig")
struct ServerConfigTests {
    static let source = "postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable"

    @Test("defaults: only DB_SOURCE is required")
    func defaults() throws {
        let config = try ServerConfig(values: ["DB_SOURCE": Self.source])
        #expect(config.environment == .development)
        #expect(config.database == (try DatabaseURL(Self.source)))
        #expect(config.migrationURL == "file://db/migration")
        #expect(config.httpServerAddress == HTTPServerAddress(host: "0.0.0.0", port: 8080))
        #expect(config.token.type == .pasetoV4Public)
        #expect(config.accessTokenDuration == .seconds(15 * 60))
        #expect(config.refreshTokenDuration == .seconds(24 * 3600))
        #expect(config.logLevel == .info)
    }

    @Test("every key is read")
    func allKeys() throws {
        let config = try ServerConfig(values: [
            "ENVIRONMENT": "Production", "DB_SOURCE": "postgres://u:p%40ss@db.example:6543/bank?sslmode=require",
            "MIGRATION_URL": "file:///srv/migrations", "HTTP_SERVER_ADDRESS": "[::1]:9090", "TOKEN_TYPE": "jwt",
            "TOKEN_SYMMETRIC_KEY": "12345678901234567890123456789012", "ACCESS_TOKEN_DURATION": "1h30m",
            "REFRESH_TOKEN_DURATION": "168h", "LOG_LEVEL": "DEBUG",
        ])
        #expect(config.environment == .production)
        #expect(config.database.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(config.database.user == "u")
        #expect(config.database.password == "p@ss")
        #expect(config.database.database == "bank")
        #expect(config.database.sslMode == .require)
        #expect(config.migrationURL == "file:///srv/migrations")
        #expect(config.httpServerAddress == HTTPServerAddress(host: "::1", port: 9090))
        #expect(config.token.type == .jwt)
        #expect(config.token.symmetricKey == "12345678901234567890123456789012")
        #expect(config.accessTokenDuration == .seconds(5400))
        #expect(config.refreshTokenDuration == .seconds(168 * 3600))
        #expect(config.logLevel == .debug)
    }

    @Test(
        "each missing or invalid value names its key",
        arguments: [
            (["DB_SOURCE": ""], "DB_SOURCE is required"),
            (["ACCESS_TOKEN_DURATION": "15 minutes"], #"ACCESS_TOKEN_DURATION: invalid duration "15 minutes" (use Go syntax such as 15m or 24h)"#),
            (["REFRESH_TOKEN_DURATION": "1d"], #"REFRESH_TOKEN_DURATION: invalid duration "1d" (use Go syntax such as 15m or 24h)"#),
            (["ACCESS_TOKEN_DURATION": "0"], #"ACCESS_TOKEN_DURATION: the duration must be positive (got "0")"#),
            (["REFRESH_TOKEN_DURATION": "-1h"], #"REFRESH_TOKEN_DURATION: the duration must be positive (got "-1h")"#),
            (["ENVIRONMENT": "prod"], #"ENVIRONMENT must be one of development, production, test (got "prod")"#),
            (["HTTP_SERVER_ADDRESS": "8080"], #"HTTP_SERVER_ADDRESS: expected host:port such as 0.0.0.0:8080 (got "8080")"#),
            (["HTTP_SERVER_ADDRESS": "localhost:http"], #"HTTP_SERVER_ADDRESS: expected host:port such as 0.0.0.0:8080 (got "localhost:http")"#),
            (["HTTP_SERVER_ADDRESS": "host:70000"], #"HTTP_SERVER_ADDRESS: expected host:port such as 0.0.0.0:8080 (got "host:70000")"#),
            (["TOKEN_TYPE": "paseto"], #"TOKEN_TYPE must be one of paseto-v4-public, paseto-v3-local, jwt (got "paseto")"#),
            (["LOG_LEVEL": "verbose"], #"LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical (got "verbose")"#),
        ]
    )
    func errors(overrides: [String: String], message: String) {
        var values = ["DB_SOURCE": Self.source]
        values.merge(overrides) { _, new in new }
        #expect(throws: ConfigError(message)) { try ServerConfig(values: values) }
    }

    @Test(
        "DB_SOURCE errors name the key, explain the problem and never show the password",
        arguments: [
            ("mysql://root:secret@localhost/db", "unsupported scheme 'mysql://'"),
            ("not a url at all", "missing scheme"),
            ("postgresql://root:secret@localhost:0/db", "invalid port '0'"),
            ("postgresql://root:secret@localhost/db?sslmode=maybe", "unknown sslmode 'maybe'"),
            ("postgresql://root:secret@localhost/db?password=secret&connect_timeout=soon", "connect_timeout 'soon'"),
            ("postgresql://root:secret@localhost/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "/nonexistent/ca.pem"),
        ]
    )
    func databaseErrors(source: String, fragment: String) {
        do {
            _ = try ServerConfig(values: ["DB_SOURCE": source])
            Issue.record("\(source) was accepted")
        } catch {
            #expect(error.message.hasPrefix("DB_SOURCE: "), "\(error.message)")
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(!error.message.contains("secret"), "\(error.message)")
        }
    }

    @Test("DB_SOURCE is read like migrate's -database: the pool gets its settings, startup parameters and all")
    func clientConfiguration() throws {
        let config = try ServerConfig(values: [
            "DB_SOURCE": "postgresql://root:s%40cret@127.0.0.1:6543/bank?sslmode=disable&application_name=bank-server"
                + "&x-migrations-table=bank_migrations"
        ])
        #expect(config.database.migrationsTable == "bank_migrations")
        let client = try config.database.clientConfiguration()
        #expect(client.host == "127.0.0.1")
        #expect(client.port == 6543)
        #expect(client.username == "root")
        #expect(client.password == "s@cret")
        #expect(client.database == "bank")
        // golang-migrate's x- options are for the migrator only; the rest goes to the server.
        #expect(client.options.additionalStartupParameters.map { "\($0.0)=\($0.1)" } == ["application_name=bank-server"])
    }

    @Test("descriptions never show the password or keys")
    func redacted() throws {
        let config = try ServerConfig(values: [
            "DB_SOURCE": Self.source, "TOKEN_SYMMETRIC_KEY": "12345678901234567890123456789012",
            "TOKEN_PRIVATE_KEY": String(repeating: "ab", count: 32),
        ])
        let text = "\(config)"
        #expect(!text.contains("secret"))
        #expect(!text.contains("1234567890"))
        #expect(!text.contains("abab"))
        #expect(text.contains("postgresql://root:****@localhost:5432/simple_bank?sslmode=disable"))
    }

    @Test("HTTP_SERVER_ADDRESS forms")
    func addresses() {
        #expect(HTTPServerAddress(parsing: "0.0.0.0:8080") == HTTPServerAddress(host: "0.0.0.0", port: 8080))
        #expect(HTTPServerAddress(parsing: ":8080") == HTTPServerAddress(host: "0.0.0.0", port: 8080))
        #expect(HTTPServerAddress(parsing: "localhost:0") == HTTPServerAddress(host: "localhost", port: 0))
        #expect(HTTPServerAddress(parsing: "[::]:80") == HTTPServerAddress(host: "::", port: 80))
        #expect(HTTPServerAddress(host: "::1", port: 80).description == "[::1]:80")
        for bad in ["", "8080", "host:", "::1:80", "[::1]", "[]:80", "a b:80", "host:-1", "host:+80", "host:８０"] {
            #expect(HTTPServerAddress(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("the environment wins over app.env; empty values fall through; unknown keys are ignored")
    func precedence() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("app-\(UUID().uuidString).env").path
        try """
        DB_SOURCE=postgresql://file@filehost/filedb
        HTTP_SERVER_ADDRESS=127.0.0.1:1111
        ACCESS_TOKEN_DURATION=5m
        REFRESH_TOKEN_DURATION=48h
        OTHER=ignored
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let config = try ServerConfig.load(
            environment: ["HTTP_SERVER_ADDRESS": "127.0.0.1:2222", "ACCESS_TOKEN_DURATION": "", "PATH": "/bin"],
            envFilePath: path
        )
        #expect(config.database.endpoint == .tcp(host: "filehost", port: 5432))
        #expect(config.httpServerAddress.port == 2222)
        #expect(config.accessTokenDuration == .seconds(300))
        #expect(config.refreshTokenDuration == .seconds(48 * 3600))
        #expect(ServerConfig.merge(environment: ["PATH": "/bin"], file: ["OTHER": "x"]).isEmpty)
    }

    @Test("without app.env, the environment alone; a broken app.env is an error naming the file")
    func loadWithoutFile() throws {
        let config = try ServerConfig.load(environment: ["DB_SOURCE": Self.source], envFilePath: "/nonexistent/app.env")
        #expect(config.database.database == "simple_bank")
        #expect(throws: ConfigError("DB_SOURCE is required")) {
            try ServerConfig.load(environment: [:], envFilePath: nil)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).env").path
        try "DB_SOURCE\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigError("\(path):1: expected KEY=VALUE")) {
            try ServerConfig.load(environment: [:], envFilePath: path)
        }
    }

    @Test("the committed app.env is a working development configuration")
    func committedAppEnv() async throws {
        let path = repositoryRoot.appendingPathComponent("app.env").path
        let config = try ServerConfig.load(environment: [:], envFilePath: path)
        #expect(config.environment == .development)
        #expect(config.database == (try DatabaseURL(Self.source)))
        #expect(config.httpServerAddress == HTTPServerAddress(host: "0.0.0.0", port: 8080))
        #expect(config.token.symmetricKey?.utf8.count == 32)
        #expect(config.accessTokenDuration == .seconds(900))
        #expect(config.refreshTokenDuration == .seconds(86_400))
        let result = try await TokenMakerFactory.makeTokenMaker(config.token, environment: config.environment.rawValue)
        #expect(result.maker is PasetoV4PublicMaker)
    }
}
