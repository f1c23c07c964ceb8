import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL cluster of its own (`scripts/throwaway-postgres.sh`) for tests that stop,
/// restart or crash the database: the shared test server is never touched. Its data lives in a
/// temporary folder and it listens on a free port; ``with(_:)`` removes it, also when the test fails.
struct ThrowawayPostgres: Sendable {
    static let script = repositoryRoot.appendingPathComponent("scripts/throwaway-postgres.sh").path
    private static let logger = Logger(label: "throwaway-postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A step of the script failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let folder: String
    let port: Int

    /// The bank's database on this cluster (created by ``with(_:)``), as a `DB_SOURCE`.
    var databaseURL: String { "postgresql://root@127.0.0.1:\(port)/bank?sslmode=disable" }

    /// Creates and starts a cluster with an empty database `bank`, runs `body`, then stops the
    /// cluster and deletes its folder whatever happened.
    static func with<T: Sendable>(_ body: (ThrowawayPostgres) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bank-fault-pg-\(UUID().uuidString.prefix(8))").path
        let cluster = ThrowawayPostgres(folder: folder, port: try LoopbackHTTP.freePort())
        let outcome: Result<T, any Error>
        do {
            try await cluster.run("init", String(cluster.port))
            try await cluster.execute("CREATE DATABASE bank", database: "postgres")
            outcome = .success(try await body(cluster))
        } catch {
            outcome = .failure(error)
        }
        try? await cluster.run("destroy")
        return try outcome.get()
    }

    /// `pg_ctl restart -m mode`; returns when the cluster accepts connections again.
    func restart(mode: String) async throws { try await run("restart", mode) }

    /// `pg_ctl stop -m mode`.
    func stop(mode: String = "fast") async throws { try await run("stop", mode) }

    /// `pg_ctl start`, after a stop; returns when the cluster accepts connections.
    func start() async throws { try await run("start") }

    /// Runs one statement on a connection of its own and returns the rows.
    @discardableResult
    func execute(_ sql: String, database: String = "bank") async throws -> [PostgresRow] {
        let configuration = PostgresConnection.Configuration(
            host: "127.0.0.1", port: port, username: "root", password: nil, database: database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
            try? await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs the script with `arguments` after the command and the folder, polling for its end so
    /// that no thread blocks; fails with its output when it exits non-zero or outlasts two minutes.
    private func run(_ command: String, _ arguments: String...) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script, command, folder] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("throwaway-postgres-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw Failure(description: "throwaway-postgres.sh \(command) did not finish within 120 s")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw Failure(description: "throwaway-postgres.sh \(command) exited \(process.terminationStatus): \(text)")
        }
    }
}
