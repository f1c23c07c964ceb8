import Foundation
import PostgresNIO
import Testing

/// `bank-server` as a process, under a load of reads and transfers through its HTTP API, while
/// its PostgreSQL (a throwaway cluster, never the shared one) restarts or goes away for good.
///
/// What must hold, on a loaded machine too (so the time bounds are generous and the measured
/// figures are printed for the project's notes): every request is answered, with success or
/// with 503 problem details and `Retry-After` (never a hang); service resumes once PostgreSQL is
/// back; every transfer the API acknowledged is in the database afterwards and the money adds up.
@Suite("PostgreSQL restarts and outages", .serialized)
struct DatabaseRestartTests {
    /// Opening balance of each of the two accounts, in cents.
    static let openingBalance: Int64 = 1_000_000
    /// A response later than this after its request is a hang: the server's bound on waiting for
    /// the database is 5 s (`ApplicationOptions.databaseTimeout`), the rest is slack for a loaded host.
    static let hangBound: Duration = .seconds(15)
    /// Service must resume this soon after PostgreSQL accepts connections again (the aim is 2 s).
    static let recoveryBound: Duration = .seconds(10)

    @Test(
        "pg_ctl restart under load: answered, 503 with Retry-After meanwhile, resumes, no acknowledged transfer lost",
        arguments: ["fast", "immediate"])
    func restartUnderLoad(mode: String) async throws {
        try await ThrowawayPostgres.with { cluster in
            try await Self.withServer(on: cluster) { port in
                let bank = try await Self.seed(cluster: cluster, port: port)
                let load = HTTPLoad(port: port)
                load.start(bank.clients)

                try await Task.sleep(for: .seconds(2))
                let down = ContinuousClock.now
                try await cluster.restart(mode: mode)
                let back = ContinuousClock.now
                try await Task.sleep(for: .seconds(6))
                let records = await load.stop()

                let report = Self.report(records, down: down, back: back)
                print("restart -m \(mode): pg_ctl took \(Self.format(back - down)); \(report.summary)")

                #expect(!records.isEmpty)
                // Every request answers. postgres-nio can drop a statement written to a connection
                // the server has just closed, and the call never returns: the handler runs detached
                // (DetachedHandler), so such a request still gets its 503 a second after its deadline.
                #expect(report.unanswered.isEmpty, "requests without a response: \(report.unanswered.prefix(3))")
                #expect(report.slowest < Self.hangBound, "a request took \(Self.format(report.slowest))")
                #expect(report.unexpected.isEmpty, "statuses other than 200 and 503: \(report.unexpected.prefix(3))")
                #expect(report.badUnavailable == 0, "every 503 must be problem JSON with Retry-After")
                let recovery = try #require(report.recovery, "no request succeeded after PostgreSQL came back")
                #expect(recovery < Self.recoveryBound, "service resumed \(Self.format(recovery)) after PostgreSQL")

                try await Self.checkBooks(cluster: cluster, bank: bank, acknowledged: report.acknowledgedTransfers)
                // The server is healthy again, not just answering.
                #expect(try LoopbackHTTP.get("/health", port: port).status == 200)
            }
        }
    }

