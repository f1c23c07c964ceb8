import Foundation

/// The peer the project measures itself against: the same two operations in Go, with sqlc-shaped
/// code over pgx v4 and pgxpool (named prepared statements, like pgbench's `-M prepared`), built by
/// `make bench` into `peerbench`. It runs as a child process and prints one JSON line per run.
struct GoPeer: Sendable {
    var executable: String
    /// The benchmark database's URL, as given to `bank-bench`.
    var databaseURL: String
    var workDirectory: URL

    /// The JSON line `peerbench` prints.
    struct Run: Sendable, Decodable {
        var seconds: Double
        var ops: Int
        var opsPerSecond: Double
        var p50Ms: Double
        var p99Ms: Double
        var errors: Int

        enum CodingKeys: String, CodingKey {
            case seconds, ops, errors
            case opsPerSecond = "ops_per_sec"
            case p50Ms = "p50_ms"
            case p99Ms = "p99_ms"
        }
    }

    /// Runs `workload` with `clients` connections (opened before its clock starts) for `seconds`.
    func run(workload: String, clients: Int, seconds: Int) throws -> Run {
        let arguments = [
            "-dsn", databaseURL, "-workload", workload, "-clients", String(clients),
            "-seconds", String(seconds), "-accounts", String(Fixture.accountCount),
        ]
        let (status, output) = try Subprocess.run(executable, arguments, scratch: workDirectory)
        guard status == 0 else { throw PgBenchError(message: "\(executable) exited with \(status):\n\(output)") }
        // Standard error (a count of failed operations) shares the log with the JSON line.
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let run = try? JSONDecoder().decode(Run.self, from: Data(line.utf8))
        else {
            throw PgBenchError(message: "\(executable) printed no result line:\n\(output)")
        }
        return run
    }
}
