import Foundation
import Testing

@testable import SQLGen

/// Each rule on a query it must report (exact line, column, severity and rule) and on near
/// misses it must leave alone.
@Suite struct VetRuleTests {
    static func findings(_ queries: String) throws -> [String] {
        let project = try VetProject(queries: queries)
        #expect(project.pipelineProblems == [])
        return project.findings()
    }

    @Test func updateWithoutWhereIsAnErrorAtTheTable() throws {
        let project = try VetProject(queries: "-- name: ResetBalances :exec\nUPDATE accounts SET balance = 0;\n")
        #expect(
            project.vet().diagnostics.map(\.description) == [
                "query.sql:2:8: error: UPDATE of \"accounts\" has no WHERE clause: it changes every row of the table "
                    + "[update-without-where]"
            ])
        #expect(try Self.findings("-- name: SetBalance :exec\nUPDATE accounts SET balance = 0 WHERE id = $1;\n") == [])
    }

    @Test func deleteWithoutWhereIsFoundInsideACommonTableExpression() throws {
        let firing = """
            -- name: Purge :one
            WITH gone AS (
                DELETE FROM accounts RETURNING id
            )
            SELECT count(*) FROM gone;
            """
        #expect(try Self.findings(firing) == ["3:17 error [delete-without-where]"])
        let nearMiss = firing.replacingOccurrences(of: "accounts RETURNING", with: "accounts WHERE id = $1 RETURNING")
        #expect(try Self.findings(nearMiss) == [])
    }

    @Test func selectStarIsAWarningInTheSelectListAndReturning() throws {
        let firing = """
            -- name: GetAccount :one
            SELECT * FROM accounts WHERE id = $1;
            -- name: GetAccountAliased :one
            SELECT a.* FROM accounts a WHERE a.id = $1;
            -- name: CreateTag :one
            INSERT INTO tags (name) VALUES ($1) RETURNING *;
            """
        let project = try VetProject(queries: firing)
        #expect(project.pipelineProblems == [])
        let diagnostics = project.vet().diagnostics
        #expect(diagnostics.map(VetProject.summary) == ["2:8 warning [select-star]", "4:8 warning [select-star]", "6:47 warning [select-star]"])
        #expect(
            diagnostics.first?.message
                == "SELECT * is expanded to today's columns when the code is generated: a column a later migration adds "
                + "is silently not read until you regenerate; list the columns [select-star]")
    }

    @Test func selectStarLeavesEmbedsCountStarAndSubqueriesAlone() throws {
        let nearMiss = """
            -- name: GetAccountWithEmail :one
            SELECT sqlc.embed(accounts), users.email
            FROM accounts JOIN users ON users.username = accounts.owner
            WHERE accounts.id = $1;
            -- name: CountAccounts :one
            SELECT count(*) FROM accounts;
            -- name: ListIDs :many
            SELECT id FROM (SELECT * FROM accounts) a ORDER BY id;
            """
        #expect(try Self.findings(nearMiss) == [])
    }

    @Test func limitWithoutOrderByPointsAtTheKeyword() throws {
        let firing = """
            -- name: ListOwners :many
            SELECT owner FROM accounts LIMIT $1;
            -- name: FirstFive :many
            SELECT id FROM accounts
            FETCH FIRST 5 ROWS ONLY;
            -- name: Skip :many
            SELECT id FROM accounts OFFSET $1;
            -- name: Sample :many
            SELECT id FROM (SELECT id FROM accounts LIMIT 10) a ORDER BY id;
            """
        #expect(
            try Self.findings(firing) == [
                "2:28 warning [limit-without-order-by]", "5:1 warning [limit-without-order-by]",
                "7:25 warning [limit-without-order-by]", "9:41 warning [limit-without-order-by]",
            ])
    }

    @Test func limitWithoutOrderByAcceptsAtMostOneRowAndExists() throws {
        let nearMiss = """
            -- name: ListPage :many
            SELECT id FROM accounts ORDER BY id LIMIT $1;
            -- name: GetAccount :one
            SELECT owner FROM accounts WHERE id = $1 LIMIT 1;
            -- name: CountSome :one
            SELECT count(*) FROM accounts LIMIT 1;
            -- name: HasAccounts :one
            SELECT EXISTS (SELECT 1 FROM accounts WHERE owner = $1 LIMIT 1);
            -- name: All :many
            SELECT id FROM accounts ORDER BY id LIMIT ALL;
            """
        #expect(try Self.findings(nearMiss) == [])
    }

    @Test func oneReturnsManyWhenNoKeyIsPinned() throws {
        let firing = """
            -- name: GetAccountByOwner :one
            SELECT id FROM accounts WHERE owner = $1;
            -- name: GetEvent :one
            SELECT payload FROM events WHERE kind = $1;
            -- name: GetAnyAccount :one
            SELECT id FROM accounts;
            -- name: GetEither :one
            SELECT id FROM accounts WHERE id = $1 OR id = $2;
            -- name: GetSameID :one
            SELECT id FROM accounts WHERE id = id + 0;
            """
        #expect(
            try Self.findings(firing) == [
                "2:31 warning [one-returns-many]", "4:34 warning [one-returns-many]", "6:16 warning [one-returns-many]",
                "8:31 warning [one-returns-many]", "10:31 warning [one-returns-many]",
            ])
    }

    @Test func oneReturnsManyKnowsPrimaryKeysUniqueConstraintsAndIndexes() throws {
        let nearMiss = """
            -- name: GetAccount :one
            SELECT owner FROM accounts WHERE id = $1;
            -- name: GetUserByEmail :one
            SELECT username FROM users u WHERE u.email = $1;
            -- name: GetAccountByOwnerAndCurrency :one
            SELECT id FROM accounts WHERE owner = $1 AND currency = $2 AND balance > 0;
            -- name: GetTag :one
            SELECT note FROM tags WHERE name = lower($1::text);
            -- name: GetNewest :one
            SELECT owner FROM accounts WHERE id = (SELECT max(id) FROM accounts);
            -- name: CountAccounts :one
            SELECT count(*) FROM accounts WHERE owner = $1;
            -- name: FirstAccount :one
            SELECT id FROM accounts ORDER BY id LIMIT 1;
            -- name: ListByOwner :many
            SELECT id FROM accounts WHERE owner = $1 ORDER BY id;
            """
        #expect(try Self.findings(nearMiss) == [])
    }

    @Test func compareWithNullIsAnErrorAtTheComparison() throws {
        let firing = """
            -- name: NoCurrency :many
            SELECT id FROM accounts WHERE currency = NULL;
            -- name: WithNote :many
            SELECT name FROM tags WHERE note != NULL::text;
            """
        let project = try VetProject(queries: firing)
        #expect(project.pipelineProblems == [])
        let diagnostics = project.vet().diagnostics
        #expect(diagnostics.map(VetProject.summary) == ["2:31 error [compare-with-null]", "4:29 error [compare-with-null]"])
        #expect(diagnostics.last?.message.contains("use IS NOT NULL, or IS DISTINCT FROM") == true)
        let nearMiss = """
            -- name: NoNote :many
            SELECT name FROM tags WHERE note IS NULL;
            -- name: ClearNote :exec
            UPDATE tags SET note = NULL WHERE name = $1;
            -- name: SameNote :many
            SELECT name FROM tags WHERE note IS NOT DISTINCT FROM $1;
            """
        #expect(try Self.findings(nearMiss) == [])
    }

    /// `$1` and `$3` without `$2`: the analysis already rejects it as PostgreSQL does, so vet
    /// adds nothing of its own (and the run fails on the analysis' error).
    @Test func aParameterGapIsTheAnalysisErrorOnlyOnce() throws {
        let project = try VetProject(queries: "-- name: Gap :many\nSELECT id FROM accounts WHERE id = $1 OR id = $3 ORDER BY id;\n")
        let errors = project.result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors == ["could not determine data type of parameter $2"])
        let report = project.vet()
        #expect(report.queries == 0)
        #expect(report.diagnostics == [])
    }
}
