import Testing

@testable import SQLGen

@Suite struct PgQueryTests {
    @Test func parsesAStatementIntoNodes() throws {
        let statements = try PgQuery.parse("SELECT a.id, count(*) FROM accounts a WHERE a.id = $1 LIMIT 1")
        #expect(statements.count == 1)
        guard case .selectStmt(let select) = statements[0].node else {
            Issue.record("not a SELECT: \(statements[0].node.kindName)")
            return
        }
        let targets = select.targetList
        #expect(targets.count == 2)
        guard case .resTarget(let first) = targets[0], case .columnRef(let column) = first.val,
            case .resTarget(let second) = targets[1], case .funcCall(let count) = second.val
        else {
            Issue.record("unexpected target list: \(targets.map(\.kindName))")
            return
        }
        #expect(column.fields.names == ["a", "id"])
        #expect(count.aggStar)
        #expect(count.funcname.names == ["count"])
        guard case .rangeVar(let from) = select.fromClause.first else {
            Issue.record("FROM is not a table")
            return
        }
        #expect(from.relname == "accounts")
        #expect(from.alias?.aliasname == "a")
        #expect(from.location == 27)
        #expect(select.op == .none)
        guard case .aConst(let limit) = select.limitCount else {
            Issue.record("LIMIT is not a constant")
            return
        }
        #expect(limit.integerValue == 1)
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

    /// Pre-order, each node's fields in key order, as a walk that sorts every node's keys visits them.
    @Test func descendantsArePreOrderWithFieldsInKeyOrder() throws {
        let sql = """
            SELECT a.id, count(*) AS n, coalesce(max(b.x), 0) + 1 FROM a LEFT JOIN b ON b.a_id = a.id
            WHERE a.owner = $1 AND b.kind IN ('x', 'y') GROUP BY a.id HAVING count(*) > 2 ORDER BY 2 DESC LIMIT 5
            """
        let tree = try #require(try PgQuery.parse(sql).first).node.raw
        func reference(_ fields: [String: ParseValue]) -> [ParseNode] {
            func visit(_ value: ParseValue) -> [ParseNode] {
                switch value {
                case .object: return value.node.map { [$0] + reference($0.fields) } ?? []
                case .list(let values): return values.flatMap(visit)
                default: return []
                }
            }
            return fields.keys.sorted().flatMap { visit(fields[$0]!) }
        }
        let expected = reference(tree.fields)
        #expect(expected.count > 40)
        #expect(tree.descendants == expected)
    }
}
