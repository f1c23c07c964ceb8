/// The latencies of one measured cell, in nanoseconds, and the figures the report needs.
///
/// Every operation is kept (a few hundred thousand `UInt64`s at most per cell), so the
/// percentiles are exact rather than bucketed.
struct LatencySample: Sendable {
    /// Nanoseconds per completed operation, unsorted until `summary` is asked for.
    private(set) var nanoseconds: [UInt64] = []

    /// Adds one operation's latency.
    mutating func record(_ value: UInt64) { nanoseconds.append(value) }

    /// Appends another sample, e.g. one client task's.
    mutating func merge(_ other: LatencySample) { nanoseconds.append(contentsOf: other.nanoseconds) }

    /// The number of operations.
    var count: Int { nanoseconds.count }

    /// Ops/s over `seconds`, and the 50th and 99th percentiles in milliseconds.
    func summary(overSeconds seconds: Double) -> (opsPerSecond: Double, p50: Double, p99: Double) {
        guard !nanoseconds.isEmpty, seconds > 0 else { return (0, 0, 0) }
        let sorted = nanoseconds.sorted()
        return (Double(sorted.count) / seconds, Self.percentile(sorted, 0.50), Self.percentile(sorted, 0.99))
    }

    /// The nearest-rank percentile of sorted nanoseconds, in milliseconds.
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return Double(sorted[min(max(rank, 0), sorted.count - 1)]) / 1_000_000
    }
}
