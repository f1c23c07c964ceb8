import Testing

@testable import SQLGen

/// Parses `text` as `schema.sql`.
func parseSchema(_ text: String, path: String = "schema.sql") -> (statements: [SchemaStatement], diagnostics: [String]) {
    let (statements, diagnostics) = SchemaFileParser.parse(SourceFile(path: path, text: text))
    return (statements, diagnostics.sortedForDisplay().map(\.description))
}

@Suite struct SchemaFileParserTests {
    @Test func splitsStatementsAndKeepsLeadingComments() throws {
        let (statements, diagnostics) = parseSchema(
            """
            -- Not attached: a blank line follows.

            -- Accounts of the bank.
            -- One per currency.
            CREATE TABLE accounts (id bigint);
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
            -- +goose StatementBegin
            CREATE INDEX ON accounts (id);
            """)
        #expect(diagnostics == [])
        #expect(statements.map(\.node.kindName) == ["CreateStmt", "CreateFunctionStmt", "IndexStmt"])
        #expect(statements[0].leadingComments == ["Accounts of the bank.", "One per currency."])
        #expect(statements[0].text == "CREATE TABLE accounts (id bigint)")
        #expect(statements[2].leadingComments == [])
        guard case .createStmt(let create) = statements[0].node else {
            Issue.record("not CREATE TABLE: \(statements[0].node.kindName)")
            return
        }
        let relation = try #require(create.relation)
        #expect(statements[0].sourceMap.location(of: relation) == SourceLocation(file: "schema.sql", line: 5, column: 14))
    }

    @Test(arguments: ["-- +goose Down", "-- +migrate Down", "-- migrate:down", "---- create above / drop below ----", "  -- +GOOSE DOWN"])
    func dropsDownSections(marker: String) {
        let (statements, diagnostics) = parseSchema("-- +goose Up\nCREATE TABLE a (id int);\n\(marker)\nDROP TABLE a;\nthis is not SQL\n")
        #expect(diagnostics == [])
        #expect(statements.map(\.node.kindName) == ["CreateStmt"])
    }

    @Test func blanksPsqlMetaCommands() {
        let (statements, diagnostics) = parseSchema(
            "\\restrict abc\nSET statement_timeout = 0;\n\\connect bank\nCREATE TABLE a (id int);\n")
        #expect(statements.map(\.node.kindName) == ["VariableSetStmt", "CreateStmt"])
        #expect(diagnostics == [])
        let broken = parseSchema("\\connect bank\nCREATE TABLE a (id int);\nCREATE TABLE b (id int x);")
        #expect(broken.diagnostics == ["schema.sql:3:24: error: syntax error at or near \"x\""])
    }

    @Test func reportsSyntaxErrorsAtTheirPosition() {
        let (statements, diagnostics) = parseSchema("CREATE TABLE a (id int);\n\nCREAT TABLE b (id int);\n")
        #expect(statements.isEmpty)
        #expect(diagnostics == ["schema.sql:3:1: error: syntax error at or near \"CREAT\""])
    }
}
