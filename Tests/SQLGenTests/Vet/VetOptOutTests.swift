import Foundation
import Testing

@testable import SQLGen

/// `-- vet: ignore …` comments in front of a query, and the config's `vet:` section.
@Suite struct VetOptOutTests {
    static let directives = """
        -- Resets every balance.
        -- vet: ignore update-without-where -- every row is meant
        -- name: ResetBalances :exec
        UPDATE accounts SET balance = 0;

        -- vet: ignore
        -- name: GetAll :one
        SELECT * FROM accounts;

        -- vet: ignore select-star
        -- name: ResetAgain :exec
        UPDATE accounts SET balance = 1;

        -- vet: ignore selct-star, update-without-where
        -- name: ResetThird :exec
        UPDATE accounts SET balance = 2;

        -- name: ResetFourth :exec
        -- vet: ignore update-without-where
        UPDATE accounts SET balance = 3;

        -- sqlc's own opt-out turns off every rule.
        -- name: ResetFifth :exec
        -- @sqlc-vet-disable
        UPDATE accounts SET balance = 4;
        """

    @Test func aDirectiveTurnsOffTheRulesItNames() throws {
        let project = try VetProject(queries: Self.directives)
        #expect(project.pipelineProblems == [])
        let diagnostics = project.vet().diagnostics
        // ResetAgain ignores another rule; the unknown name in front of ResetThird is a warning
        // and its known name still applies.
        #expect(diagnostics.map(VetProject.summary) == ["12:8 error [update-without-where]", "14:1 warning"])
        #expect(
            diagnostics.last?.description
                == "query.sql:14:1: warning: unknown vet rule \"selct-star\" (did you mean \"select-star\"?); the rules are "
                + "update-without-where, delete-without-where, select-star, limit-without-order-by, one-returns-many, "
                + "compare-with-null, db-prepare")
    }

    @Test func aMalformedDirectiveIsAWarningAndIgnoresNothing() throws {
        let project = try VetProject(queries: "-- vet: skip update-without-where\n-- name: Reset :exec\nUPDATE accounts SET balance = 0;\n")
        #expect(project.findings() == ["1:1 warning", "3:8 error [update-without-where]"])
    }

    @Test func directivesAreNotDocComments() throws {
        let parsed = QueryFileParser.parse(SourceFile(path: "query.sql", text: Self.directives))
        #expect(
            parsed.queries.map(\.docComment) == [
                ["Resets every balance."], [], [], [], [], ["sqlc's own opt-out turns off every rule."],
            ])
    }

    @Test func theConfigDisablesARule() throws {
        let project = try VetProject(queries: Self.directives, vet: "vet:\n  disable: [update-without-where]\n")
        #expect(project.pipelineProblems == [])
        #expect(project.findings() == ["14:1 warning"])
        #expect(project.result.vetOptions == VetOptions(disabled: [.updateWithoutWhere]))
    }

    @Test func dbPrepareIsOffUntilEnabled() throws {
        #expect(VetOptions().runs(.dbPrepare) == false)
        #expect(VetOptions().runs(.selectStar))
        let config = try ConfigLoader.parse(VetProject.config(vet: "vet:\n  enable: [db-prepare]\n"), path: "sqlc.yaml")
        #expect(config.vet.runs(.dbPrepare))
        #expect(config.vet.enabled == [.dbPrepare])
    }

    @Test func anUnknownRuleInTheConfigIsAnErrorNamingTheKeyPath() throws {
        let text = VetProject.config(vet: "vet:\n  disable: [update-without-where, selct-star]\n")
        #expect(
            throws: ConfigError(
                "vet.disable[1]: unknown rule \"selct-star\" (did you mean \"select-star\"?); the rules are "
                    + VetRule.names.joined(separator: ", "),
                at: SourceLocation(file: "sqlc.yaml", line: 3, column: 35))
        ) {
            try ConfigLoader.parse(text, path: "sqlc.yaml")
        }
    }

    @Test func unknownKeysAndContradictionsInTheVetSectionAreErrors() throws {
        #expect(
            throws: ConfigError(
                "vet.disabel: unknown key (did you mean \"disable\"?)", at: SourceLocation(file: "sqlc.yaml", line: 3, column: 3))
        ) {
            try ConfigLoader.parse(VetProject.config(vet: "vet:\n  disabel: [select-star]\n"), path: "sqlc.yaml")
        }
        #expect(
            throws: ConfigError(
                "vet: \"select-star\" is both enabled and disabled", at: SourceLocation(file: "sqlc.yaml", line: 3, column: 3))
        ) {
            try ConfigLoader.parse(VetProject.config(vet: "vet:\n  disable: [select-star]\n  enable: [select-star]\n"), path: "sqlc.yaml")
        }
    }

    /// sqlc's CEL rules load; a note says they do not run.
    @Test func sqlcRulesStillLoadWithANote() throws {
        let config = try ConfigLoader.parse(
            VetProject.config(vet: "rules:\n  - name: no-pg\n    rule: \"true\"\n"), path: "sqlc.yaml")
        #expect(
            config.notes.map(\.message) == [
                "rules: sqlc's CEL vet rules are not run; swift-sqlgen vet has built-in rules (configure them under vet:)"
            ])
    }
}
