import Foundation
import PostgresNIO
import Testing

@testable import Migrations

@Suite("Migrator scripts")
struct MigratorScriptTests {
    @Test("multi-statement files with comments, quoted ;, E'' strings and $$/$fn$ bodies run statement by statement")
    func multiStatementFile() async throws {
        let files = [
            "000001_everything.up.sql": #"""
            /* A header comment; with a semicolon.
               /* nested; */ still the header */
            CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL); -- trailing; comment

            INSERT INTO notes (body) VALUES ('semi;colon'), ('it''s'), (E'tab\there\'s; one');
            INSERT INTO "notes" (body) VALUES ($$dollar; quoted$$);

            CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
              -- a comment inside the body; ignored by the splitter
              RETURN upper(t) || '!';
            END;
            $$;

            CREATE FUNCTION note_count() RETURNS bigint LANGUAGE plpgsql AS $fn$
            DECLARE
              n bigint;
            BEGIN
              SELECT count(*) INTO n FROM notes WHERE body <> $$;$$;
              RETURN n;
            END
            $fn$;

            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT i + 1;
            END;

            DO $do$ BEGIN INSERT INTO notes (body) VALUES (shout('from do')); END $do$;
            -- a final comment only
            """#,
            "000001_everything.down.sql": """
            DROP FUNCTION add_one(int); DROP FUNCTION note_count(); DROP FUNCTION shout(text); DROP TABLE notes;
            """,
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let applied = try await migrator.up()
                #expect(applied.first?.statementCount == 7)
                #expect(applied.first?.inTransaction == true)
                let bodies = try await db.connection.query("SELECT body FROM notes ORDER BY id", logger: TestServer.logger)
                    .collect().map { try $0.decode(String.self) }
                #expect(bodies == ["semi;colon", "it's", "tab\there's; one", "dollar; quoted", "FROM DO!"])
                #expect(try await db.scalar("SELECT note_count()", as: Int64.self) == 5)
                #expect(try await db.scalar("SELECT add_one(41)", as: Int32.self) == 42)
                #expect(try await migrator.down().count == 1)
                #expect(try await db.tables() == ["schema_migrations"])
            }
        }
    }

    @Test("a CREATE INDEX CONCURRENTLY file runs outside a transaction and ends clean")
    func concurrentIndex() async throws {
        let files = [
            "000001_table.up.sql": "CREATE TABLE big (id bigint, email text);\nINSERT INTO big SELECT g, 'u' || g FROM generate_series(1, 1000) g;",
            "000001_table.down.sql": "DROP TABLE big;",
            "000002_index.up.sql": "-- must not run in a transaction\nCREATE UNIQUE INDEX CONCURRENTLY big_email ON big (email);",
            "000002_index.down.sql": "DROP INDEX CONCURRENTLY big_email;",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let applied = try await migrator.up()
                #expect(applied.map(\.inTransaction) == [true, false])
                #expect(try await db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'big_email'::regclass", as: Bool.self) == true)
                #expect(try await migrator.version() == SchemaVersion(version: 2, dirty: false))
                let down = try await migrator.down(steps: 1)
                #expect(down.map(\.inTransaction) == [false])
                #expect(try await db.scalar("SELECT to_regclass('big_email') IS NULL", as: Bool.self) == true)
                #expect(try await migrator.version() == SchemaVersion(version: 1, dirty: false))
            }
        }
    }

    @Test("a file with its own BEGIN/COMMIT runs as written, outside our transaction")
    func ownTransactions() async throws {
        let files = [
            "000001_manual.up.sql": """
            BEGIN;
            CREATE TABLE a (id int);
            INSERT INTO a VALUES (1);
            COMMIT;
            """
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let applied = try await db.migrator(source).up()
                #expect(applied.map(\.inTransaction) == [false])
                #expect(try await db.scalar("SELECT count(*) FROM a", as: Int64.self) == 1)
                #expect(try await db.bookkeeping() == [SchemaVersion(version: 1, dirty: false)])
            }
        }
    }

    @Test("empty and comment-only files, and missing down files, only move the version")
    func emptyFiles() async throws {
        let files = [
            "000001_empty.up.sql": "",
            "000001_empty.down.sql": "-- nothing to undo\n",
            "000002_real.up.sql": "CREATE TABLE r (id int);",
            "20240102030405_no_down.up.sql": "CREATE TABLE s (id int);",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let applied = try await migrator.up()
                #expect(applied.map(\.version) == [1, 2, 20_240_102_030_405])
                #expect(applied.map(\.statementCount) == [0, 1, 1])
                #expect(try await migrator.version()?.version == 20_240_102_030_405)
                let undone = try await migrator.down()
                #expect(undone.map(\.fileName) == [nil, nil, "000001_empty.down.sql"])
                #expect(try await migrator.version() == nil)
                // Without down files the tables stay, as in golang-migrate.
                #expect(try await db.tables() == ["r", "s", "schema_migrations"])
            }
        }
    }
}

@Suite("Migrator concurrency")
struct MigratorConcurrencyTests {
    @Test("migrators started at the same moment apply each migration exactly once")
    func concurrentMigrators() async throws {
        var files = [
            "000001_log.up.sql": "CREATE TABLE applied_log (version int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());"
        ]
        for version in 2...6 {
            let name = String(format: "%06d_step%d.up.sql", version, version)
            // pg_sleep widens the window in which a second migrator would slip in without the lock.
            files[name] = "SELECT pg_sleep(0.05);\nINSERT INTO applied_log (version) VALUES (\(version));"
        }
        // An index built concurrently while other migrators wait for the lock must not deadlock.
        files["000007_index.up.sql"] =
            "CREATE INDEX CONCURRENTLY applied_log_version ON applied_log (version);\nINSERT INTO applied_log (version) VALUES (7);"

        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrators = try (0..<4).map { _ in try db.migrator(source, lockTimeout: .seconds(60)) }
                let counts = try await withThrowingTaskGroup(of: [Int64].self) { group in
                    for migrator in migrators {
                        group.addTask { try await migrator.up().map(\.version) }
                    }
                    var all: [[Int64]] = []
                    for try await applied in group { all.append(applied) }
                    return all
                }
                #expect(counts.flatMap { $0 }.sorted() == Array(1...7))
                let logged = try await db.connection.query(
                    "SELECT version FROM applied_log ORDER BY version", logger: TestServer.logger
                ).collect().map { try $0.decode(Int32.self) }
                #expect(logged == [2, 3, 4, 5, 6, 7])
                #expect(try await db.bookkeeping() == [SchemaVersion(version: 7, dirty: false)])
            }
        }
    }

    @Test("cancelling the task finishes the file in progress and stops before the next one")
    func cancellation() async throws {
        let files = [
            "000001_slow.up.sql": "CREATE TABLE slow (id int);\nSELECT pg_sleep(0.5);",
            "000002_next.up.sql": "CREATE TABLE next (id int);",
        ]
        try await TestDatabase.with { db in
            try await TemporaryFolder.withSource(files) { source, _ in
                let migrator = try db.migrator(source)
                let task = Task { try await migrator.up() }
                // Wait until the first file's pg_sleep is running on the server, then cancel.
                var running = false
                for _ in 0..<200 where !running {
                    running =
                        try await db.scalar(
                            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '\(db.name)' AND query LIKE 'SELECT pg_sleep%')",
                            as: Bool.self) ?? false
                    if !running { try await Task.sleep(for: .milliseconds(10)) }
                }
                #expect(running)
                task.cancel()
                await #expect(throws: CancellationError.self) { try await task.value }
                #expect(try await db.migrator(source).version() == SchemaVersion(version: 1, dirty: false))
                #expect(try await db.tables() == ["schema_migrations", "slow"])
            }
        }
    }
}
