import Testing

@testable import SQLGen

@Suite struct PgQueryTests {
    @Test func parsesAStatementIntoNodes() throws {
        let statements = try PgQuery.parse("SELECT a.id, count(*) FROM accounts a WHERE a.id = $1 LIMIT 1")
        #expect(statements.count == 1)
        let select = statements[0].node
        #expect(select.kind == "SelectStmt")
        let targets = select.list("targetList")
        #expect(targets.count == 2)
        #expect(targets[0].node("val")?.names("fields") == ["a", "id"])
        #expect(targets[1].node("val")?.bool("agg_star") == true)
        let from = select.list("fromClause")[0]
        #expect(from.kind == "RangeVar")
        #expect(from.string("relname") == "accounts")
        #expect(from.node("alias")?.string("aliasname") == "a")
        #expect(from.location == 27)
    }

    @Test func reportsSyntaxErrorsWithAByteOffset() {
        let text = "SELECT 'é' FROM WHERE"
        #expect(throws: PgQuery.SyntaxError.self) { try PgQuery.parse(text) }
        do {
            _ = try PgQuery.parse(text)
        } catch {
            #expect(error.message.contains("syntax error"))
            // "WHERE" starts at character 16, byte 17 (é is two bytes).
            #expect(error.offset == 17)
        }
    }

    @Test func splitsStatementsLikeTheServer() throws {
        let text = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n-- a ; comment\nSELECT ';';"
        let ranges = try PgQuery.split(text)
        #expect(ranges.count == 2)
        let utf8 = Array(text.utf8)
        let second = String(decoding: utf8[ranges[1]], as: UTF8.self)
        #expect(second.hasSuffix("SELECT ';'"))
    }

    @Test func mapsOffsetsToLinesAndColumns() {
        let file = SourceFile(path: "q.sql", text: "SELECT 1;\n-- é\nSELECT x;")
        #expect(file.location(ofUTF8Offset: 0) == SourceLocation(file: "q.sql", line: 1, column: 1))
        #expect(file.location(ofUTF8Offset: 16) == SourceLocation(file: "q.sql", line: 3, column: 1))
        #expect(file.location(ofUTF8Offset: 23) == SourceLocation(file: "q.sql", line: 3, column: 8))
    }
}
