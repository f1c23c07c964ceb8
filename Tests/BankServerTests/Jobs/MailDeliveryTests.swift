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

/// The verification mail end to end, against PostgreSQL and a real SMTP server (aiosmtpd): the
/// job queued with the user, the worker sending it, retries while the server is away, exactly
/// once with two workers, a poison job left dead, and a lost worker's job taken over.
@Suite("Mail delivery")
struct MailDeliveryTests {
    static let sender = MailAddress("noreply@bank.example", name: "Simple Bank")

    static func mailer(port: Int) -> SMTPMailer {
        SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: port, security: .none, timeout: .seconds(10)), sender: sender)
    }

    /// Quick retries for tests.
    static var fastRetries: JobWorkerConfiguration {
        var configuration = JobWorkerConfiguration()
        configuration.initialBackoff = .milliseconds(100)
        configuration.maximumBackoff = .milliseconds(300)
        return configuration
    }

    static func createUser(_ store: SQLStore, _ name: String, email: String? = nil) async throws -> CreateUserTxResult {
        try await store.createUserTx(
            CreateUserTxParams(username: name, hashedPassword: "not-a-hash", fullName: "Test User", email: email ?? "\(name)@example.com"))
    }

    static func job(_ database: RouteTestDatabase, for result: CreateUserTxResult) async throws -> Job? {
        let rows = try await database.execute(
            "SELECT id FROM jobs WHERE (payload->>'verify_email_id')::bigint = \(result.verifyEmail.id)")
        guard let id = try rows.first?.decode(Int64.self) else { return nil }
        return try await database.store.getJob(id: id)
    }

    @Test("sign up: the mail arrives through the live server's worker, woken by NOTIFY, and its link verifies the user")
    func signUpMailVerifiesTheUser() async throws {
        try await SMTPSink.with(["--auth", "bank:smtp-s3cret"]) { sink in
            try await RouteTestDatabase.with { database in
                let recorder = LogRecorder()
                let config = try ServerConfig(values: [
                    "DB_SOURCE": database.urlString, "ENVIRONMENT": "test", "HTTP_SERVER_ADDRESS": "127.0.0.1:0",
                    "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(sink.port), "SMTP_TLS": "none",
                    "SMTP_USERNAME": "bank", "SMTP_PASSWORD": "smtp-s3cret", "EMAIL_SENDER_ADDRESS": "noreply@bank.example",
                    "PUBLIC_BASE_URL": "http://bank.test", "MAIL_WORKERS": "1",
                ])
                var options = ApplicationOptions.testing(logger: recorder.makeLogger())
                options.tokenMaker = PasetoV4PublicMaker(privateKey: Curve25519.Signing.PrivateKey())
                // Only a notification can bring the mail in time: the poll is five minutes away.
                options.jobWorker.pollInterval = .seconds(300)
                let app = try await buildApplication(config: config, options: options)
                try await app.test(.live) { raw in
                    let client = APIClient(client: raw)
                    // Let the worker's first (empty) claim and its LISTEN happen first.
                    try await Task.sleep(for: .milliseconds(500))
                    let started = ContinuousClock.now
                    let created = try await client.send(.post, "/users", json: UserRoutesTests.createBody())
                    #expect(created.status == .ok)
                    let mails = try await sink.waitForMails(1, timeout: .seconds(60))
                    let latency = ContinuousClock.now - started
                    #expect(latency < .seconds(60), "mail after \(latency)")
                    let mail = try #require(mails.first)
                    #expect(mails.count == 1 && mail.envelopeTo == ["ann@example.com"])
                    #expect(mail.headers["subject"] == "Welcome to Simple Bank: verify your email")

                    let linkText = try #require(mail.text.split(separator: "\n").first { $0.hasPrefix("http://bank.test/verify_email?") })
                    let link = try #require(URLComponents(string: String(linkText)))
                    let verified = try await client.send(.get, "/verify_email?\(link.percentEncodedQuery ?? "")")
                    #expect(verified.status == .ok)
                    #expect(try await database.store.getUser(username: "ann")?.isEmailVerified == true)

                    // Secrets stay out of the logs: the password, the SMTP password, the code.
                    let code = try #require(link.queryItems?.first { $0.name == "secret_code" }?.value)
                    let logged = recorder.records.map(\.fullText)
                    for secret in [UserRoutesTests.defaultPassword, "smtp-s3cret", code] {
                        #expect(!logged.contains { $0.contains(secret) }, "\(secret) logged")
                    }
                    #expect(logged.contains { $0.contains("job done") })
                }
            }
        }
    }

    @Test("the SMTP server away: the job retries, keeping the error, and is delivered once the server is back")
    func serverAwayThenBack() async throws {
        // A port that was just free, for a server that is not there yet.
        let port = try await SMTPSink.with { $0.port }
        try await RouteTestDatabase.with { database in
            let store = database.store
            let worker = JobWorker(
                postgres: database.client,
                handlers: [VerifyEmailJobHandler(queries: store, mailer: Self.mailer(port: port), publicBaseURL: URL(string: "http://bank.test")!)],
                configuration: Self.fastRetries, logger: RouteTestDatabase.logger)
            let created = try await Self.createUser(store, "ann")
            #expect(try await worker.runDueJobs() == 1)
            let failed = try #require(try await Self.job(database, for: created))
            #expect(failed.state == .queued && failed.attempts == 1)
            #expect(failed.lastError?.contains("refused") == true || failed.lastError?.contains("onnect") == true, "\(failed.lastError ?? "")")

            try await SMTPSink.with(port: port) { sink in
                // The backoff runs out within a second.
                var delivered = 0
                let deadline = ContinuousClock.now + .seconds(60)
                while delivered == 0 && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    delivered = try await worker.runDueJobs()
                }
                #expect(delivered == 1)
                #expect(try sink.mails().map(\.envelopeTo) == [["ann@example.com"]])
                let done = try #require(try await Self.job(database, for: created))
                #expect(done.state == .done && done.attempts == 2 && done.lastError == nil)
            }
        }
    }

    @Test("two workers with pools of their own on one database: every mail exactly once")
    func exactlyOnce() async throws {
        try await SMTPSink.with { sink in
            try await RouteTestDatabase.with { database in
                let store = database.store
                let users = 40
                for index in 0..<users { _ = try await Self.createUser(store, "user\(index)") }
                var secondConfiguration = try database.url.clientConfiguration()
                secondConfiguration.options.maximumConnections = 2
                let second = PostgresClient(configuration: secondConfiguration, backgroundLogger: RouteTestDatabase.logger)
                let secondRuns = Task { await second.run() }
                defer { secondRuns.cancel() }
                let handler = { (client: PostgresClient) in
                    VerifyEmailJobHandler(
                        queries: SQLStore(client: client, logger: RouteTestDatabase.logger), mailer: Self.mailer(port: sink.port),
                        publicBaseURL: URL(string: "http://bank.test")!)
                }
                let workers = [database.client, second].map { client in
                    JobWorker(postgres: client, handlers: [handler(client)], logger: RouteTestDatabase.logger)
                }
                async let first = workers[0].runDueJobs()
                async let other = workers[1].runDueJobs()
                let counts = try await [first, other]
                #expect(counts.reduce(0, +) == users, "\(counts)")
                let mails = try sink.mails()
                #expect(mails.count == users)
                #expect(Set(mails.flatMap(\.envelopeTo)).count == users)
                let states = try await store.countJobsByState()
                #expect(states.map(\.state) == [.done] && states.first?.jobs == Int64(users))
                let rows = try await database.execute("SELECT max(attempts) FROM jobs")
                #expect(try rows.first?.decode(Int32.self) == 1)
            }
        }
    }

    @Test("a poison job ends dead after its last attempt, with the server's answer kept")
    func poisonJobEndsDead() async throws {
        try await SMTPSink.with(["--reject", "gone@example.com"]) { sink in
            try await RouteTestDatabase.with { database in
                let store = database.store
                let worker = JobWorker(
                    postgres: database.client,
                    handlers: [
                        VerifyEmailJobHandler(queries: store, mailer: Self.mailer(port: sink.port), publicBaseURL: URL(string: "http://bank.test")!)
                    ],
                    configuration: Self.fastRetries, logger: RouteTestDatabase.logger)
                let created = try await Self.createUser(store, "gone", email: "gone@example.com")
                var job = try #require(try await Self.job(database, for: created))
                let deadline = ContinuousClock.now + .seconds(120)
                while job.state != .dead && ContinuousClock.now < deadline {
                    try await worker.runDueJobs()
                    try await Task.sleep(for: .milliseconds(50))
                    job = try #require(try await store.getJob(id: job.id))
                }
                #expect(job.state == .dead && job.attempts == VerifyEmailJob.maxAttempts)
                #expect(job.lastError?.contains("RCPT TO: 550") == true, "\(job.lastError ?? "")")
                #expect(job.finishedAt != nil)
                // Dead is final: nothing claims it again.
                #expect(try await worker.runDueJobs() == 0)
                #expect(try sink.mails().isEmpty)
            }
        }
    }

    @Test("a job whose worker died is taken over when its lease runs out, and sent once")
    func expiredLeaseIsTakenOver() async throws {
        try await SMTPSink.with { sink in
            try await RouteTestDatabase.with { database in
                let store = database.store
                let created = try await Self.createUser(store, "ann")
                // A worker claims the job and dies.
                let claimed = try await store.claimJobs(maxJobs: 1, worker: "dead-worker", leaseSeconds: 3)
                #expect(claimed.count == 1)
                let worker = JobWorker(
                    postgres: database.client,
                    handlers: [
                        VerifyEmailJobHandler(queries: store, mailer: Self.mailer(port: sink.port), publicBaseURL: URL(string: "http://bank.test")!)
                    ],
                    logger: RouteTestDatabase.logger)
                #expect(try await worker.runDueJobs() == 0)
                try await Task.sleep(for: .milliseconds(3500))
                #expect(try await worker.runDueJobs() == 1)
                let job = try #require(try await Self.job(database, for: created))
                #expect(job.state == .done && job.attempts == 2)
                // The dead worker's late answer changes nothing.
                #expect(try await store.completeJob(id: job.id, worker: "dead-worker") == 0)
                #expect(try sink.mails().count == 1)
            }
        }
    }
}
