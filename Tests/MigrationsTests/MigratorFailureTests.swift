import Foundation
import PostgresNIO
import Testing

@testable import Migrations

@Suite("Migrator failures")
struct MigratorFailureTests {
    static let good = "CREATE TABLE first (id int PRIMARY KEY);\n"

    @Test("a failing file leaves the previous version, clean, and none of its statements applied")
    func failureRollsBack() async throws {
        let files = [
            "000001_first.up.sql": Self.good,
            "000002_broken.up.sql": """
            CREATE TABLE second (id int PRIMARY KEY);
            INSERT INTO first VALUES (1);

            -- the next statement fails: no such table
            INSERT INTO missing
              VALUES (1);
            CREATE TABLE third (id int);
            """,
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
                guard case .statementFailed(let failure) = error else {
                    Issue.record("unexpected error \(String(describing: error))")
                    return
                }
                #expect(failure.file == "000002_broken.up.sql")
                #expect(failure.line == 5)
                #expect(failure.column == 13)
                #expect(failure.sqlState == "42P01")
                #expect(failure.message == "relation \"missing\" does not exist")
                #expect(!failure.leftDirty)
                #expect(failure.versionAfterFailure == 1)
                let message = error?.description ?? ""
                #expect(message.hasPrefix("000002_broken.up.sql:5:13: relation \"missing\" does not exist (SQLSTATE 42P01)"))
                #expect(message.contains("rolled back: the database still is at version 1 and is not dirty"))

                #expect(try await migrator.version() == SchemaVersion(version: 1, dirty: false))
                #expect(try await db.tables() == ["first", "schema_migrations"])
                #expect(try await db.scalar("SELECT count(*) FROM first", as: Int64.self) == 0)
            }
        }
    }

    @Test("a syntax error points at the offending line and column")
    func syntaxErrorPosition() async throws {
        let files = [
            "000001_typo.up.sql": """
            -- a comment line
            CREATE TABLE ok (id int);
            CREATE TABLE bad (
                id int,
                name txet NOT NULL,
                PRIMARY KEY id
            );
            """
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let error = await #expect(throws: MigrationError.self) { try await db.migrator(source).up() }
                guard case .statementFailed(let failure) = error else {
                    Issue.record("unexpected error \(String(describing: error))")
                    return
                }
                #expect(failure.location == "000001_typo.up.sql:6:17")
                #expect(failure.sqlState == "42601")
                #expect(failure.versionAfterFailure == nil)
                #expect(error?.description.contains("the database still has no version") == true)
                let tables = try await db.tables()
                #expect(tables == ["schema_migrations"])
            }
        }
    }

    @Test("an error inside a function body reports the server's context")
    func errorInDoBlock() async throws {
        let files = [
            "000001_do.up.sql": """
            DO $$
            BEGIN
              RAISE EXCEPTION 'custom failure %', 42 USING HINT = 'fix the data';
            END
            $$;
            """
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let error = await #expect(throws: MigrationError.self) { try await db.migrator(source).up() }
                let message = error?.description ?? ""
                #expect(message.hasPrefix("000001_do.up.sql:1: custom failure 42 (SQLSTATE P0001)"), "\(message)")
                #expect(message.contains("hint: fix the data"))
                #expect(message.contains("context: PL/pgSQL function inline_code_block line 3 at RAISE"))
            }
        }
    }

    @Test("a constraint checked at COMMIT fails the file, which is rolled back")
    func deferredConstraint() async throws {
        let files = [
            "000001_parent.up.sql": """
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
            """,
            "000002_orphan.up.sql": "INSERT INTO child VALUES (7);",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
                guard case .statementFailed(let failure) = error else {
                    Issue.record("unexpected error \(String(describing: error))")
                    return
                }
                #expect(failure.file == "000002_orphan.up.sql")
                #expect(failure.sqlState == "23503")
                #expect(try await migrator.version() == SchemaVersion(version: 1, dirty: false))
                #expect(try await db.scalar("SELECT count(*) FROM child", as: Int64.self) == 0)
            }
        }
    }

    @Test("a file outside a transaction that fails leaves a dirty version; up refuses; force recovers")
    func dirtyAndForce() async throws {
        let files = [
            "000001_first.up.sql": Self.good,
            "000002_index.up.sql": """
            CREATE TABLE items (id int, name text);
            CREATE INDEX CONCURRENTLY items_name ON items (nme);
            """,
            "000002_index.down.sql": "DROP TABLE IF EXISTS items;",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, folder in
                let migrator = try db.migrator(source)
                let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
                guard case .statementFailed(let failure) = error else {
                    Issue.record("unexpected error \(String(describing: error))")
                    return
                }
                #expect(failure.leftDirty)
                #expect(failure.location == "000002_index.up.sql:2")
                #expect(error?.description.contains("dirty") == true)
                // Outside a transaction the first statement stayed.
                #expect(try await db.tables().contains("items"))
                #expect(try await migrator.version() == SchemaVersion(version: 2, dirty: true))

                let dirty = await #expect(throws: MigrationError.self) { try await migrator.up() }
                #expect(dirty == .dirty(version: 2, retryVersion: 1, directory: folder.path, databaseURL: db.url.description))
                let message = dirty?.description ?? ""
                #expect(message.hasPrefix("database version 2 is dirty"))
                #expect(message.contains("migrate -path \(folder.path) -database"))
                #expect(message.contains("force N`: N = 1 to run migration 2 again, N = 2 if it is complete"))
                #expect(!message.contains(":secret@"))
                await #expect(throws: MigrationError.self) { try await migrator.down() }

                // Repair by hand, record version 1, fix the file, go again.
                try await db.execute("DROP TABLE items")
                try await migrator.force(1)
                #expect(try await migrator.version() == SchemaVersion(version: 1, dirty: false))
                try folder.write(
                    "000002_index.up.sql",
                    "CREATE TABLE items (id int, name text);\nCREATE INDEX CONCURRENTLY items_name ON items (name);")
                let fixed = try MigrationSource(directory: folder.path)
                let applied = try await db.migrator(fixed).up()
                #expect(applied.map(\.inTransaction) == [false])
                #expect(try await db.migrator(fixed).version() == SchemaVersion(version: 2, dirty: false))
            }
        }
    }

    @Test("a dirty first-migration down records -1 as golang-migrate does, and force -1 clears it")
    func dirtyBelowFirst() async throws {
        let files = [
            "000001_first.up.sql": "CREATE TABLE a (id int);",
            "000001_first.down.sql": "VACUUM a;\nDROP TABLE nope;",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                try await migrator.up()
                await #expect(throws: MigrationError.self) { try await migrator.down() }
                #expect(try await migrator.version() == SchemaVersion(version: -1, dirty: true))
                let dirty = await #expect(throws: MigrationError.self) { try await migrator.up() }
                #expect(
                    dirty?.description.hasSuffix(
                        "N = -1 if the first migration's down completed, N = 1 to run that down migration again") == true)
                try await migrator.force(-1)
                #expect(try await migrator.version() == nil)
            }
        }
    }

    @Test("a database at a version the folder does not have is refused")
    func unknownVersion() async throws {
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(["000001_first.up.sql": Self.good]) { source, _ in
                let migrator = try db.migrator(source)
                try await migrator.force(9)
                let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
                #expect(error == .unknownDatabaseVersion(version: 9, directory: source.directory))
            }
        }
    }

    @Test("an unreachable server names host:port and how to start one")
    func unreachable() async throws {
        let port = try ClosedPort.find()
        let source = try MigrationSource(directory: Repository.bankMigrations)
        let migrator = try Migrator(
            databaseURL: "postgresql://root:secret@localhost:\(port)/simple_bank?sslmode=disable", source: source)
        let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
        #expect(
            error?.description
                == "could not connect to localhost:\(port): connection refused; is PostgreSQL running? try `make start-postgres`"
        )
    }

    @Test("a wrong password or a missing database is reported as such")
    func refusedConnections() async throws {
        let source = try MigrationSource(directory: Repository.bankMigrations)
        let base = try DatabaseURL(TestServer.urlString)
        var wrongPassword = base
        wrongPassword.password = "certainly-wrong"
        let error = await #expect(throws: MigrationError.self) {
            try await Migrator(databaseURL: wrongPassword, source: source).version()
        }
        if case .connectionFailed(_, let reason, _) = error {
            #expect(reason.contains("password authentication failed") || reason.contains("authentication"))
        } else {
            // A server that trusts local connections lets any password in.
            #expect(error == nil)
        }
        var missing = base
        missing.database = "no_such_database_\(UInt32.random(in: 0...UInt32.max))"
        let missingError = await #expect(throws: MigrationError.self) {
            try await Migrator(databaseURL: missing, source: source).version()
        }
        #expect(missingError?.description.contains("does not exist; create the database first") == true)
    }

    @Test("the lock timeout applies when another session holds the migration lock")
    func lockTimeout() async throws {
        try await TestDatabase.with { db in
            let key = AdvisoryLockKey(database: db.name, schema: "public", table: "schema_migrations")
            try await db.execute("SELECT pg_advisory_lock(\(key.value))")
            let source = try MigrationSource(directory: Repository.bankMigrations)
            let migrator = try db.migrator(source, lockTimeout: .milliseconds(300))
            let error = await #expect(throws: MigrationError.self) { try await migrator.up() }
            #expect(error == .lockTimeout(key: key.value, timeoutSeconds: 0.3))
            #expect(error?.description.contains("within 0.3s") == true)
            #expect(error?.description.contains("another migration is running") == true)
            try await db.execute("SELECT pg_advisory_unlock(\(key.value))")
            #expect(try await migrator.up().count == 6)
        }
    }
}

/// A local TCP port nothing listens on.
enum ClosedPort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        // Bound but never listening, then closed: connecting is refused.
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
