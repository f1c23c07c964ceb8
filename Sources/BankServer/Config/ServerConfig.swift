import Foundation
import Logging
import Migrations

/// Everything the bank server reads at start, from the process environment and optionally an
/// `app.env` file (the reference system's keys, so its deployments keep working):
///
/// | key | default | meaning |
/// |---|---|---|
/// | `ENVIRONMENT` | `development` | `development`, `production` or `test` |
/// | `DB_SOURCE` | required | PostgreSQL URL, read by the `Migrations` library's `DatabaseURL` |
/// | `MIGRATION_URL` | `file://db/migration` | where the migrations are |
/// | `HTTP_SERVER_ADDRESS` | `0.0.0.0:8080` | `host:port` to listen on |
/// | `TOKEN_TYPE`, `TOKEN_SYMMETRIC_KEY`, `TOKEN_PRIVATE_KEY` | | see ``TokenConfiguration`` |
/// | `ACCESS_TOKEN_DURATION` | `15m` | Go duration (``GoDuration``) |
/// | `REFRESH_TOKEN_DURATION` | `24h` | Go duration |
/// | `LOG_LEVEL` | `info` | `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical` |
/// | `SMTP_HOST`, `SMTP_PORT`, `SMTP_TLS`, `SMTP_USERNAME`, `SMTP_PASSWORD`, `EMAIL_SENDER_ADDRESS`, `EMAIL_SENDER_NAME`, `PUBLIC_BASE_URL`, `MAIL_WORKERS` | | see ``MailConfig`` |
///
/// A value in the environment wins over the file, so a deployment can override one setting
/// without editing the file. An empty value counts as not set (in either place), as with the
/// reference's configuration library, so an `app.env` placeholder like `TOKEN_PRIVATE_KEY=`
/// means "use the default".
public struct ServerConfig: Sendable, CustomStringConvertible {
    /// The configuration keys.
    public enum Key {
        public static let environment = "ENVIRONMENT"
        public static let dbSource = "DB_SOURCE"
        public static let migrationURL = "MIGRATION_URL"
        public static let httpServerAddress = "HTTP_SERVER_ADDRESS"
        public static let accessTokenDuration = "ACCESS_TOKEN_DURATION"
        public static let refreshTokenDuration = "REFRESH_TOKEN_DURATION"
        public static let logLevel = "LOG_LEVEL"

        /// Every key this type reads, including the token keys.
        public static let all =
            [
                environment, dbSource, migrationURL, httpServerAddress,
                TokenConfiguration.Key.type, TokenConfiguration.Key.symmetricKey, TokenConfiguration.Key.privateKey,
                accessTokenDuration, refreshTokenDuration, logLevel,
            ] + MailConfig.Key.all
    }

    /// The default file name, read from the working directory (the repository root for `swift run`).
    public static let defaultEnvFilePath = "app.env"

    public var environment: DeploymentEnvironment
    /// `DB_SOURCE`, parsed by the same code as the `migrate` tool's `-database`, so the two read
    /// every URL alike (`sslmode`, certificates, `x-migrations-table`, startup parameters).
    /// `database.clientConfiguration()` makes the server's pool.
    public var database: DatabaseURL
    public var migrationURL: String
    public var httpServerAddress: HTTPServerAddress
    public var token: TokenConfiguration
    public var accessTokenDuration: Duration
    public var refreshTokenDuration: Duration
    public var logLevel: Logger.Level
    public var mail: MailConfig

    /// Settings given directly (tests).
    public init(
        environment: DeploymentEnvironment = .development,
        database: DatabaseURL,
        migrationURL: String = "file://db/migration",
        httpServerAddress: HTTPServerAddress = HTTPServerAddress(host: "0.0.0.0", port: 8080),
        token: TokenConfiguration = TokenConfiguration(),
        accessTokenDuration: Duration = .seconds(15 * 60),
        refreshTokenDuration: Duration = .seconds(24 * 3600),
        logLevel: Logger.Level = .info,
        mail: MailConfig = MailConfig()
    ) {
        self.environment = environment
        self.database = database
        self.migrationURL = migrationURL
        self.httpServerAddress = httpServerAddress
        self.token = token
        self.accessTokenDuration = accessTokenDuration
        self.refreshTokenDuration = refreshTokenDuration
        self.logLevel = logLevel
        self.mail = mail
    }