    @Test("a database that does not come back: /health says so within 5 s and requests fail fast with 503")
    func databaseStaysAway() async throws {
        try await ThrowawayPostgres.with { cluster in
            try await Self.withServer(on: cluster) { port in
                let bank = try await Self.seed(cluster: cluster, port: port)
                let read = bank.clients[0]
                #expect(try LoopbackHTTP.request("GET", read.path, port: port, headers: ["Authorization": "Bearer \(read.token)"]).status == 200)

                try await cluster.stop(mode: "fast")

                let healthStart = ContinuousClock.now
                let health = try LoopbackHTTP.get("/health", port: port, timeout: 20)
                let healthTime = ContinuousClock.now - healthStart
                #expect(health.status == 503)
                #expect(health.headers["content-type"] == "application/problem+json")
                #expect(healthTime < .seconds(5), "GET /health took \(Self.format(healthTime))")

                var latencies: [Duration] = []
                for _ in 0..<8 {
                    let start = ContinuousClock.now
                    let response = try LoopbackHTTP.request(
                        "GET", read.path, port: port, headers: ["Authorization": "Bearer \(read.token)"], timeout: 20)
                    latencies.append(ContinuousClock.now - start)
                    #expect(response.status == 503, "\(response.body)")
                    #expect(response.headers["retry-after"] == "1")
                    #expect(response.headers["content-type"] == "application/problem+json")
                }
                // The first request may wait out the full bound (5 s); once the server has seen the
                // database away, the next ones wait 0.5 s at most. Generous bounds, figures printed.
                #expect(latencies[0] < Self.hangBound)
                #expect(latencies.dropFirst().allSatisfy { $0 < .seconds(3) }, "\(latencies.map(Self.format))")

                try await cluster.start()
                let back = ContinuousClock.now
                var recovered: Duration?
                while recovered == nil, ContinuousClock.now - back < Self.recoveryBound {
                    let response = try LoopbackHTTP.request(
                        "GET", read.path, port: port, headers: ["Authorization": "Bearer \(read.token)"], timeout: 20)
                    if response.status == 200 { recovered = ContinuousClock.now - back } else { try await Task.sleep(for: .milliseconds(50)) }
                }
                print(
                    """
                    database away: GET /health 503 in \(Self.format(healthTime)); requests 503 in \
                    \(latencies.map(Self.format).joined(separator: ", ")); after pg_ctl start, first 200 in \
                    \(recovered.map(Self.format) ?? "never")
                    """)
                #expect(recovered != nil, "no 200 within \(Self.recoveryBound) of PostgreSQL's return")
            }
        }
    }

    // MARK: Set-up

    /// The seeded bank: two users with a funded USD account each, and the load's clients.
    struct Bank: Sendable {
        var accounts: [Int64]
        var clients: [HTTPLoad.Client]
    }

