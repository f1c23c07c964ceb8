import Foundation

/// Everything one run measured, as printed (markdown) and as saved (JSON).
struct BenchReport: Sendable, Codable {
    /// Where and when it ran.
    struct Machine: Sendable, Codable {
        var cores: Int
        var postgresVersion: String
        var operatingSystem: String
        var date: String
        /// /proc/loadavg when the run started and when it ended: a busy machine shows here.
        var loadAverageAtStart: String
        var loadAverageAtEnd: String?
    }

    /// How it ran.
    struct Settings: Sendable, Codable {
        /// BENCH_DURATION: an HTTP cell's length; a data cell's, split into `rounds` slices of `sliceSeconds`.
        var durationSeconds: Double
        /// Warm-up before each slice (and before each HTTP cell).
        var warmupSeconds: Double
        /// Slices per data cell and variant, run interleaved across the variants.
        var rounds: Int
        var sliceSeconds: Int
        var clients: [Int]
        var workloads: [String]
        var pool: String
        /// Where the Swift variants' tasks ran.
        var executor: String
    }

    var machine: Machine
    var settings: Settings
    var results: [CellResult] = []
    var moneyChecks: [MoneyCheck] = []
    var generator: [GeneratorBench.Result] = []
    /// Skips and other remarks, in the order they happened.
    var notes: [String] = []

    /// Fills in each row's ratio to pgbench (for an HTTP row, pgbench running its data workload)
    /// and each generated row's ratios to hand-written and to the Go peer.
    mutating func computeRatios() {
        let all = results
        for index in all.indices {
            let cell = all[index]
            guard cell.skipped == nil else { continue }
            // An HTTP cell's ceiling is pgbench doing its data workload's SQL at the same client count.
            let dataWorkload = cell.workload.hasPrefix("http-") ? String(cell.workload.dropFirst(5)) : cell.workload
            func peer(_ variant: String) -> CellResult? {
                all.first {
                    $0.workload == (variant == "pgbench" ? dataWorkload : cell.workload) && $0.clients == cell.clients
                        && $0.variant == variant && $0.skipped == nil
                }
            }
            if cell.variant != "pgbench", let ceiling = peer("pgbench") {
                results[index].ratioToPgbench = Self.ratio(cell, ceiling)
            }
            if cell.variant == "generated", let hand = peer("hand-written") {
                results[index].ratioGeneratedToHandWritten = Self.ratio(cell, hand)
            }
            if cell.variant == "generated", let go = peer("go-pgx") {
                results[index].ratioGeneratedToGoPgx = Self.ratio(cell, go)
            }
        }
    }

    /// `cell`'s throughput over `base`'s: the median of the per-round ratios when both were measured
    /// in the same rounds (each pair of slices ran close together), else the ratio of the totals.
    static func ratio(_ cell: CellResult, _ base: CellResult) -> Double? {
        if let rounds = cell.roundOpsPerSecond, let baseRounds = base.roundOpsPerSecond, rounds.count == baseRounds.count,
            !rounds.isEmpty, baseRounds.allSatisfy({ $0 > 0 })
        {
            return median(zip(rounds, baseRounds).map { $0 / $1 })
        }
        return base.opsPerSecond > 0 ? cell.opsPerSecond / base.opsPerSecond : nil
    }

    /// The middle value; the mean of the two middle ones for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The tables and checks in markdown.
    var markdown: String {
        var lines: [String] = []
        if !results.isEmpty {
            lines += [
                "| workload | clients | variant | ops/s | p50 ms | p99 ms | client CPU µs/op | ratio to pgbench "
                    + "| generated / hand-written | generated / go-pgx |",
                "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
            ]
        }
        for cell in results {
            if let skipped = cell.skipped {
                lines.append("| \(cell.workload) | \(cell.clients) | \(cell.variant) | \(skipped) | | | | | | |")
                continue
            }
            let errors = cell.errors > 0 ? " (\(cell.errors) errors)" : ""
            lines.append(
                "| \(cell.workload) | \(cell.clients) | \(cell.variant) | \(Self.format(cell.opsPerSecond, 0))\(errors) | "
                    + "\(Self.format(cell.p50Ms, 2)) | \(Self.format(cell.p99Ms, 2)) | "
                    + "\(Self.format(cell.clientCPUMicrosecondsPerOperation, 1)) | \(Self.format(cell.ratioToPgbench, 2)) | "
                    + "\(Self.format(cell.ratioGeneratedToHandWritten, 3)) | \(Self.format(cell.ratioGeneratedToGoPgx, 3)) |")
        }
        if !generator.isEmpty {
            lines += [
                "",
                "| generator project | tables | queries | median s, from scratch (of \(generator[0].runs)) | queries/s "
                    + "| median s, output up to date | queries/s | output KiB |",
                "|---|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for result in generator {
                lines.append(
                    "| \(result.project) | \(result.tables) | \(result.queries) | \(Self.format(result.medianSeconds, 3)) | "
                        + "\(Self.format(result.queriesPerSecond, 0)) | \(Self.format(result.upToDateMedianSeconds, 3)) | "
                        + "\(Self.format(result.upToDateQueriesPerSecond, 0)) | \(result.generatedBytes / 1024) |")
            }
        }
        if !moneyChecks.isEmpty { lines += [""] + moneyChecks.map { "- " + $0.line } }
        if !notes.isEmpty { lines += [""] + notes.map { "- " + $0 } }
        lines.append("")
        lines.append(
            "\(machine.cores) cores, PostgreSQL \(machine.postgresVersion), \(machine.date), "
                + "load average \(machine.loadAverageAtStart) → \(machine.loadAverageAtEnd ?? "?"); "
                + "data cells: \(settings.rounds) interleaved slices of \(settings.sliceSeconds) s per variant, "
                + "each after \(settings.warmupSeconds) s warm-up, ratios the median of the rounds' ratios; HTTP cells: \(settings.durationSeconds) s; pool: \(settings.pool); "
                + "Swift tasks on: \(settings.executor)")
        return lines.joined(separator: "\n")
    }

    /// Writes the JSON, creating the folder if needed.
    func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url)
    }

    /// The first three fields of /proc/loadavg, e.g. `3.61 3.44 4.79`; "unknown" elsewhere.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func format(_ value: Double?, _ digits: Int) -> String {
        guard let value else { return "–" }
        return String(format: "%.\(digits)f", value)
    }
}
