import Foundation

/// Times `swift-sqlgen generate` end to end (process start, parse, analyze, emit, write) on the
/// bank and on synthetic projects, and reports the median of several runs.
struct GeneratorBench: Sendable {
    var sqlgenPath: String
    /// The repository root (for the bank's sqlc.yaml and db folder).
    var repository: URL
    var workDirectory: URL
    var runs: Int

    /// One project's figures.
    struct Result: Sendable, Codable {
        var project: String
        var tables: Int
        var queries: Int
        var runs: Int
        var medianSeconds: Double
        var minSeconds: Double
        var maxSeconds: Double
        var queriesPerSecond: Double
        /// The median when the output is already there and up to date (nothing is written): the
        /// everyday `make sqlc`. The figures above start from an empty output folder each run.
        var upToDateMedianSeconds: Double
        var upToDateQueriesPerSecond: Double
        var generatedBytes: Int
    }

    /// The bank: its configuration and SQL copied into a scratch folder, so the repository's
    /// committed output is never touched.
    func bank() throws -> Result {
        let directory = workDirectory.appendingPathComponent("sqlgen-bank")
        let manager = FileManager.default
        try? manager.removeItem(at: directory)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(at: repository.appendingPathComponent("sqlc.yaml"), to: directory.appendingPathComponent("sqlc.yaml"))
        try manager.copyItem(at: repository.appendingPathComponent("db"), to: directory.appendingPathComponent("db"))
        let queries = try Self.countQueries(in: directory.appendingPathComponent("db/query"))
        let tables = 6
        return try time(project: "bank", tables: tables, queries: queries, directory: directory, output: "Sources")
    }

    /// A synthetic project of `tables` tables.
    func synthetic(tables: Int) throws -> Result {
        let project = SyntheticProject(tables: tables)
        let directory = workDirectory.appendingPathComponent("sqlgen-synthetic-\(tables)")
        try project.write(to: directory)
        return try time(
            project: "synthetic-\(tables)", tables: tables, queries: project.queryCount, directory: directory, output: "Generated")
    }

    private func time(project: String, tables: Int, queries: Int, directory: URL, output: String) throws -> Result {
        var fromScratch: [Double] = []
        var upToDate: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            // Start from nothing so this run writes every file.
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(output))
            fromScratch.append(try timedRun(in: directory))
            bytes = Self.size(of: directory.appendingPathComponent(output))
        }
        for _ in 0..<runs {
            upToDate.append(try timedRun(in: directory))
        }
        let sorted = fromScratch.sorted()
        let median = sorted[sorted.count / 2]
        let upToDateMedian = upToDate.sorted()[upToDate.count / 2]
        return Result(
            project: project, tables: tables, queries: queries, runs: runs, medianSeconds: median, minSeconds: sorted[0],
            maxSeconds: sorted[sorted.count - 1], queriesPerSecond: Double(queries) / median,
            upToDateMedianSeconds: upToDateMedian, upToDateQueriesPerSecond: Double(queries) / upToDateMedian,
            generatedBytes: bytes)
    }

    private func timedRun(in directory: URL) throws -> Double {
        let start = ContinuousClock.now
        try runGenerator(in: directory)
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func runGenerator(in directory: URL) throws {
        let (status, output) = try Subprocess.run(
            sqlgenPath, ["generate", "-f", directory.appendingPathComponent("sqlc.yaml").path], scratch: workDirectory)
        guard status == 0 else {
            throw PgBenchError(message: "swift-sqlgen generate failed in \(directory.lastPathComponent):\n\(output.prefix(4000))")
        }
    }

    private static func countQueries(in directory: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).reduce(0) { count, file in
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return count + text.components(separatedBy: "-- name:").count - 1
        }
    }

    private static func size(of directory: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.fileSizeKey])
        else { return 0 }
        var total = 0
        for case let file as URL in enumerator {
            total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}
