import Testing

@testable import SQLGen

/// Parses `text` as `query.sql`, returning the queries and the diagnostics as printed.
func parseQueries(_ text: String) -> (queries: [ParsedQuery], diagnostics: [String]) {
    let (queries, diagnostics) = QueryFileParser.parse(SourceFile(path: "query.sql", text: text))
    return (queries, diagnostics.sortedForDisplay().map(\.description))
}

@Suite struct QueryFileParserTests {
    @Test func readsAnnotationsOfEveryCommand() throws {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: GetAccount :one
            SELECT 1;
            -- name: ListAccounts :many
            SELECT 2;
            /* name: DeleteAccount :exec */
            DELETE FROM accounts;
            --name:UpdateAccounts :execrows
            UPDATE accounts SET balance = 0
            """)
        #expect(diagnostics == [])
        #expect(queries.map(\.name) == ["GetAccount", "ListAccounts", "DeleteAccount", "UpdateAccounts"])
        #expect(queries.map(\.command) == [.one, .many, .exec, .execrows])
        #expect(queries.map(\.sql) == ["SELECT 1", "SELECT 2", "DELETE FROM accounts", "UPDATE accounts SET balance = 0"])
        #expect(queries[1].annotationLocation == SourceLocation(file: "query.sql", line: 3, column: 1))
        #expect(queries[0].statement.kindName == "SelectStmt")
        #expect(queries[2].statement.kindName == "DeleteStmt")
        #expect(queries[0].file == "query.sql")
    }

    @Test func reportsBadAnnotations() {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: NoCommand
            SELECT 1;
            -- name: Two :two
            SELECT 2;
            -- name: Extra :one :many
            SELECT 3;
            -- name: get-account :one
            SELECT 4;
            -- name: getAccount :one
            SELECT 5;
            -- name: 9Lives :one
            SELECT 6;
            -- name:
            SELECT 7;
            SELECT 8;
            """)
        // Any identifier style names a query (`getAccount`); an unannotated statement is skipped.
        #expect(queries.map(\.name) == ["getAccount"])
        #expect(
            diagnostics == [
                "query.sql:1:1: error: missing query type [':one', ':many', ':exec', ':execrows', ':execresult', ':copyfrom', ':batchexec', ':batchmany', ':batchone']: -- name: NoCommand",
                "query.sql:3:1: error: invalid query type: :two",
                "query.sql:5:1: error: invalid query comment: -- name: Extra :one :many",
                "query.sql:7:1: error: invalid query name \"get-account\": use an identifier (letters, digits and underscores, not starting with a digit)",
                "query.sql:11:1: error: invalid query name \"9Lives\": use an identifier (letters, digits and underscores, not starting with a digit)",
                "query.sql:13:1: error: invalid query comment: -- name:",
                "query.sql:15:1: note: statement has no \"-- name: Name :command\" annotation; skipped",
            ])
    }

    @Test func execLastIdIsReadAsExecRowsWithAWarning() throws {
        let (queries, diagnostics) = parseQueries("-- name: CreateUser :execlastid\nINSERT INTO users (name) VALUES ($1);")
        #expect(queries.map(\.command) == [.execrows])
        #expect(
            diagnostics == [
                "query.sql:1:1: warning: :execlastid needs a last-insert id, which PostgreSQL does not have; generated as :execrows (write RETURNING id with :one to get the new row's id)"
            ])
    }

    @Test func reportsAnnotationsWithoutStatements() {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: Old :one
            -- name: New :one
            SELECT 1;
            -- name: Trailing :exec
            """)
        #expect(queries.map(\.name) == ["New"])
        #expect(
            diagnostics == [
                "query.sql:1:1: error: annotation \"-- name: Old :one\" is not followed by a statement",
                "query.sql:4:1: error: annotation \"-- name: Trailing :exec\" is not followed by a statement",
            ])
    }

    @Test func reportsDuplicateNamesWithinAFile() {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: GetAccount :one
            SELECT 1;

              -- name: GetAccount :many
            SELECT 2;
            """)
        // The second is left out, so a check across files cannot report it again.
        #expect(queries.map(\.sql) == ["SELECT 1"])
        #expect(diagnostics == ["query.sql:4:3: error: duplicate query name \"GetAccount\" (first declared at query.sql:1:1)"])
        #expect(QueryFileParser.duplicateNameDiagnostics(queries).isEmpty)
    }

    @Test func reportsDuplicateNamesAcrossFiles() {
        let first = QueryFileParser.parse(SourceFile(path: "a.sql", text: "-- name: A :one\nSELECT 1;")).queries
        let second = QueryFileParser.parse(SourceFile(path: "b.sql", text: "\n-- name: A :one\nSELECT 1;")).queries
        let diagnostics = QueryFileParser.duplicateNameDiagnostics(first + second).map(\.description)
        #expect(diagnostics == ["b.sql:2:1: error: duplicate query name \"A\" (first declared at a.sql:1:1)"])
    }

    @Test func reportsSyntaxErrorsAtTheirPosition() {
        let (queries, diagnostics) = parseQueries("-- name: A :one\nselectt 1;\n")
        #expect(queries.isEmpty)
        #expect(diagnostics == ["query.sql:2:1: error: syntax error at or near \"selectt\""])

        let later = parseQueries("-- name: A :one\nSELECT 1;\n\n-- name: B :one\nSELECT id FROM WHERE;")
        #expect(later.diagnostics == ["query.sql:5:16: error: syntax error at or near \"WHERE\""])
    }

    @Test func reportsEverySyntaxErrorAndKeepsTheGoodQueries() {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: A :one
            selectt 1;
            -- name: B :one
            SELECT ';', $$;$$, E'\\';' FROM t;
            -- name: C :one
            SELECT * FROM WHERE;
            -- name: D :exec
            DELETE FROM t WHERE id IN (SELECT 1; );
            """)
        #expect(queries.map(\.name) == ["B"])
        #expect(
            diagnostics == [
                "query.sql:2:1: error: syntax error at or near \"selectt\"",
                "query.sql:6:15: error: syntax error at or near \"WHERE\"",
                "query.sql:8:36: error: syntax error at or near \";\"",
            ])
    }

    @Test func explainsReservedWordsAsParameterNames() {
        let (_, diagnostics) = parseQueries(
            "-- name: A :many\nSELECT * FROM t LIMIT @limit;\n-- name: B :many\nSELECT * FROM t OFFSET sqlc.arg(offset);")
        #expect(
            diagnostics == [
                "query.sql:2:24: error: syntax error at or near \"limit\" (\"limit\" is a reserved word; name the parameter with a string: sqlc.arg('limit'))",
                "query.sql:4:33: error: syntax error at or near \"offset\" (\"offset\" is a reserved word; name the parameter with a string: sqlc.arg('offset'))",
            ])
    }

    @Test func collectsDocComments() {
        let (queries, diagnostics) = parseQueries(
            """
            SELECT 0; -- trailing remark of an unannotated statement
            -- Not part of the doc: a blank line follows.

            -- Accounts of one owner,
            --
            --   newest first.
            -- @flag ignored
            -- name: ListAccounts :many
            -- @after the annotation is not doc either
            SELECT 1;
            /* block */
            -- name: NoDoc :one
            SELECT 2;
            """)
        #expect(diagnostics == ["query.sql:1:1: note: statement has no \"-- name: Name :command\" annotation; skipped"])
        #expect(queries[0].docComment == ["Accounts of one owner,", "", "  newest first."])
        #expect(queries[0].sql == "SELECT 1")
        #expect(queries[1].docComment == [])
    }

    @Test func acceptsWindowsLineEndings() {
        let (queries, diagnostics) = parseQueries("-- Doc.\r\n-- name: A :one\r\nSELECT 1;\r\n-- name: B\r\nSELECT 2;\r\n")
        #expect(queries.map(\.name) == ["A"])
        #expect(queries.first?.docComment == ["Doc."])
        #expect(diagnostics == ["query.sql:4:1: error: missing query type [':one', ':many', ':exec', ':execrows', ':execresult', ':copyfrom', ':batchexec', ':batchmany', ':batchone']: -- name: B"])
    }

    @Test func keepsInnerCommentsAndWhitespace() {
        let (queries, _) = parseQueries("-- name: A :many\nSELECT id, -- the key\n       owner\nFROM accounts\n;\n")
        #expect(queries[0].sql == "SELECT id, -- the key\n       owner\nFROM accounts")
    }
}
