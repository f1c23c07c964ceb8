import Foundation
import PostgresNIO
import Testing

@testable import Migrations

/// Runs against the real server, each test in its own database.
@Suite("Migrator")
struct MigratorTests {
    let bank: MigrationSource

    init() throws {
        bank = try MigrationSource(directory: Repository.bankMigrations)
    }

    @Test("the bank's six migrations go up and come down again")
    func bankRoundTrip() async throws {
        try await TestDatabase.with { db in
            let migrator = try db.migrator(bank)
            #expect(try await migrator.version() == nil)

            let applied = try await migrator.up()
            #expect(applied.map(\.version) == [1, 2, 3, 4, 5, 6])
            #expect(applied.allSatisfy { $0.direction == .up && $0.inTransaction })
            #expect(applied.map(\.fileName) == bank.migrations.map(\.up?.fileName))
            #expect(applied.first?.description.hasPrefix("1/u init_schema (") == true)
            #expect(try await migrator.version() == SchemaVersion(version: 6, dirty: false))
            #expect(try await db.bookkeeping() == [SchemaVersion(version: 6, dirty: false)])

            #expect(
                try await db.tables() == [
                    "accounts", "entries", "jobs", "schema_migrations", "sessions", "transfers", "users", "verify_emails",
                ])
            #expect(
                try await db.columns(of: "users") == [
                    "created_at", "email", "full_name", "hashed_password", "is_email_verified",
                    "password_changed_at", "role", "username",
                ])
            #expect(try await db.columns(of: "accounts") == ["balance", "created_at", "currency", "id", "owner"])
            #expect(try await db.hasConstraint("owner_currency_key"))
            #expect(try await db.hasConstraint("accounts_owner_fkey"))
            #expect(try await db.hasConstraint("users_email_key"))

            // Up again: nothing to do.
            #expect(try await migrator.up().isEmpty)

