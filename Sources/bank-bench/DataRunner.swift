import BankDB
import Foundation
import Logging
import Migrations
import PostgresLibPQ
import PostgresNIO

/// Measures one data workload at one client count through the variants — the generated BankDB,
/// hand-written PostgresNIO, the Go + pgx peer, pgbench — and checks the money after each
/// transfer slice.
///
/// The measured time is split into `rounds` slices per variant, run interleaved in an order that
/// rotates every round (generated, hand-written, go-pgx, pgbench; then hand-written, go-pgx,
/// pgbench, generated; …), so that no variant runs twice in a row and, over as many rounds as
/// there are variants, each runs once in every position.
/// With the reverse order every other round, the variant listed first ran back to back at the
/// round boundaries: listing hand-written first instead moved get-account's generated /
/// hand-written ratio at 1 client from 0.92 to 0.97. Interleaving also means that a change in the
/// machine's load during the cell (other processes, the host) falls on every variant alike, and
/// the ratios, which are what the targets are about, stay comparable.
struct DataRunner: Sendable {
    var fixture: Fixture
    var url: DatabaseURL
    var logger: Logger
    var warmup: BenchDuration
    var duration: BenchDuration
    var rounds: Int
    /// Which of `DataRunner.variants` to run (all, for the ratios).
    var variants: [String] = DataRunner.variants
    var pgbench: PgBench
    /// The database's URL as given, for libpq.
    var conninfo: String
    /// The Go + pgx peer, when it was built.
    var goPeer: GoPeer?
    var say: @Sendable (String) -> Void

    /// The amount every benchmark transfer moves.
    static let amount: Int64 = 1

    static let variants = ["generated", "hand-written", "libpq", "go-pgx", "pgbench"]

    var sliceSeconds: Int { Self.sliceSeconds(duration: duration, rounds: rounds) }

    /// One slice's length: `duration` split into `rounds`, in whole seconds (pgbench's `-T` takes
    /// nothing finer), at least one.
    static func sliceSeconds(duration: BenchDuration, rounds: Int) -> Int {
        max(1, Int((duration.seconds / Double(rounds)).rounded()))
    }

    /// What one variant added up to over the rounds of a cell.
    private struct Tally {
        var latencies = LatencySample()
        var operations = 0
        var errors = 0
        var firstError: String?
        var seconds = 0.0
        /// ops/s of each round's slice.
        var roundOpsPerSecond: [Double] = []
        /// Client CPU seconds over the measured windows.
        var cpuSeconds = 0.0
        var pgbenchAverageMs: [Double] = []
        /// Each slice's p50 and p99 as a child process reported them, when it reports no
        /// per-operation latencies (the Go peer).
        var reportedP50Ms: [Double] = []
        var reportedP99Ms: [Double] = []

        /// Adds a closed loop's slice; returns the operations it completed, warm-up included.
        mutating func add(_ outcome: ClosedLoop.Outcome) -> Int64 {
            latencies.merge(outcome.latencies)
            operations += outcome.latencies.count
            errors += outcome.errors
            firstError = firstError ?? outcome.firstError
            seconds += outcome.seconds
            cpuSeconds += outcome.cpuSeconds
            return Int64(outcome.completedIncludingWarmup)
        }
        var moneyChecks: [MoneyCheck] = []
    }

    func measure(workload: String, clients: Int, into report: inout BenchReport) async throws {
        let transfer = workload == "transfer"
        var tallies: [String: Tally] = [:]
        for round in 0..<rounds {
            let order = variants.indices.map { variants[($0 + round) % variants.count] }
            for variant in order {
                say("\(workload) × \(clients) via \(variant), slice \(round + 1)/\(rounds) …")
                let before = transfer ? try await fixture.books() : nil
                var tally = tallies[variant] ?? Tally()
                let (operationsBefore, secondsBefore) = (tally.operations, tally.seconds)
                let committed: Int64?
                switch variant {
                case "pgbench":
                    committed = nil
                    try runPgBench(workload: workload, clients: clients, into: &tally)
                case "go-pgx":
                    committed = nil
                    try runGoPeer(workload: workload, clients: clients, into: &tally)
                case "libpq":
                    committed = try await runLibPQ(workload: workload, clients: clients, into: &tally)
                default:
                    committed = try await runSwift(workload: workload, variant: variant, clients: clients, into: &tally)
                }
                tally.roundOpsPerSecond.append(Double(tally.operations - operationsBefore) / max(tally.seconds - secondsBefore, 1e-9))
                if let before {
                    let after = try await fixture.books()
                    let check = MoneyCheck(
                        workload: "\(workload) × \(clients) \(variant)", totalBefore: before.total, totalAfter: after.total,
                        negativeBalances: after.negativeBalances, transfersAdded: after.transfers - before.transfers,
                        entriesAdded: after.entries - before.entries, transfersCommittedByClients: committed)
                    if !check.holds { say("  " + check.line) }
                    tally.moneyChecks.append(check)
                }
                tallies[variant] = tally
            }
        }

        for variant in variants {
            guard let tally = tallies[variant] else { continue }
            var summary = tally.latencies.summary(overSeconds: tally.seconds)
            if tally.latencies.count == 0, !tally.reportedP50Ms.isEmpty {
                // No per-operation sample to pool: the median of the slices' own percentiles.
                summary.p50 = BenchReport.median(tally.reportedP50Ms)
                summary.p99 = BenchReport.median(tally.reportedP99Ms)
            }
            let average = tally.pgbenchAverageMs.isEmpty ? nil : tally.pgbenchAverageMs.reduce(0, +) / Double(tally.pgbenchAverageMs.count)
            report.results.append(
                CellResult(
                    workload: workload, clients: clients, variant: variant,
                    opsPerSecond: Double(tally.operations) / max(tally.seconds, 1e-9), p50Ms: summary.p50, p99Ms: summary.p99,
                    averageMs: average,
                    clientCPUMicrosecondsPerOperation: tally.operations > 0 ? tally.cpuSeconds * 1e6 / Double(tally.operations) : nil,
                    roundOpsPerSecond: tally.roundOpsPerSecond, operations: tally.operations, errors: tally.errors))
            if let error = tally.firstError {
                report.notes.append("\(workload) × \(clients) \(variant): \(tally.errors) errors, first: \(error)")
                say("  first error: \(error)")
            }
            if let money = MoneyCheck(merging: tally.moneyChecks) {
                say("  " + money.line)
                report.moneyChecks.append(money)
            }
        }
    }

