import ArgumentParser
import BankDB
import Foundation
import Logging
import Migrations
import NIOPosix
import PostgresNIO

/// `bank-bench`: BankDB's generated code against hand-written PostgresNIO, the Go + pgx peer and
/// pgbench, the bank server under wrk, and the generator's speed. See the README's Performance section and `make bench`.
@main
struct BankBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-bench",
        abstract: "Measure BankDB (generated) vs hand-written PostgresNIO, Go + pgx and pgbench, the HTTP server, and swift-sqlgen.",
        discussion: """
            Run from the repository root (it reads db/migration, db/query and sqlc.yaml). Workloads: \
            get-account, transfer, http-get-account, http-transfer, generator.
            """
    )

    static let allWorkloads = ["get-account", "transfer", "http-get-account", "http-transfer", "generator"]

    @Option(help: "Measured time per cell, e.g. 10s or 500ms (env BENCH_DURATION).")
    var duration: BenchDuration =
        BenchDuration(argument: ProcessInfo.processInfo.environment["BENCH_DURATION"] ?? "10s")
        ?? BenchDuration(seconds: 10)

    @Option(help: "Warm-up before each slice of a data cell and before each HTTP cell (env BENCH_WARMUP).")
    var warmup: BenchDuration =
        BenchDuration(argument: ProcessInfo.processInfo.environment["BENCH_WARMUP"] ?? "1s")
        ?? BenchDuration(seconds: 2)

    @Option(
        help: """
            Slices each data cell's time is split into, run interleaved across the variants \
            (env BENCH_ROUNDS).
            """)
    // Five pairs of 2-second slices per cell: single slices on this shared 2-core host swing by
    // ±15% (A/B runs of 12 rounds), so a cell's ratio is the median of five paired ratios. The
    // 1-second warm-ups keep the run as long as three rounds with 2-second warm-ups were.
    var rounds: Int = ProcessInfo.processInfo.environment["BENCH_ROUNDS"].flatMap { Int($0) } ?? 5

    /// Where the Swift variants' tasks run.
    enum Executor: String, ExpressibleByArgument, CaseIterable {
        /// NIO's event loops as Swift Concurrency's global executor.
        case nio
        /// Swift Concurrency's own cooperative pool.
        case swift
    }

    @Option(help: "Where the Swift variants' tasks run: nio (event loops as the global executor) or swift (env BENCH_EXECUTOR).")
    var executor: Executor = ProcessInfo.processInfo.environment["BENCH_EXECUTOR"].flatMap(Executor.init(rawValue:)) ?? .nio

    @Option(help: "Comma-separated client counts (env BENCH_CLIENTS).")
    var clients: String = ProcessInfo.processInfo.environment["BENCH_CLIENTS"] ?? "1,8,32"

    @Option(help: "Comma-separated workloads (env BENCH_WORKLOADS); default all.")
    var workloads: String = ProcessInfo.processInfo.environment["BENCH_WORKLOADS"] ?? BankBench.allWorkloads.joined(separator: ",")

    @Option(help: "Comma-separated data variants: generated, hand-written, libpq, go-pgx, pgbench (env BENCH_VARIANTS); default all.")
    var variants: String = ProcessInfo.processInfo.environment["BENCH_VARIANTS"] ?? DataRunner.variants.joined(separator: ",")

    @Option(name: .customLong("database-url"), help: "The benchmark database (created and seeded when missing).")
    var databaseURL = "postgresql://root:secret@127.0.0.1:5432/simple_bank_bench?sslmode=disable"

    @Option(help: "Where to write the JSON results.")
    var json = "bench/results/latest.json"

    @Option(help: "The swift-sqlgen binary (default: next to bank-bench).")
    var sqlgen: String?

    @Option(name: .customLong("bank-server"), help: "The bank-server binary (default: next to bank-bench).")
    var bankServer: String?

    @Option(
        name: .customLong("go-peer"),
        help: "The Go + pgx peer's binary (env BENCH_GO_PEER; make bench builds it); without it go-pgx is skipped, with a note.")
    var goPeer: String = ProcessInfo.processInfo.environment["BENCH_GO_PEER"] ?? ""

    @Option(help: "The pgbench binary (default: pgbench on PATH).")
    var pgbench: String?

    @Option(name: .customLong("generator-runs"), help: "Runs per generator project (the median is reported).")
    var generatorRuns = 5

    @Option(name: .customLong("generator-tables"), help: "Synthetic project sizes in tables (10 queries each).")
    var generatorTables = "100,500"

    mutating func validate() throws {
        let unknown = selectedWorkloads.filter { !Self.allWorkloads.contains($0) }
        guard unknown.isEmpty else { throw ValidationError("unknown workloads: \(unknown.joined(separator: ", "))") }
        guard !clientCounts.isEmpty, clientCounts.allSatisfy({ $0 >= 1 && $0 <= 90 }) else {
            throw ValidationError("--clients takes counts between 1 and 90 (PostgreSQL allows 100 connections)")
        }
        let named = variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !named.isEmpty, named.allSatisfy(DataRunner.variants.contains) else {
            throw ValidationError("--variants takes some of \(DataRunner.variants.joined(separator: ", "))")
        }
        guard rounds >= 1, rounds <= 20 else { throw ValidationError("--rounds: 1…20") }
        guard generatorRuns >= 1, generatorRuns <= 50 else { throw ValidationError("--generator-runs: 1…50") }
    }

    var selectedWorkloads: [String] {
        workloads.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The data variants to run, in the table's order.
    var selectedVariants: [String] {
        let named = Set(variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return DataRunner.variants.filter(named.contains)
    }

    var sliceSeconds: Int { DataRunner.sliceSeconds(duration: duration, rounds: rounds) }

    var clientCounts: [Int] { clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() async throws {
        // Before the first connection: NIO's event loops become Swift Concurrency's global executor,
        // so a client task resumes on the event loop its connection answered on instead of hopping
        // to the cooperative pool and back at every await. It is the set-up Hummingbird recommends
        // for servers; here it cut the client's CPU per get-account by about a fifth and per
        // transfer by a quarter, for both Swift variants alike.
        var executorInstalled = false
        if executor == .nio {
            executorInstalled = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
            if !executorInstalled { Console.say("could not install NIO's event loops as the global executor; using Swift's") }
        }
        var logger = Logger(label: "bank-bench")
        logger.logLevel = .warning
        let url = try DatabaseURL(databaseURL)
        let fixture = Fixture(url: url, migrationsDirectory: "db/migration", logger: logger)
        // Beside the project rather than in /tmp: the generator is timed writing its output where a
        // project's would go, not into a folder other programs fill and empty all the time (file
        // creation there measured several times slower on this machine).
        let scratch = URL(fileURLWithPath: ".build/bank-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let needsDatabase = selectedWorkloads.contains { $0 != "generator" }
        var postgresVersion = "not used"
        if needsDatabase {
            Console.say(try await fixture.prepare())
            postgresVersion = try await fixture.serverVersion()
        }
        var report = BenchReport(
            machine: .init(
                cores: ProcessInfo.processInfo.activeProcessorCount, postgresVersion: postgresVersion,
                operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString,
                date: ISO8601DateFormatter().string(from: Date()), loadAverageAtStart: BenchReport.loadAverage()),
            settings: .init(
                durationSeconds: duration.seconds, warmupSeconds: warmup.seconds, rounds: rounds,
                sliceSeconds: sliceSeconds, clients: clientCounts,
                workloads: selectedWorkloads,
                pool: "maximumConnections = minimumConnections = clients, keepAliveBehavior = nil (postgres-nio #511)",
                executor: executorInstalled ? "NIO event loops as the global executor" : "Swift's cooperative pool"))

        var variants = selectedVariants
        var peer: GoPeer?
        if variants.contains("go-pgx") {
            if !goPeer.isEmpty, FileManager.default.isExecutableFile(atPath: goPeer) {
                peer = GoPeer(executable: goPeer, databaseURL: databaseURL, workDirectory: scratch)
            } else {
                let reason =
                    goPeer.isEmpty
                    ? "go-pgx skipped: no --go-peer binary (make bench builds one where Go can be installed)"
                    : "go-pgx skipped: \(goPeer) is not an executable file"
                Console.say(reason)
                report.notes.append(reason)
                variants.removeAll { $0 == "go-pgx" }
            }
        }
        let runner = DataRunner(
            fixture: fixture, url: url, logger: logger, warmup: warmup, duration: duration, rounds: rounds,
            variants: variants,
            pgbench: PgBench(executable: pgbench ?? Self.which("pgbench") ?? "pgbench", url: url, workDirectory: scratch),
            conninfo: databaseURL, goPeer: peer, say: Console.say)
        for workload in ["get-account", "transfer"] where selectedWorkloads.contains(workload) {
            for count in clientCounts {
                try await runner.measure(workload: workload, clients: count, into: &report)
            }
        }
        try await runHTTP(fixture: fixture, url: url, scratch: scratch, into: &report)
        if selectedWorkloads.contains("generator") {
            try runGenerator(scratch: scratch, into: &report)
        }

        report.machine.loadAverageAtEnd = BenchReport.loadAverage()
        report.computeRatios()
        print("")
        print(report.markdown)
        try report.save(to: json)
        Console.say("results written to \(json)")
        if report.moneyChecks.contains(where: { !$0.holds }) {
            throw BenchFailure(message: "the money invariant does not hold: these figures are not results")
        }
    }

    /// The HTTP workloads, or one skip line per cell with the reason.
    private func runHTTP(fixture: Fixture, url: DatabaseURL, scratch: URL, into report: inout BenchReport) async throws {
        let wanted = ["http-get-account", "http-transfer"].filter { selectedWorkloads.contains($0) }
        guard !wanted.isEmpty else { return }
        let http = HTTPBench(
            serverPath: bankServer ?? Self.sibling("bank-server"), wrkPath: Self.which("wrk"), url: url,
            databaseURLString: databaseURL, migrationsDirectory: "db/migration", workDirectory: scratch)
        func skipAll(_ reason: String) {
            Console.say("http workloads \(reason)")
            report.notes.append("http workloads \(reason)")
            for workload in wanted {
                for count in clientCounts {
                    report.results.append(
                        CellResult(
                            workload: workload, clients: count, variant: "wrk", opsPerSecond: 0, operations: 0, errors: 0,
                            skipped: reason))
                }
            }
        }
        if let reason = http.unavailableReason() { return skipAll(reason) }
        let session: HTTPBench.Session
        do {
            session = try await http.start(fixture: fixture)
        } catch let skip as HTTPSkip {
            return skipAll(skip.reason)
        }
        defer { session.stop() }
        for workload in wanted {
            let transfer = workload == "http-transfer"
            let script =
                transfer ? HTTPBench.transferScript(session.actors) : HTTPBench.getAccountScript(session.actors)
            let before = transfer ? try await fixture.books() : nil
            for count in clientCounts {
                Console.say("\(workload) × \(count) via wrk …")
                _ = try http.wrk(session: session, script: script, name: workload, clients: count, seconds: warmup.wholeSeconds)
                let result = try http.wrk(
                    session: session, script: script, name: workload, clients: count, seconds: duration.wholeSeconds)
                report.results.append(
                    CellResult(
                        workload: workload, clients: count, variant: "wrk", opsPerSecond: result.requestsPerSecond,
                        p50Ms: result.p50Ms, p99Ms: result.p99Ms, operations: result.requests, errors: result.errors))
            }
            if let before {
                let after = try await fixture.books()
                let check = MoneyCheck(
                    workload: workload, totalBefore: before.total, totalAfter: after.total,
                    negativeBalances: after.negativeBalances, transfersAdded: after.transfers - before.transfers,
                    entriesAdded: after.entries - before.entries)
                Console.say(check.line)
                report.moneyChecks.append(check)
            }
        }
    }

    private func runGenerator(scratch: URL, into report: inout BenchReport) throws {
        let path = sqlgen ?? Self.sibling("swift-sqlgen")
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Console.say("generator skipped: \(path) not built")
            report.notes.append("generator skipped: swift-sqlgen not built")
            return
        }
        let bench = GeneratorBench(
            sqlgenPath: path, repository: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            workDirectory: scratch, runs: generatorRuns)
        Console.say("generator: bank …")
        report.generator.append(try bench.bank())
        for tables in generatorTables.split(separator: ",").compactMap({ Int($0) }) {
            Console.say("generator: \(tables) tables …")
            report.generator.append(try bench.synthetic(tables: tables))
        }
    }

    /// A file next to this executable (the build folder holds all products).
    static func sibling(_ name: String) -> String {
        let me = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The run measured something impossible.
struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
