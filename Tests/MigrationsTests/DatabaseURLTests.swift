import Testing

@testable import Migrations

@Suite("DatabaseURL")
struct DatabaseURLTests {
    @Test("parses the seed's URL")
    func seedURL() throws {
        let url = try DatabaseURL("postgresql://root:secret@localhost:5432/simple_bank?sslmode=disable")
        #expect(url.user == "root")
        #expect(url.password == "secret")
        #expect(url.database == "simple_bank")
        #expect(url.endpoint == .tcp(host: "localhost", port: 5432))
        #expect(url.sslMode == .disable)
        #expect(url.endpointDescription == "localhost:5432")
        #expect(url.description == "postgresql://root:****@localhost:5432/simple_bank?sslmode=disable")
    }

    @Test("postgres:// scheme, default port, no password, default sslmode prefer")
    func defaults() throws {
        let url = try DatabaseURL("postgres://alice@db.example/app")
        #expect(url.endpoint == .tcp(host: "db.example", port: 5432))
        #expect(url.password == nil)
        #expect(url.sslMode == .prefer)
        #expect(url.database == "app")
    }

    @Test("percent-encoded user and password")
    func percentEncoding() throws {
        let url = try DatabaseURL("postgresql://us%40er:p%40ss%3Aw%2Fo%25rd@127.0.0.1:6543/d%20b")
        #expect(url.user == "us@er")
        #expect(url.password == "p@ss:w/o%rd")
        #expect(url.database == "d b")
        #expect(url.endpoint == .tcp(host: "127.0.0.1", port: 6543))
    }

    @Test(
        "sslmode values map onto disable, prefer and require",
        arguments: [
            ("disable", DatabaseURL.SSLMode.disable), ("allow", .allow), ("prefer", .prefer), ("require", .require),
            ("verify-ca", .verifyCA), ("verify-full", .verifyFull),
        ])
    func sslModes(value: String, mode: DatabaseURL.SSLMode) throws {
        let url = try DatabaseURL("postgresql://u:p@localhost/db?sslmode=\(value)")
        #expect(url.sslMode == mode)
        let tls = try url.connectionConfiguration().tls
        #expect(tls.isAllowed == (mode != .disable))
        #expect(tls.isEnforced == [.require, .verifyCA, .verifyFull].contains(mode))
    }

    @Test("unix sockets via ?host=/dir or a percent-encoded host")
    func unixSockets() throws {
        let url = try DatabaseURL("postgresql://root:secret@/simple_bank?host=/var/run/postgresql&port=5433")
        #expect(url.endpoint == .unixSocket(directory: "/var/run/postgresql", port: 5433))
        #expect(url.endpoint.socketPath == "/var/run/postgresql/.s.PGSQL.5433")
        #expect(try url.connectionConfiguration().unixSocketPath == "/var/run/postgresql/.s.PGSQL.5433")

        let encoded = try DatabaseURL("postgresql://root@%2Ftmp%2Fpg/db")
        #expect(encoded.endpoint == .unixSocket(directory: "/tmp/pg", port: 5432))
        #expect(encoded.endpointDescription == "/tmp/pg/.s.PGSQL.5432")
    }

    @Test("IPv6 hosts, query overrides, startup parameters and golang-migrate x- options")
    func parameters() throws {
        let url = try DatabaseURL(
            "postgresql://u:p@[::1]:5433/db?application_name=bank&x-migrations-table=my_versions"
                + "&x-statement-timeout=5&user=other&dbname=real&connect_timeout=3")
        #expect(url.endpoint == .tcp(host: "::1", port: 5433))
        #expect(url.endpointDescription == "[::1]:5433")
        #expect(url.user == "other")
        #expect(url.database == "real")
        #expect(url.connectTimeout == 3)
        #expect(url.migrationsTable == "my_versions")
        #expect(url.parameters == [DatabaseURL.Parameter(name: "application_name", value: "bank")])
        let configuration = try url.connectionConfiguration()
        #expect(configuration.options.additionalStartupParameters.map(\.0) == ["application_name"])
        #expect(configuration.host == "::1")
    }

    @Test(
        "bad URLs name what is wrong and never show the password",
        arguments: [
            ("", "expected postgresql://"),
            ("localhost:5432/db", "missing scheme"),
            ("mysql://u:secretpw@localhost/db", "unsupported scheme 'mysql://'"),
            ("postgresql://u:secretpw@localhost:99999/db", "invalid port '99999'"),
            ("postgresql://u:secretpw@localhost:abc/db", "invalid port 'abc'"),
            ("postgresql://u:secretpw@localhost/db?sslmode=maybe", "unknown sslmode 'maybe'"),
            ("postgresql://u:secret%zzpw@localhost/db", "malformed percent-encoding in the password"),
            ("postgresql://u:secretpw@[::1/db", "missing ']'"),
            ("postgresql://u:secretpw@h1,h2/db", "several hosts"),
            ("postgresql://u:secretpw@localhost/db?connect_timeout=soon", "connect_timeout 'soon'"),
        ])
    func invalid(url: String, expected: String) {
        do {
            _ = try DatabaseURL(url)
            Issue.record("'\(url)' parsed")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("invalid database URL"))
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains("secretpw"), "\(message)")
        }
    }
}
