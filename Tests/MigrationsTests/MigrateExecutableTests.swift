import Foundation
import Testing

@testable import Migrations

/// Runs the built `migrate` executable as a user would.
@Suite("migrate executable")
struct MigrateExecutableTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `migrate` binary built next to the test bundle.
    static func executable() throws -> URL {
        var folders: [URL] = []
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let argument = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("migrate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(searched: folders.map(\.path))
    }

    struct Missing: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the migrate executable was not found next to the tests (searched \(searched)); "
                + "build it with `swift build --product migrate`"
        }
    }

    /// Runs `migrate` with `arguments`, standard input closed.
    static func run(_ arguments: [String]) async throws -> Output {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Output(status: status, stdout: stdout, stderr: stderr)
    }

    @Test("up, version, down 1, force and drop with golang-migrate's flags")
    func upAndVersion() async throws {
        try await TestDatabase.with { db in
            let base = ["-path", Repository.bankMigrations, "-database", db.urlString]
            let up = try await Self.run(base + ["-verbose", "up"])
            #expect(up.status == 0, "\(up.stderr)")
            let lines = up.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("1/u init_schema (") == true)
            #expect(lines.contains { $0.hasPrefix("5/u add_role_to_users (") })
            #expect(lines.last?.hasPrefix("Finished after ") == true)
            #expect(up.stderr.isEmpty)

            let version = try await Self.run(base + ["version"])
            #expect(version.status == 0)
            #expect(version.stdout == "6\n")

            let again = try await Self.run(base + ["up"])
            #expect(again.stdout == "no change\n")

            let down = try await Self.run(base + ["down", "1"])
            #expect(down.status == 0)
            #expect(down.stdout.hasPrefix("6/d add_jobs ("))

            let force = try await Self.run(base + ["force", "-1"])
            #expect(force.status == 0, "\(force.stderr)")
            let none = try await Self.run(base + ["version"])
            #expect(none.status == 1)
            #expect(none.stderr == "error: no migration\n")

            let refused = try await Self.run(base + ["drop"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("without -f"))
            let drop = try await Self.run(base + ["drop", "-f"])
            #expect(drop.status == 0, "\(drop.stderr)")
            #expect(try await db.tables().isEmpty)

            // `down` without N on a non-terminal applies all, as `make migrate-down` needs.
            _ = try await Self.run(base + ["up", "2"])
            let downAll = try await Self.run(base + ["down"])
            #expect(downAll.status == 0, "\(downAll.stderr)")
            #expect(downAll.stdout.split(separator: "\n").count == 2)
        }
    }

    @Test("errors go to standard error prefixed 'error: ' with exit status 1")
    func errors() async throws {
        let port = try ClosedPort.find()
        let closed = try await Self.run([
            "-path", Repository.bankMigrations, "-database",
            "postgresql://root:secret@localhost:\(port)/simple_bank?sslmode=disable", "up",
        ])
        #expect(closed.status == 1)
        #expect(
            closed.stderr
                == "error: could not connect to localhost:\(port): connection refused; is PostgreSQL running? try `make start-postgres`\n"
        )
        #expect(closed.stdout.isEmpty)

        let badURL = try await Self.run(["-path", Repository.bankMigrations, "-database", "mysql://u:pw@x/db", "up"])
        #expect(badURL.status == 1)
        #expect(badURL.stderr.hasPrefix("error: invalid database URL 'mysql://u:****@x/db': unsupported scheme"))

        let missing = try await Self.run([
            "-path", "no/such/folder", "-database", "postgresql://root:secret@localhost/simple_bank", "up",
        ])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: migrations folder 'no/such/folder' does not exist\n")

        let usage = try await Self.run(["-path", Repository.bankMigrations, "up"])
        #expect(usage.status == 1)
        #expect(usage.stderr.hasPrefix("error: missing -database"))
    }

    @Test("create -ext sql -dir … -seq NAME writes the next pair of files")
    func create() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["init_schema", "add_users"] {
            let result = try await Self.run(["create", "-ext", "sql", "-dir", folder.path, "-seq", name])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(
            try folder.contents() == [
                "000001_init_schema.down.sql", "000001_init_schema.up.sql", "000002_add_users.down.sql",
                "000002_add_users.up.sql",
            ])
        let stamped = try await Self.run(["create", "-ext", "sql", "-dir", folder.path, "-format", "unix", "later"])
        #expect(stamped.status == 0, "\(stamped.stderr)")
        #expect(try folder.contents().count == 6)
        let noExt = try await Self.run(["create", "-dir", folder.path, "-seq", "x"])
        #expect(noExt.status == 1)
        #expect(noExt.stderr.hasPrefix("error: -ext flag must be specified"))
    }
}
