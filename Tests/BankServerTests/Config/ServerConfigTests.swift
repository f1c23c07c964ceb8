import Foundation
import Testing

@testable import BankServer

@Suite("ServerConfig")
struct ServerConfigTests {
    static let source = "postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable"

    @Test("defaults: only DB_SOURCE is required")
    func defaults() throws {
        let config = try ServerConfig(values: ["DB_SOURCE": Self.source])
        #expect(config.environment == .development)
        #expect(
            config.database
                == DatabaseConfiguration(host: "localhost", username: "root", password: "secret", database: "simple_bank", tlsMode: .disable))
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
        #expect(
            config.database
                == DatabaseConfiguration(host: "db.example", port: 6543, username: "u", password: "p@ss", database: "bank", tlsMode: .require))
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
        "DB_SOURCE errors never show the password",
        arguments: [
            (
                "mysql://root:secret@localhost/db",
                #"DB_SOURCE: unsupported scheme "mysql" (expected postgresql://user:password@host:port/database?sslmode=disable)"#
            ),
            ("not a url at all", "DB_SOURCE: not a URL (expected postgresql://user:password@host:port/database?sslmode=disable)"),
            ("postgresql:///simple_bank", "DB_SOURCE: the host is missing (expected postgresql://user:password@host:port/database?sslmode=disable)"),
            (
                "postgresql://localhost/simple_bank",
                "DB_SOURCE: the user name is missing (expected postgresql://user:password@host:port/database?sslmode=disable)"
            ),
            ("postgresql://root:secret@localhost:0/db", "DB_SOURCE: the port must be between 1 and 65535"),
            (
                "postgresql://root:secret@localhost/db?sslmode=maybe",
                #"DB_SOURCE: unsupported sslmode "maybe" (use disable, allow, prefer, require, verify-ca or verify-full)"#
            ),
        ]
    )
    func databaseErrors(source: String, message: String) {
        #expect(throws: ConfigError(message)) { try ServerConfig(values: ["DB_SOURCE": source]) }
    }

    @Test("sslmode maps onto PostgresNIO's TLS modes; prefer by default, as in libpq")
    func sslModes() throws {
        let cases: [(String, DatabaseConfiguration.TLSMode)] = [
            ("", .prefer), ("?sslmode=disable", .disable), ("?sslmode=allow", .prefer), ("?sslmode=prefer", .prefer),
            ("?sslmode=require", .require), ("?sslmode=verify-ca", .verifyCA), ("?sslmode=verify-full", .require),
            ("?application_name=bank&sslmode=disable", .disable),
        ]
        for (query, mode) in cases {
            #expect(try DatabaseConfiguration(url: "postgresql://root@localhost/db" + query).tlsMode == mode)
        }
        let noDatabase = try DatabaseConfiguration(url: "postgres://root@[::1]")
        #expect(noDatabase.host == "::1")
        #expect(noDatabase.port == 5432)
        #expect(noDatabase.database == nil)
        #expect(noDatabase.password == nil)
        let client = try DatabaseConfiguration(url: Self.source).makeClientConfiguration()
        #expect(client.host == "localhost")
        #expect(client.port == 5432)
        #expect(client.username == "root")
        #expect(client.password == "secret")
        #expect(client.database == "simple_bank")
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
        #expect(text.contains("postgresql://root:<redacted>@localhost:5432/simple_bank?sslmode=disable"))
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
        #expect(config.database.host == "filehost")
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
        #expect(
            config.database
                == DatabaseConfiguration(host: "localhost", username: "root", password: "secret", database: "simple_bank", tlsMode: .disable))
        #expect(config.httpServerAddress == HTTPServerAddress(host: "0.0.0.0", port: 8080))
        #expect(config.token.symmetricKey?.utf8.count == 32)
        #expect(config.accessTokenDuration == .seconds(900))
        #expect(config.refreshTokenDuration == .seconds(86_400))
        let result = try await TokenMakerFactory.makeTokenMaker(config.token, environment: config.environment.rawValue)
        #expect(result.maker is PasetoV4PublicMaker)
    }
}