    /// Starts `bank-server` on the cluster's database (it migrates it), runs `body` with its
    /// port, and stops the server whatever happened.
    static func withServer(on cluster: ThrowawayPostgres, _ body: (Int) async throws -> Void) async throws {
        let port = try LoopbackHTTP.freePort()
        var environment = BankServerExecutableTests.environment(databaseURL: cluster.databaseURL, port: port)
        environment["LOG_LEVEL"] = "warning"
        let server = try ServerProcess.start(environment: environment)
        do {
            _ = try await server.waitUntilHealthy(port: port, within: .seconds(60))
            try await body(port)
            #expect(server.process.isRunning, "bank-server stopped during the test:\n\(server.standardError.suffix(4000))")
        } catch {
            print("bank-server log:\n\(server.standardError.suffix(4000))")
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Two users, a USD account each funded in the database, and clients: three reading the
    /// first account, two sending 1 cent from the first to the second, one sending it back.
    static func seed(cluster: ThrowawayPostgres, port: Int) async throws -> Bank {
        var tokens: [String] = []
        var accounts: [Int64] = []
        for name in ["fault_ann", "fault_bob"] {
            let user = #"{"username":"\#(name)","password":"secret1","full_name":"Fault Test","email":"\#(name)@example.com"}"#
            #expect(try LoopbackHTTP.request("POST", "/users", port: port, body: user, timeout: 30).status == 200)
            let login = try LoopbackHTTP.request(
                "POST", "/users/login", port: port, body: #"{"username":"\#(name)","password":"secret1"}"#, timeout: 30)
            let token = try #require(try Self.object(login.body)["access_token"] as? String, "\(login.body)")
            let account = try LoopbackHTTP.request(
                "POST", "/accounts", port: port, headers: ["Authorization": "Bearer \(token)"], body: #"{"currency":"USD"}"#)
            let id = try #require((try Self.object(account.body)["id"] as? NSNumber)?.int64Value, "\(account.body)")
            tokens.append(token)
            accounts.append(id)
        }
        try await cluster.execute(
            "WITH funded AS (UPDATE accounts SET balance = \(openingBalance) RETURNING id) "
                + "INSERT INTO entries (account_id, amount) SELECT id, \(openingBalance) FROM funded")
        let read = HTTPLoad.Client(kind: .read, method: "GET", path: "/accounts/\(accounts[0])", token: tokens[0])
        let forth = HTTPLoad.Client(
            kind: .transfer, method: "POST", path: "/transfers", token: tokens[0],
            body: #"{"from_account_id":\#(accounts[0]),"to_account_id":\#(accounts[1]),"amount":1,"currency":"USD"}"#)
        let back = HTTPLoad.Client(
            kind: .transfer, method: "POST", path: "/transfers", token: tokens[1],
            body: #"{"from_account_id":\#(accounts[1]),"to_account_id":\#(accounts[0]),"amount":1,"currency":"USD"}"#)
        return Bank(accounts: accounts, clients: [read, read, read, forth, forth, back])
    }

    // MARK: Checks

    /// Every acknowledged transfer is there, and the books balance: the total is what was put
    /// in, each balance is its entries' sum, and each transfer has its two entries.
    static func checkBooks(cluster: ThrowawayPostgres, bank: Bank, acknowledged: [Int64]) async throws {
        var stored = Set<Int64>()
        for row in try await cluster.execute("SELECT id FROM transfers") {
            stored.insert(try row.decode(Int64.self))
        }
        let missing = acknowledged.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "acknowledged transfers missing from the database: \(missing.prefix(10))")
        #expect(!acknowledged.isEmpty, "no transfer was acknowledged at all")

        let total = try #require(try await cluster.execute("SELECT sum(balance)::bigint FROM accounts").first).decode(Int64.self)
        #expect(total == openingBalance * Int64(bank.accounts.count))
        let mismatched = try await cluster.execute(
            """
            SELECT count(*) FROM accounts a
            WHERE a.balance <> (SELECT coalesce(sum(amount), 0) FROM entries e WHERE e.account_id = a.id)
            """)
        #expect(try mismatched.first?.decode(Int64.self) == 0, "a balance differs from the sum of its entries")
        let entries = try #require(try await cluster.execute("SELECT count(*) FROM entries").first).decode(Int64.self)
        #expect(entries == 2 * Int64(stored.count) + Int64(bank.accounts.count), "two entries per transfer, one per opening")
    }

    /// What the records say about the outage.
    struct Report {
        var unanswered: [HTTPLoad.Record] = []
        var unexpected: [HTTPLoad.Record] = []
        var badUnavailable = 0
        var slowest: Duration = .zero
        /// From PostgreSQL's return to the end of the first success among requests sent after it.
        var recovery: Duration?
        var acknowledgedTransfers: [Int64] = []
        var summary = ""
    }

    static func report(_ records: [HTTPLoad.Record], down: ContinuousClock.Instant, back: ContinuousClock.Instant) -> Report {
        var report = Report()
        var byPhase: [String: [String: Int]] = [:]
        for record in records {
            report.slowest = max(report.slowest, record.end - record.start)
            let phase = record.end < down ? "before" : (record.start > back ? "after" : "during")
            byPhase[phase, default: [:]][record.status.map(String.init) ?? "none", default: 0] += 1
            switch record.status {
            case nil:
                report.unanswered.append(record)
            case 200?:
                if let id = record.transferID { report.acknowledgedTransfers.append(id) }
                if record.start >= back {
                    let recovery = record.end - back
                    report.recovery = min(report.recovery ?? recovery, recovery)
                }
            case 503?:
                if record.contentType != "application/problem+json" || record.retryAfter != "1" { report.badUnavailable += 1 }
            default:
                report.unexpected.append(record)
            }
        }
        let phases = ["before", "during", "after"].map { phase in
            let counts = byPhase[phase, default: [:]].sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            return "\(phase): \(counts.isEmpty ? "none" : counts)"
        }
        let unavailable = records.filter { $0.status == 503 }
        let lastUnavailable = unavailable.map(\.end).max().map { format($0 - back) } ?? "-"
        report.summary = """
            \(records.count) requests (\(phases.joined(separator: "; "))); \
            acknowledged transfers \(report.acknowledgedTransfers.count); slowest response \(format(report.slowest)); \
            first success after PostgreSQL's return \(report.recovery.map(format) ?? "never"); \
            last 503 ended \(lastUnavailable) after its return
            """
        return report
    }

    static func format(_ duration: Duration) -> String { String(format: "%.2f s", duration.seconds) }

    static func object(_ body: String) throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }
}