            let undone = try await migrator.down()
            #expect(undone.map(\.version) == [6, 5, 4, 3, 2, 1])
            #expect(undone.map(\.versionAfter) == [5, 4, 3, 2, 1, nil])
            #expect(undone.allSatisfy { $0.direction == .down })
            #expect(try await db.tables() == ["schema_migrations"])
            #expect(try await !db.hasConstraint("owner_currency_key"))
            #expect(try await db.bookkeeping().isEmpty)
            #expect(try await migrator.version() == nil)
            #expect(try await migrator.down().isEmpty)
        }
    }

    @Test("up N, down N and goto move one step at a time and report each file")
    func stepsAndGoto() async throws {
        try await TestDatabase.with { db in
            let migrator = try db.migrator(bank)
            var seen: [String] = []
            try await migrator.up(steps: 2) { seen.append($0.description) }
            #expect(seen.count == 2 && seen[1].hasPrefix("2/u add_users ("))
            #expect(try await migrator.version()?.version == 2)
            #expect(try await db.tables().contains("users"))
            #expect(try await !db.tables().contains("sessions"))

            #expect(try await migrator.up(steps: 1).map(\.version) == [3])
            #expect(try await migrator.down(steps: 1).map(\.version) == [3])
            #expect(try await migrator.version()?.version == 2)

            #expect(try await migrator.goto(5).map(\.version) == [3, 4, 5])
            #expect(try await db.columns(of: "users").contains("role"))
            #expect(try await migrator.goto(5).isEmpty)
            let down = try await migrator.goto(1)
            #expect(down.map(\.version) == [5, 4, 3, 2])
            #expect(down.map(\.direction) == [.down, .down, .down, .down])
            #expect(try await migrator.version() == SchemaVersion(version: 1, dirty: false))
            #expect(try await db.tables() == ["accounts", "entries", "schema_migrations", "transfers"])

            // Asking for more than there is fails before anything runs.
            let error = await #expect(throws: MigrationError.self) { try await migrator.up(steps: 10) }
            #expect(error == .notEnoughMigrations(direction: .up, requested: 10, available: 5, current: 1))
            #expect(error?.description.contains("nothing was applied") == true)
            #expect(try await migrator.version()?.version == 1)
            await #expect(throws: MigrationError.notEnoughMigrations(direction: .down, requested: 2, available: 1, current: 1)) {
                try await migrator.down(steps: 2)
            }
            await #expect(throws: MigrationError.versionNotFound(version: 42, directory: bank.directory)) {
                try await migrator.goto(42)
            }
            await #expect(throws: MigrationError.invalidArgument("the number of migrations to run must be at least 1, got 0")) {
                try await migrator.up(steps: 0)
            }
        }
    }

    @Test("version() reads without creating the table; force sets and clears versions")
    func versionAndForce() async throws {
        try await TestDatabase.with { db in
            let migrator = try db.migrator(bank)
            #expect(try await migrator.version() == nil)
            #expect(try await !db.tables().contains("schema_migrations"))
            try await migrator.force(3)
            #expect(try await migrator.version() == SchemaVersion(version: 3, dirty: false))
            #expect(try await db.bookkeeping() == [SchemaVersion(version: 3, dirty: false)])
            try await migrator.force(-1)
            #expect(try await migrator.version() == nil)
            #expect(try await db.bookkeeping().isEmpty)
            await #expect(throws: MigrationError.self) { try await migrator.force(-2) }
        }
    }

    @Test("a schema_migrations table written by golang-migrate (version 3) is continued from 4")
    func continuesGolangMigrate() async throws {
        try await TestDatabase.with { db in
            // What golang-migrate leaves after `up 3`: the schema, and its table with one row.
            for migration in bank.migrations.prefix(3) {
                for statement in migration.up?.statements ?? [] { try await db.execute(statement.text) }
            }
            try await db.execute(
                "CREATE TABLE IF NOT EXISTS public.schema_migrations (version bigint not null primary key, dirty boolean not null)")
            try await db.execute("INSERT INTO public.schema_migrations (version, dirty) VALUES (3, false)")

            let migrator = try db.migrator(bank)
            #expect(try await migrator.version() == SchemaVersion(version: 3, dirty: false))
            let applied = try await migrator.up()
            #expect(applied.map(\.version) == [4, 5, 6])
            #expect(try await db.bookkeeping() == [SchemaVersion(version: 6, dirty: false)])
            #expect(try await db.columns(of: "users").contains("role"))
        }
    }

    @Test("x-migrations-table and Options.migrationsTable name the bookkeeping table")
    func customTable() async throws {
        try await TestDatabase.with { db in
            let url = try DatabaseURL(db.urlString + "&x-migrations-table=bank_versions")
            let migrator = try Migrator(databaseURL: url, source: bank)
            try await migrator.up(steps: 1)
            #expect(try await db.bookkeeping("bank_versions") == [SchemaVersion(version: 1, dirty: false)])
            #expect(try await !db.tables().contains("schema_migrations"))
            // Each table has its own lock key: a migrator on the default table sees no version.
            #expect(try await db.migrator(bank).version() == nil)
        }
    }

    @Test("drop empties the schema: tables, views, sequences, functions and types")
    func drop() async throws {
        try await TestDatabase.with { db in
            let migrator = try db.migrator(bank)
            try await migrator.up()
            try await db.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')")
            try await db.execute("CREATE DOMAIN positive AS int CHECK (VALUE > 0)")
            try await db.execute("CREATE SEQUENCE free_standing")
            try await db.execute("CREATE VIEW rich AS SELECT * FROM accounts WHERE balance > 1000")
            try await db.execute("CREATE MATERIALIZED VIEW totals AS SELECT sum(balance) FROM accounts")
            try await db.execute("CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS $$ SELECT x * 2 $$")
            try await db.execute("CREATE TYPE pair AS (a int, b int)")

            let summary = try await migrator.drop()
            #expect(summary.schema == "public")
            #expect(summary.tables.count == 8)
            #expect(summary.views.sorted() == ["public.rich", "public.totals"])
            #expect(summary.sequences == ["public.free_standing"])
            #expect(summary.routines == ["notify_job_queued()", "twice(integer)"])
            #expect(summary.types.sorted() == ["public.job_state", "public.mood", "public.pair", "public.positive"])

            #expect(try await db.tables().isEmpty)
            let leftovers: Int64? = try await db.scalar(
                """
                SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public')
                     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public')
                     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public')
                """)
            #expect(leftovers == 0)
            #expect(try await migrator.version() == nil)
            // The schema can be migrated again from scratch.
            #expect(try await migrator.up().count == 6)
            #expect(try await migrator.drop().tables.count == 8)
            #expect(try await migrator.drop().isEmpty)
        }
    }
}