    /// One slice through a Swift variant on a pool of its own; returns the transfers it committed
    /// (warm-up included) for the money check.
    private func runSwift(workload: String, variant: String, clients: Int, into tally: inout Tally) async throws -> Int64 {
        let outcome = try await withClient(poolSize: clients) { client in
            try await self.loop(workload: workload, variant: variant, clients: clients, client: client)
        }
        return tally.add(outcome)
    }

    /// One slice through pgbench, after an unlogged warm-up run (pgbench has none of its own).
    private func runPgBench(workload: String, clients: Int, into tally: inout Tally) throws {
        let script = workload == "transfer" ? PgBench.transferScript : PgBench.getAccountScript
        _ = try pgbench.run(script: script, name: workload, clients: clients, seconds: warmup.wholeSeconds, logLatencies: false)
        // pgbench's CPU, from the usage of waited-for children around the measured run (its
        // connection set-up included, a few milliseconds).
        let cpuBefore = ProcessCPU.childrenSeconds()
        let run = try pgbench.run(script: script, name: workload, clients: clients, seconds: sliceSeconds, logLatencies: true)
        tally.cpuSeconds += ProcessCPU.childrenSeconds() - cpuBefore
        if let latencies = run.latencies { tally.latencies.merge(latencies) }
        tally.operations += run.transactions
        tally.errors += run.failed
        tally.seconds += Double(sliceSeconds)
        if let average = run.averageMs { tally.pgbenchAverageMs.append(average) }
    }

    /// One slice through the hand-written operations over ``LibPQClient``, on a pool of its own.
    private func runLibPQ(workload: String, clients: Int, into tally: inout Tally) async throws -> Int64 {
        // One reactor thread per core, like pgbench's -j 2, and each client task on one of them.
        let client = try LibPQClient(conninfo: conninfo, connections: clients, threads: min(clients, 2))
        defer { client.shutdown() }
        let loop = ClosedLoop(clients: clients, warmup: warmup.duration, duration: .seconds(sliceSeconds))
        let accounts = UInt64(Fixture.accountCount)
        let outcome: ClosedLoop.Outcome
        if workload == "transfer" {
            outcome = await loop.run(on: client.executors) { _, random in
                let (from, to) = Self.pair(&random, accounts)
                try await HandWrittenLibPQ.transfer(client, from: from, to: to, amount: Self.amount)
            }
        } else {
            outcome = await loop.run(on: client.executors) { _, random in
                let id = Int64(random.next() % accounts) + 1
                guard try await HandWrittenLibPQ.getAccount(client, id: id) != nil else {
                    throw BenchFailure(message: "account \(id) missing")
                }
            }
        }
        return tally.add(outcome)
    }

    /// One slice through the Go peer, after a warm-up run of its own (a fresh process each time,
    /// like pgbench, so its connections are opened before its clock starts but outside ours).
    private func runGoPeer(workload: String, clients: Int, into tally: inout Tally) throws {
        guard let goPeer else { throw BenchFailure(message: "the go-pgx variant needs the peer's binary") }
        _ = try goPeer.run(workload: workload, clients: clients, seconds: warmup.wholeSeconds)
        let cpuBefore = ProcessCPU.childrenSeconds()
        let run = try goPeer.run(workload: workload, clients: clients, seconds: sliceSeconds)
        tally.cpuSeconds += ProcessCPU.childrenSeconds() - cpuBefore
        tally.operations += run.ops
        tally.errors += run.errors
        tally.seconds += run.seconds
        tally.reportedP50Ms.append(run.p50Ms)
        tally.reportedP99Ms.append(run.p99Ms)
    }

    private func loop(workload: String, variant: String, clients: Int, client: PostgresClient) async throws
        -> ClosedLoop.Outcome
    {
        let loop = ClosedLoop(clients: clients, warmup: warmup.duration, duration: .seconds(sliceSeconds))
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
    /// One pool at a time: two pools of 32 next to pgbench's 32 connections would not fit in
    /// PostgreSQL's default 100.
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
