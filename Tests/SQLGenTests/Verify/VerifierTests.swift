import Foundation
import PostgresTestSupport
import Testing

@testable import SQLGen

/// `verify` against the test server (`DATABASE_URL`, as `make test` sets it): the bank agrees
/// with PostgreSQL, and a wrong static type, a query PostgreSQL rejects and a schema it rejects
/// are each reported where they are written. Serialized, so that no other run's scratch
/// database is around when one checks that its own was dropped.
@Suite(.serialized) struct VerifierTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bankPackage() throws -> Pipeline.PackageOutput {
        let result = Pipeline.run(configPath: repository.appendingPathComponent("sqlc.yaml").path)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        return try #require(result.packages.first)
    }

    static func verify(_ package: Pipeline.PackageOutput) throws -> Verifier.Report {
        let report = Verifier(serverURL: PostgresTestServer.urlString).verify(package)
        // Its own scratch database only: other suites verify concurrently.
        let scratch = try #require(report.scratchDatabase)
        let left = try LibPQConnection(url: PostgresTestServer.urlString)
            .query("SELECT datname FROM pg_database WHERE datname = '\(scratch)'")
        #expect(left.isEmpty, "scratch database left behind: \(scratch)")
        return report
    }

    @Test func theBankAgreesWithPostgreSQL() throws {
        let package = try Self.bankPackage()
        let report = try Self.verify(package)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.queries == package.queries.count)
        #expect(report.queries >= 24)
        #expect(report.parameters == package.queries.map(\.parameters.count).reduce(0, +))
        #expect(report.columns == package.queries.map(\.columns.count).reduce(0, +))
        #expect(report.summary.hasSuffix(": 0 errors"))
    }

    @Test func aWrongStaticTypeIsReportedAtTheQuery() throws {
        var package = try Self.bankPackage()
        let index = try #require(package.queries.firstIndex { $0.name == "GetAccount" })
        package.queries[index].parameters[0].type = .text
        package.queries[index].columns[1].type = .bigint
        package.queries[index].columns[2].name = "balanse"
        let report = try Self.verify(package)
        let at = try #require(package.queries[index].written?.annotation)
        #expect(at.file == "db/query/account.sql")
        #expect(
            report.diagnostics.map(\.description) == [
                "\(at): error: query \"GetAccount\": parameter $1 (id): PostgreSQL infers bigint, the analysis text",
                "\(at): error: query \"GetAccount\": column 2 (owner): PostgreSQL returns character varying, the analysis bigint",
                "\(at): error: query \"GetAccount\": column 3: PostgreSQL names it \"balance\", the analysis \"balanse\"",
            ])
        #expect(report.summary.hasSuffix(": 3 errors"))
    }

    @Test func aQueryPostgreSQLRejectsIsReportedWhereTheErrorIs() throws {
        var package = try Self.bankPackage()
        let text = "-- name: Broken :one\nSELECT id,\n       ownr FROM accounts WHERE id = $1;\n"
        let file = SourceFile(path: "db/query/broken.sql", text: text)
        let start = text.utf8.count - "SELECT id,\n       ownr FROM accounts WHERE id = $1;\n".utf8.count
        let sql = "SELECT id,\n       ownr FROM accounts WHERE id = $1"
        var broken = package.queries[0]
        broken.name = "Broken"
        broken.sql = sql
        broken.written = WrittenQuery(
            annotation: SourceLocation(file: file.path, line: 1, column: 1), sql: sql,
            sourceMap: SourceMap(file: file, statementStartsAt: start))
        package.queries = [broken]
        let report = try Self.verify(package)
        #expect(
            report.diagnostics.map(\.description) == [
                "db/query/broken.sql:3:8: error: query \"Broken\": PostgreSQL rejects it: column \"ownr\" does not exist"
            ])
    }

    @Test func aSchemaStatementPostgreSQLRejectsStopsTheRun() throws {
        var package = try Self.bankPackage()
        let text = "CREATE TABLE a (id bigint);\nCREATE TABLE b (a_id bigint REFERENCES nowhere (id));\n"
        let parsed = SchemaFileParser.parse(SourceFile(path: "db/migration/000009_broken.up.sql", text: text))
        package.schema += parsed.statements
        let report = try Self.verify(package)
        #expect(report.queries == 0)
        #expect(
            report.diagnostics.map(\.description) == [
                "db/migration/000009_broken.up.sql:2:1: error: PostgreSQL rejects this schema statement: "
                    + "relation \"nowhere\" does not exist"
            ])
    }

    @Test func anUnreachableServerIsOneClearError() throws {
        let package = try Self.bankPackage()
        let report = Verifier(serverURL: "postgresql://root:secret@127.0.0.1:1/postgres?connect_timeout=2").verify(package)
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.description.hasPrefix("error: verify: could not connect to PostgreSQL: ") == true)
    }

    /// A pg_dump schema: its empty search_path stays in the migration's session, and its
    /// ownership and privilege statements name roles the scratch server does not have.
    @Test func aPgDumpSchemaWithOwnersAndAnEmptySearchPathVerifies() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "sqlc.yaml",
            """
            version: "2"
            sql:
              - engine: postgresql
                schema: schema.sql
                queries: query.sql
                gen:
                  swift:
                    module: Dumped
                    out: Generated
            """)
        try folder.write(
            "schema.sql",
            """
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TYPE public.stage AS ENUM ('lead', 'won');
            ALTER TYPE public.stage OWNER TO sqlgen_no_such_role;
            CREATE TABLE public.deals (id bigint NOT NULL, stage public.stage NOT NULL);
            ALTER TABLE public.deals OWNER TO sqlgen_no_such_role;
            GRANT SELECT ON TABLE public.deals TO sqlgen_no_such_role;
            """)
        try folder.write(
            "query.sql",
            """
            -- name: DealsInStage :many
            SELECT id, stage FROM deals WHERE stage = $1;
            """)
        let result = Pipeline.run(configPath: folder.path + "/sqlc.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let report = try Self.verify(try #require(result.packages.first))
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.queries == 1)
        #expect(report.parameters == 1)
        #expect(report.columns == 2)
    }
}
