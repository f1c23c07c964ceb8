import BankDB
import Foundation
import Logging
import Migrations
import PostgresNIO

/// Measures one data workload at one client count through the three variants — the generated
/// BankDB, hand-written PostgresNIO, pgbench — and checks the money after each transfer cell.
struct DataRunner: Sendable {
    var fixture: Fixture
    var url: DatabaseURL
    var logger: Logger
    var warmup: BenchDuration
    var duration: BenchDuration
    var pgbench: PgBench
    var say: @Sendable (String) -> Void

    /// The amount every benchmark transfer moves.
    static let amount: Int64 = 1

    func measure(workload: String, clients: Int, into report: inout BenchReport) async throws {
        let transfer = workload == "transfer"
        for variant in ["generated", "hand-written"] {
            say("\(workload) × \(clients) via \(variant) …")
            let before = transfer ? try await fixture.books() : nil
            let outcome = try await withClient(poolSize: clients) { client in
                try await self.loop(workload: workload, variant: variant, clients: clients, client: client)
            }
            let summary = outcome.latencies.summary(overSeconds: outcome.seconds)
            report.results.append(
                CellResult(
                    workload: workload, clients: clients, variant: variant, opsPerSecond: summary.opsPerSecond,
                    p50Ms: summary.p50, p99Ms: summary.p99, operations: outcome.latencies.count, errors: outcome.errors))
            if let error = outcome.firstError {
                report.notes.append("\(workload) × \(clients) \(variant): \(outcome.errors) errors, first: \(error)")
                say("  first error: \(error)")
            }
            if let before {
                try await check(
                    "\(workload) × \(clients) \(variant)", before: before,
                    committed: Int64(outcome.completedIncludingWarmup), into: &report)
            }
        }

        say("\(workload) × \(clients) via pgbench …")
        let script = transfer ? PgBench.transferScript : PgBench.getAccountScript
        let before = transfer ? try await fixture.books() : nil
        // pgbench has no warm-up of its own: a short unlogged run first.
        _ = try pgbench.run(script: script, name: workload, clients: clients, seconds: warmup.wholeSeconds, logLatencies: false)
        let run = try pgbench.run(
            script: script, name: workload, clients: clients, seconds: duration.wholeSeconds, logLatencies: true)
        report.results.append(
            CellResult(
                workload: workload, clients: clients, variant: "pgbench", opsPerSecond: run.tps, p50Ms: run.p50Ms,
                p99Ms: run.p99Ms, averageMs: run.averageMs, operations: run.transactions, errors: run.failed))
        if let before {
            try await check("\(workload) × \(clients) pgbench", before: before, committed: nil, into: &report)
        }
    }

    private func check(_ label: String, before: Fixture.Books, committed: Int64?, into report: inout BenchReport) async throws {
        let after = try await fixture.books()
        let check = MoneyCheck(
            workload: label, totalBefore: before.total, totalAfter: after.total, negativeBalances: after.negativeBalances,
            transfersAdded: after.transfers - before.transfers, entriesAdded: after.entries - before.entries,
            transfersCommittedByClients: committed)
        say("  " + check.line)
        report.moneyChecks.append(check)
    }

    private func loop(workload: String, variant: String, clients: Int, client: PostgresClient) async throws
        -> ClosedLoop.Outcome
    {
        let loop = ClosedLoop(clients: clients, warmup: warmup.duration, duration: duration.duration)
        let logger = self.logger
        let accounts = UInt64(Fixture.accountCount)
        switch (workload, variant) {
        case ("get-account", "generated"):
            let store = SQLStore(client: client, logger: logger)
            return await loop.run { _, random in
                let id = Int64(random.next() % accounts) + 1
                guard try await store.getAccount(id: id) != nil else { throw BenchFailure(message: "account \(id) missing") }
            }
        case ("get-account", _):
            return await loop.run { _, random in
                let id = Int64(random.next() % accounts) + 1
                guard try await HandWritten.getAccount(client, id: id, logger: logger) != nil else {
                    throw BenchFailure(message: "account \(id) missing")
                }
            }
        case ("transfer", "generated"):
            let store = SQLStore(client: client, logger: logger)
            return await loop.run { _, random in
                let (from, to) = Self.pair(&random, accounts)
                _ = try await store.transferTx(TransferTxParams(fromAccountID: from, toAccountID: to, amount: Self.amount))
            }
        default:
            return await loop.run { _, random in
                let (from, to) = Self.pair(&random, accounts)
                try await HandWritten.transfer(client, from: from, to: to, amount: Self.amount, logger: logger)
            }
        }
    }

    /// Two distinct random account ids, uniformly.
    static func pair(_ random: inout SplitMix64, _ accounts: UInt64) -> (Int64, Int64) {
        let from = random.next() % accounts
        var to = random.next() % (accounts - 1)
        if to >= from { to += 1 }
        return (Int64(from) + 1, Int64(to) + 1)
    }

    /// Runs `body` with a running pool of exactly `poolSize` connections, the same for every variant.
    private func withClient<T: Sendable>(poolSize: Int, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        var configuration = try url.clientConfiguration()
        configuration.options.maximumConnections = poolSize
        // postgres-nio #511: a pool that lets idle connections go and pings them slows down under
        // back-to-back queries; keep every connection open and skip the keep-alive.
        configuration.options.minimumConnections = poolSize
        configuration.options.keepAliveBehavior = nil
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            // Open the connections before the clock starts.
            try await withThrowingTaskGroup(of: Void.self) { warm in
                for _ in 0..<poolSize {
                    warm.addTask { _ = try await client.query("SELECT 1", logger: logger).collect() }
                }
                try await warm.waitForAll()
            }
            return try await body(client)
        }
    }
}
