import BankDB
import Foundation
import Migrations

/// The ceiling: PostgreSQL driven by pgbench (`-M prepared`) with the same SQL as the Swift
/// workloads, measured on the same machine in the same run.
struct PgBench: Sendable {
    var executable: String
    var url: DatabaseURL
    var workDirectory: URL

    /// What one pgbench run reported.
    struct Run: Sendable {
        var tps: Double
        var averageMs: Double?
        var p50Ms: Double?
        var p99Ms: Double?
        var transactions: Int
        var failed: Int
        /// Every transaction's latency, when the run logged them.
        var latencies: LatencySample?
    }

    /// get-account: one random id among the seeded accounts, the generated GetAccount's SQL.
    static let getAccountScript = """
        \\set id random(1, \(Fixture.accountCount))
        \(pgbenchSQL(Queries.GetAccountStatement.sql, variables: ["id"]));

        """

    /// transfer: the statements of `SQLStore.transferTx` (the generated SQL, with pgbench's variables
    /// for the parameters) in one READ COMMITTED transaction.
    static let transferScript = """
        \\set from random(1, \(Fixture.accountCount))
        \\set to random(1, \(Fixture.accountCount - 1))
        \\set to case when :to >= :from then :to + 1 else :to end
        \\set amount 1
        BEGIN ISOLATION LEVEL READ COMMITTED;
        \(pgbenchSQL(Queries.GetAccountPairForUpdateStatement.sql, variables: ["from", "to"]));
        \(pgbenchSQL(Queries.PostTransferStatement.sql, variables: ["from", "to", "amount"]));
        COMMIT;

        """

    /// `sql` with `$1`, `$2`, … replaced by `:variables[0]`, `:variables[1]`, …; pgbench's `-M prepared`
    /// turns them back into parameters of a prepared statement.
    static func pgbenchSQL(_ sql: String, variables: [String]) -> String {
        var text = sql
        // Highest number first, so that `$1` does not eat the start of `$10`.
        for (index, name) in variables.enumerated().reversed() {
            text = text.replacingOccurrences(of: "$\(index + 1)", with: ":\(name)")
        }
        return text
    }

    /// Runs `script` with `clients` connections for `seconds`, logging every transaction so the
    /// percentiles can be computed.
    func run(script: String, name: String, clients: Int, seconds: Int, logLatencies: Bool) throws -> Run {
        let scriptURL = workDirectory.appendingPathComponent("\(name).sql")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let logPrefix = workDirectory.appendingPathComponent("\(name)-\(clients)").path
        // Old logs of the same prefix would be read as this run's.
        try? removeLogs(prefix: logPrefix)
        var arguments = [
            "-n", "-M", "prepared", "-c", String(clients), "-j", String(min(clients, 2)), "-T", String(seconds),
            "-f", scriptURL.path,
        ]
        if logLatencies { arguments += ["-l", "--log-prefix", logPrefix] }
        arguments += connectionArguments()
        let output = try runProcess(arguments)
        guard let tps = Self.number(after: "tps = ", in: output) else {
            throw PgBenchError(message: "pgbench printed no tps:\n\(output)")
        }
        var run = Run(
            tps: tps, averageMs: Self.number(after: "latency average = ", in: output),
            transactions: Int(Self.number(after: "number of transactions actually processed: ", in: output) ?? 0),
            failed: Int(Self.number(after: "number of failed transactions: ", in: output) ?? 0))
        if logLatencies {
            var sample = LatencySample()
            for file in try logFiles(prefix: logPrefix) {
                // A line: client_id transaction_no latency_us script_no epoch_s epoch_us
                let text = try String(contentsOfFile: file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let fields = line.split(separator: " ")
                    if fields.count >= 3, let micros = UInt64(fields[2]) { sample.record(micros * 1000) }
                }
            }
            try? removeLogs(prefix: logPrefix)
            let summary = sample.summary(overSeconds: Double(seconds))
            run.p50Ms = summary.p50
            run.p99Ms = summary.p99
            run.latencies = sample
        }
        return run
    }

    private func connectionArguments() -> [String] {
        var arguments: [String] = []
        switch url.endpoint {
        case .tcp(let host, let port): arguments += ["-h", host, "-p", String(port)]
        case .unixSocket(let directory, let port): arguments += ["-h", directory, "-p", String(port)]
        }
        arguments += ["-U", url.user, url.database ?? url.user]
        return arguments
    }

    private func runProcess(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        if let password = url.password { environment["PGPASSWORD"] = password }
        environment["PGSSLMODE"] = url.sslMode.rawValue
        let (status, output) = try Subprocess.run(
            executable, arguments, environment: environment, scratch: workDirectory)
        guard status == 0 else {
            throw PgBenchError(message: "pgbench exited with \(status):\n\(output)")
        }
        return output
    }

    private func logFiles(prefix: String) throws -> [String] {
        let directory = (prefix as NSString).deletingLastPathComponent
        let base = (prefix as NSString).lastPathComponent + "."
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(base) }
            .map { directory + "/" + $0 }
    }

    private func removeLogs(prefix: String) throws {
        for file in try logFiles(prefix: prefix) { try FileManager.default.removeItem(atPath: file) }
    }

    /// The number that follows `label` on some line of `text`.
    static func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return Double(digits)
    }
}

/// pgbench failed or printed something unexpected.
struct PgBenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