    /// Where verification links point: `PUBLIC_BASE_URL`, else `http://<HTTP_SERVER_ADDRESS>`
    /// (`localhost` for a wildcard address such as `0.0.0.0`).
    public var publicBaseURL: URL {
        if let url = mail.publicBaseURL { return url }
        // A wildcard bind address is no place to send a browser; the development default is.
        let host = ["", "0.0.0.0", "::"].contains(httpServerAddress.host) ? "localhost" : httpServerAddress.host
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(bracketed):\(httpServerAddress.port)") ?? URL(string: "http://localhost:8080")!
    }

    /// Reads the settings from `environment`, falling back to the file at `envFilePath` when it
    /// exists (pass nil to ignore files).
    ///
    /// - Throws: ``ConfigError`` naming the first missing or invalid key.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        envFilePath: String? = defaultEnvFilePath
    ) throws(ConfigError) -> ServerConfig {
        let file = try envFilePath.flatMap { path throws(ConfigError) in try EnvFile.load(path: path) }
        return try ServerConfig(values: merge(environment: environment, file: file?.values ?? [:]))
    }

    /// The values ``load(environment:envFilePath:)`` uses: for each known key, the environment's
    /// non-empty value, else the file's non-empty value.
    public static func merge(environment: [String: String], file: [String: String]) -> [String: String] {
        var values: [String: String] = [:]
        for key in Key.all {
            if let value = environment[key], !value.isEmpty {
                values[key] = value
            } else if let value = file[key], !value.isEmpty {
                values[key] = value
            }
        }
        return values
    }

    /// Reads the settings from values by key.
    ///
    /// - Throws: ``ConfigError`` naming the first missing or invalid key.
    public init(values: [String: String]) throws(ConfigError) {
        func value(_ key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }

        var environment = DeploymentEnvironment.development
        if let name = value(Key.environment) {
            guard let parsed = DeploymentEnvironment(name: name) else {
                let names = DeploymentEnvironment.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError("\(Key.environment) must be one of \(names) (got \"\(name)\")")
            }
            environment = parsed
        }

        guard let source = value(Key.dbSource) else { throw ConfigError("\(Key.dbSource) is required") }
        let database = try Self.databaseURL(source)

        var address = HTTPServerAddress(host: "0.0.0.0", port: 8080)
        if let text = value(Key.httpServerAddress) {
            guard let parsed = HTTPServerAddress(parsing: text) else {
                throw ConfigError("\(Key.httpServerAddress): expected host:port such as 0.0.0.0:8080 (got \"\(text)\")")
            }
            address = parsed
        }

        let token: TokenConfiguration
        do {
            token = try TokenConfiguration(values: values)
        } catch {
            // Its messages already name the key.
            throw ConfigError(error.message)
        }

        var logLevel = Logger.Level.info
        if let name = value(Key.logLevel) {
            guard let parsed = Logger.Level(rawValue: name.lowercased()) else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError("\(Key.logLevel) must be one of \(names) (got \"\(name)\")")
            }
            logLevel = parsed
        }

        self.init(
            environment: environment,
            database: database,
            migrationURL: value(Key.migrationURL) ?? "file://db/migration",
            httpServerAddress: address,
            token: token,
            accessTokenDuration: try Self.duration(value(Key.accessTokenDuration) ?? "15m", key: Key.accessTokenDuration),
            refreshTokenDuration: try Self.duration(value(Key.refreshTokenDuration) ?? "24h", key: Key.refreshTokenDuration),
            logLevel: logLevel,
            mail: try MailConfig(values: values)
        )
    }

    /// Parses `DB_SOURCE` and checks that its TLS files load, so a bad value stops the start with
    /// a message naming the key. The library's messages mask the password.
    private static func databaseURL(_ text: String) throws(ConfigError) -> DatabaseURL {
        do {
            let url = try DatabaseURL(text)
            _ = try url.clientConfiguration()
            return url
        } catch {
            throw ConfigError("\(Key.dbSource): \(error)")
        }
    }

    /// A positive Go duration.
    private static func duration(_ text: String, key: String) throws(ConfigError) -> Duration {
        guard let duration = GoDuration.parse(text) else {
            throw ConfigError("\(key): invalid duration \"\(text)\" (use Go syntax such as 15m or 24h)")
        }
        guard duration > .zero else {
            throw ConfigError("\(key): the duration must be positive (got \"\(text)\")")
        }
        return duration
    }

    /// Safe to log: no password, no keys.
    public var description: String {
        "ServerConfig(environment: \(environment), database: \(database), migrationURL: \(migrationURL), "
            + "httpServerAddress: \(httpServerAddress), token: \(token), accessTokenDuration: \(accessTokenDuration), "
            + "refreshTokenDuration: \(refreshTokenDuration), logLevel: \(logLevel), mail: \(mail))"
    }
}
