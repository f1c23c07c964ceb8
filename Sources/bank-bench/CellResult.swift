/// One measured cell of the table: a workload at a client count through one variant.
struct CellResult: Sendable, Codable {
    /// `get-account`, `transfer`, `http-get-account` or `http-transfer`.
    var workload: String
    /// Concurrent clients (closed loop) and pool size.
    var clients: Int
    /// `generated` (BankDB), `hand-written` (PostgresNIO by hand), `go-pgx` (the Go peer),
    /// `pgbench` or `wrk`.
    var variant: String
    var opsPerSecond: Double
    /// Median latency in milliseconds; nil when the tool does not report it.
    var p50Ms: Double?
    var p99Ms: Double?
    /// pgbench's own average latency, when the variant is pgbench.
    var averageMs: Double?
    /// CPU time the client spent per operation, in microseconds: bank-bench's own process for the
    /// Swift variants (all threads: PostgresNIO, NIO, Swift concurrency, the kernel on its behalf),
    /// pgbench's or the Go peer's process for those. The server's share is not in it.
    var clientCPUMicrosecondsPerOperation: Double?
    /// ops/s in each round's slice, in round order (data cells only).
    var roundOpsPerSecond: [Double]?
    /// Operations completed in the measured window.
    var operations: Int
    /// Operations that failed (they are not counted in `operations`).
    var errors: Int
    /// This cell's ops/s over pgbench's for the same workload and clients: for data cells the
    /// median over rounds of the two slices' ratio in each round, so that one slice disturbed by
    /// the host does not decide it; for HTTP cells the ratio of the totals.
    var ratioToPgbench: Double?
    /// generated ops/s over hand-written ops/s (only on `generated` rows), also the median of the
    /// rounds' ratios.
    var ratioGeneratedToHandWritten: Double?
    /// generated ops/s over the Go + pgx peer's (only on `generated` rows), the median of the
    /// rounds' ratios: the target is at least 1.
    var ratioGeneratedToGoPgx: Double?
    /// Why the cell has no figures, when it was skipped.
    var skipped: String?
}
