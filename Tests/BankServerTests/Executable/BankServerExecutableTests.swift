import BankDB
import Foundation
import Migrations
import PostgresNIO
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `bank-server` run as a real process: start-up migrations, a real TCP listener,
/// problem responses, a clean exit on SIGTERM, and `error:` exits for what stops a start.
@Suite("bank-server executable")
struct BankServerExecutableTests {
    static let migrationURL = "file://" + repositoryRoot.appendingPathComponent("db/migration").path

    /// A complete configuration in the environment, as a deployment would give it.
    static func environment(databaseURL: String, port: Int, migrationURL: String = migrationURL) -> [String: String] {
        [
            "ENVIRONMENT": "development",
            "DB_SOURCE": databaseURL,
            "MIGRATION_URL": migrationURL,
            "HTTP_SERVER_ADDRESS": "127.0.0.1:\(port)",
            "TOKEN_SYMMETRIC_KEY": "abcdefghijklmnopqrstuvwxyz012345",
            "LOG_LEVEL": "info",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    @Test("migrates a fresh database, serves over TCP, and exits 0 on SIGTERM")
    func startServeStop() async throws {
        try await ScratchDatabase.with { database in
            let port = try LoopbackHTTP.freePort()
            let server = try ServerProcess.start(environment: Self.environment(databaseURL: database.urlString, port: port))
            do {
                let health = try await server.waitUntilHealthy(port: port, within: .seconds(30))
                #expect(health.body == #"{"status":"ok"}"#)

                // Migrated before it listened.
                #expect(try await database.schemaVersion() == SchemaVersion(version: 6, dirty: false))
                let log = server.standardError
                #expect(log.contains("migrated to version 1: init_schema"), "\(log)")
                #expect(log.contains("migrated to version 6: add_jobs"), "\(log)")
                #expect(!log.contains(":secret@"), "the password must not be logged")

                let missing = try LoopbackHTTP.get("/no/such/route", port: port)
                #expect(missing.status == 404)
                #expect(missing.headers["content-type"] == "application/problem+json")
                #expect(missing.body.contains(#""status":404"#), "\(missing.body)")

                server.send(SIGTERM)
                let status = await server.waitForExit(within: .seconds(15))
                #expect(status == 0, "\(server.standardError)")
                #expect(server.process.terminationReason == .exit)
                // Nothing listens any more.
                #expect(throws: LoopbackHTTP.Failure.self) { try LoopbackHTTP.get("/health", port: port) }
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }
    }

    @Test("SIGTERM lets a request in flight finish: its answer arrives after the signal, then the exit is clean")
    func inFlightRequestFinishes() async throws {
        // Whether the request is still in its handler when the signal lands depends on how
        // quickly the pool notices its database is gone; a few bounded tries make the
        // in-flight case happen, and every try must still end with a clean exit.
        var sawInFlightRequestFinish = false
        for _ in 1...4 where !sawInFlightRequestFinish {
            sawInFlightRequestFinish = try await Self.signalDuringSlowRequest()
        }
        #expect(sawInFlightRequestFinish, "no try had a request in flight when SIGTERM came")
    }

    /// Starts a server, makes `GET /health` slow by cutting off its database, sends SIGTERM
    /// while it waits, and returns whether the answer came after the signal.
    private static func signalDuringSlowRequest() async throws -> Bool {
        try await ScratchDatabase.with { database in
            let port = try LoopbackHTTP.freePort()
            let server = try ServerProcess.start(environment: Self.environment(databaseURL: database.urlString, port: port))
            do {
                _ = try await server.waitUntilHealthy(port: port, within: .seconds(30))
                // With its database gone, GET /health waits for it (2 s by default) before its
                // 503: a request that is still in its handler when the signal comes.
                try await database.cutOff()
                // The first request after the cut may still pick the pool's terminated connection
                // and fail at once; once the pool has seen it go, requests wait for a new one.
                _ = try? LoopbackHTTP.get("/health", port: port, timeout: 10)
                let request = Task.detached { () -> (LoopbackHTTP.Response, ContinuousClock.Instant) in
                    let response = try LoopbackHTTP.get("/health", port: port, timeout: 10)
                    return (response, ContinuousClock.now)
                }
                try await Task.sleep(for: .milliseconds(300))
                let signalled = ContinuousClock.now
                server.send(SIGTERM)
                let (response, answered) = try await request.value
                #expect(response.status == 503, "\(response.body)")
                #expect(await server.waitForExit(within: .seconds(15)) == 0, "\(server.standardError)")
                await server.stop()
                return answered > signalled
            } catch {
                await server.stop()
                throw error
            }
        }
    }

    @Test("bank-server worker sends the mails queued in its database, alone, and exits 0 on SIGTERM")
    func workerAlone() async throws {
        try await SMTPSink.with { sink in
            try await ScratchDatabase.with { database in
                // A server migrates the database; with MAIL_WORKERS=0 it sends nothing itself.
                let port = try LoopbackHTTP.freePort()
                var environment = Self.environment(databaseURL: database.urlString, port: port)
                environment["MAIL_WORKERS"] = "0"
                let server = try ServerProcess.start(environment: environment)
                defer { if server.process.isRunning { server.send(SIGKILL) } }
                _ = try await server.waitUntilHealthy(port: port, within: .seconds(30))

                let connection = try await ScratchDatabase.connect(database.urlString)
                let queries = Queries(connection)
                let user = try await queries.createUser(
                    username: "ann", hashedPassword: "not-a-hash", fullName: "Ann Lee", email: "ann@example.com")
                let code = String(repeating: "c", count: 32)
                let verifyEmail = try await queries.createVerifyEmail(username: user.username, email: user.email, secretCode: code)
                _ = try await queries.enqueueJob(
                    kind: VerifyEmailJob.kind, payload: VerifyEmailJob(verifyEmailID: verifyEmail.id).payload, maxAttempts: 3)
                try await connection.close()

                var workerEnvironment = environment
                workerEnvironment.merge([
                    "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(sink.port), "SMTP_TLS": "none",
                    "EMAIL_SENDER_ADDRESS": "noreply@bank.example", "PUBLIC_BASE_URL": "https://bank.example", "MAIL_WORKERS": "1",
                ]) { $1 }
                let worker = try ServerProcess.start(environment: workerEnvironment, arguments: ["worker"])
                let mails = try await sink.waitForMails(1, timeout: .seconds(60))
                #expect(mails.count == 1 && mails.first?.envelopeTo == ["ann@example.com"], "\(worker.standardError)")
                #expect(mails.first?.text.contains("https://bank.example/verify_email?email_id=\(verifyEmail.id)&secret_code=\(code)") == true)
                worker.send(SIGTERM)
                #expect(await worker.waitForExit(within: .seconds(15)) == 0, "\(worker.standardError)")
                #expect(worker.standardError.contains("bank worker stopped"))
                #expect(!worker.standardError.contains(code), "the code must not be logged")
                await worker.stop()
                server.send(SIGTERM)
                _ = await server.waitForExit(within: .seconds(15))
                await server.stop()
            }
        }
    }

    @Test("bank-server with an unknown argument prints its usage and exits 2")
    func unknownArgument() async throws {
        let process = try ServerProcess.start(environment: [:], arguments: ["serve"])
        #expect(await process.waitForExit(within: .seconds(10)) == 2)
        #expect(process.standardError.contains("usage: bank-server [worker]"))
        await process.stop()
    }

    @Test("a second start finds the database up to date")
    func restart() async throws {
        try await ScratchDatabase.with { database in
            for attempt in 1...2 {
                let port = try LoopbackHTTP.freePort()
                let server = try ServerProcess.start(environment: Self.environment(databaseURL: database.urlString, port: port))
                do {
                    _ = try await server.waitUntilHealthy(port: port, within: .seconds(30))
                    server.send(SIGINT)
                    #expect(await server.waitForExit(within: .seconds(15)) == 0, "\(server.standardError)")
                    let log = server.standardError
                    #expect(log.contains("migrated to version 5") == (attempt == 1), "\(log)")
                    #expect(log.contains("database is up to date") == (attempt == 2), "\(log)")
                } catch {
                    await server.stop()
                    throw error
                }
                await server.stop()
            }
        }
    }

    @Test("a bad setting exits 1 with `error: <key>…` on stderr, before anything else")
    func badConfiguration() async throws {
        var environment = Self.environment(databaseURL: ScratchDatabase.serverURL, port: try LoopbackHTTP.freePort())
        environment["ACCESS_TOKEN_DURATION"] = "15 minutes"
        let server = try ServerProcess.start(environment: environment)
        let status = await server.waitForExit(within: .seconds(15))
        let stderr = server.standardError
        await server.stop()
        #expect(status == 1)
        #expect(stderr == "error: ACCESS_TOKEN_DURATION: invalid duration \"15 minutes\" (use Go syntax such as 15m or 24h)\n")
    }

    @Test("a failing migration stops the start: logged, `error:` line, exit 1, never listening")
    func failingMigration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SELECT * FROM no_such_table;\n"
            .write(to: folder.appendingPathComponent("000001_broken.up.sql"), atomically: true, encoding: .utf8)

        try await ScratchDatabase.with { database in
            let port = try LoopbackHTTP.freePort()
            let server = try ServerProcess.start(
                environment: Self.environment(databaseURL: database.urlString, port: port, migrationURL: "file://" + folder.path)
            )
            let status = await server.waitForExit(within: .seconds(30))
            let stderr = server.standardError
            await server.stop()
            #expect(status == 1, "\(stderr)")
            #expect(stderr.contains("database migration failed; the server will not start"), "\(stderr)")
            // The error can span lines (detail, hint, what state the database is in).
            let errorLine = stderr.split(separator: "\n").first { $0.hasPrefix("error: ") }.map(String.init) ?? ""
            #expect(errorLine.hasPrefix("error: database migration failed: 000001_broken.up.sql:1:"), "\(stderr)")
            #expect(!stderr.contains("listening"), "\(stderr)")
            #expect(try await database.schemaVersion() == nil)
        }
    }
}
