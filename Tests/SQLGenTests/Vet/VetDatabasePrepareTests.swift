import Foundation
import PostgresTestSupport
import Testing

@testable import SQLGen

/// `db-prepare` against the test server (`DATABASE_URL`): a query the analysis accepts but
/// PostgreSQL rejects. Without a server the rule reports that it has none, so these tests fail
/// instead of skipping. Serialized with the other scratch-database users' habits in mind: each
/// run drops its own database.
@Suite(.serialized) struct VetDatabasePrepareTests {
    /// The analysis types this (one row, a count); PostgreSQL refuses to lock rows of an aggregate.
    static let rejected = """
        -- name: CountLocked :one
        SELECT count(*) FROM accounts
        WHERE owner = $1
        FOR UPDATE;

        -- name: GetLocked :one
        SELECT balance FROM accounts WHERE id = $1 FOR UPDATE;
        """

    @Test func whatPostgreSQLRejectsIsAnErrorAtTheQuery() throws {
        let project = try VetProject(queries: Self.rejected, vet: "vet:\n  enable: [db-prepare]\n")
        #expect(project.pipelineProblems == [])
        let report = project.vet(serverURL: PostgresTestServer.urlString)
        #expect(
            report.diagnostics.map(\.description) == [
                "query.sql:1:1: error: query \"CountLocked\": PostgreSQL rejects it: "
                    + "FOR UPDATE is not allowed with aggregate functions [db-prepare]"
            ])
        // Its own scratch database only: other suites verify concurrently.
        let scratch = try #require(report.scratchDatabase)
        let left = try LibPQConnection(url: PostgresTestServer.urlString)
            .query("SELECT datname FROM pg_database WHERE datname = '\(scratch)'")
        #expect(left.isEmpty, "scratch database left behind: \(scratch)")
    }

    @Test func anIgnoredQueryIsNotPrepared() throws {
        let project = try VetProject(
            queries: "-- vet: ignore db-prepare -- counted under a lock elsewhere\n" + Self.rejected,
            vet: "vet:\n  enable: [db-prepare]\n")
        #expect(project.findings(serverURL: PostgresTestServer.urlString) == [])
    }

    @Test func itIsOffByDefault() throws {
        let project = try VetProject(queries: Self.rejected)
        #expect(project.findings(serverURL: PostgresTestServer.urlString) == [])
    }

    @Test func withoutAServerItIsOneClearError() throws {
        let project = try VetProject(queries: Self.rejected, vet: "vet:\n  enable: [db-prepare]\n")
        let diagnostics = project.vet(serverURL: "postgresql://root:secret@127.0.0.1:1/postgres?connect_timeout=2").diagnostics
        #expect(diagnostics.count == 1)
        let message = diagnostics.first?.description ?? ""
        #expect(message.hasPrefix("error: db-prepare needs a PostgreSQL server to prepare the queries on: could not connect"))
        #expect(message.hasSuffix("pass --database-url or set SQLGEN_VERIFY_DATABASE_URL (or disable the rule) [db-prepare]"))
    }
}
