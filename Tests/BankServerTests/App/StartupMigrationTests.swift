import Foundation
import Logging
import Migrations
import Testing

@testable import BankServer

/// ``StartupMigration`` in process, against fresh databases on the local PostgreSQL.
@Suite("StartupMigration")
struct StartupMigrationTests {
    static let migrationURL = "file://" + repositoryRoot.appendingPathComponent("db/migration").path

    static func migration(_ database: ScratchDatabase, migrationURL: String = migrationURL) throws -> StartupMigration {
        StartupMigration(database: try DatabaseURL(database.urlString), migrationURL: migrationURL)
    }

    @Test("a fresh database gets every migration, one log line each; the next start finds it up to date")
    func freshThenUpToDate() async throws {
        try await ScratchDatabase.with { database in
            let recorder = LogRecorder()
            var logger = recorder.makeLogger()
            logger.logLevel = .info  // as the server runs by default
            let applied = try await Self.migration(database).run(logger: logger)
            #expect(applied.map(\.version) == [1, 2, 3, 4, 5, 6])
            #expect(try await database.schemaVersion() == SchemaVersion(version: 6, dirty: false))
            #expect(
                recorder.records.filter { $0.level == .info }.map(\.message) == [
                    "checking database migrations",
                    "migrated to version 1: init_schema",
                    "migrated to version 2: add_users",
                    "migrated to version 3: add_sessions",
                    "migrated to version 4: add_verify_emails",
                    "migrated to version 5: add_role_to_users",
                    "migrated to version 6: add_jobs",
                ]
            )
            // The database's URL is logged without its password.
            #expect(!recorder.records.contains { $0.fullText.contains(":secret@") })

            let again = LogRecorder()
            #expect(try await Self.migration(database).run(logger: again.makeLogger()).isEmpty)
            let upToDate = again.records.first { $0.message == "database is up to date" }
            #expect(upToDate?.metadata["version"] == "6")
        }
    }

    @Test("replicas starting together: the advisory lock lets one migrate, the others find nothing to do")
    func concurrentReplicas() async throws {
        try await ScratchDatabase.with { database in
            let migration = try Self.migration(database)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await migration.run(logger: LogRecorder().makeLogger()).count }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.sorted() == [0, 0, 6])
            #expect(try await database.schemaVersion() == SchemaVersion(version: 6, dirty: false))
        }
    }

    @Test("a failing migration is logged and thrown; the file before it stays applied, nothing is dirty")
    func failingMigration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("startup-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "CREATE TABLE things (id bigint PRIMARY KEY);\n"
            .write(to: folder.appendingPathComponent("000001_things.up.sql"), atomically: true, encoding: .utf8)
        try "INSERT INTO things VALUES (1);\nSELECT * FROM no_such_table;\n"
            .write(to: folder.appendingPathComponent("000002_broken.up.sql"), atomically: true, encoding: .utf8)

        try await ScratchDatabase.with { database in
            let recorder = LogRecorder()
            let migration = try Self.migration(database, migrationURL: "file://" + folder.path)
            let error = await #expect(throws: StartupMigrationError.self) {
                try await migration.run(logger: recorder.makeLogger())
            }
            guard case .statementFailed? = error?.migrationError else {
                Issue.record("expected a failed statement, got \(String(describing: error))")
                return
            }
            #expect(error?.description.hasPrefix("database migration failed: 000002_broken.up.sql:2:") == true)
            #expect(error?.message.contains("no_such_table") == true)
            #expect(recorder.records.contains { $0.message == "migrated to version 1: things" })
            let failure = recorder.records.first { $0.level == .error }
            #expect(failure?.message == "database migration failed; the server will not start")
            #expect(failure?.fullText.contains("no_such_table") == true)
            #expect(try await database.schemaVersion() == SchemaVersion(version: 1, dirty: false))
        }
    }

    @Test("a missing migrations folder names MIGRATION_URL and the working directory")
    func missingFolder() async throws {
        let migration = StartupMigration(
            database: try DatabaseURL("postgresql://root:secret@127.0.0.1:1/none?sslmode=disable"),
            migrationURL: "file://no/such/folder"
        )
        let error = await #expect(throws: StartupMigrationError.self) {
            try await migration.run(logger: LogRecorder().makeLogger())
        }
        #expect(error?.migrationError == .missingDirectory(path: "no/such/folder"))
        #expect(error?.message.contains("MIGRATION_URL is file://no/such/folder") == true)
    }

    @Test("an unreachable database is a connection failure that says so")
    func unreachable() async throws {
        // Port 1 on the loopback: nothing listens, every attempt is refused at once.
        let migration = StartupMigration(
            database: try DatabaseURL("postgresql://root:secret@127.0.0.1:1/none?sslmode=disable"),
            migrationURL: Self.migrationURL
        )
        let error = await #expect(throws: StartupMigrationError.self) {
            try await migration.run(logger: LogRecorder().makeLogger())
        }
        guard case .connectionFailed? = error?.migrationError else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(error?.message.contains("secret") == false)
    }

    @Test("the migrator's own per-file info lines are held back above debug, kept at debug")
    func migratorLogLevel() {
        var logger = LogRecorder().makeLogger()
        logger.logLevel = .info
        #expect(StartupMigration.migratorLogger(from: logger).logLevel == .notice)
        logger.logLevel = .error
        #expect(StartupMigration.migratorLogger(from: logger).logLevel == .error)
        logger.logLevel = .debug
        #expect(StartupMigration.migratorLogger(from: logger).logLevel == .debug)
        #expect(StartupMigration.milliseconds(.milliseconds(12) + .microseconds(340)) == "12.3ms")
    }
}
