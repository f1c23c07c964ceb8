import Testing

@testable import SQLGen

@Suite struct MacroRewriterTests {
    @Test func rewritesEveryMacroForm() throws {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: A :many
            SELECT * FROM accounts WHERE owner = sqlc.arg(owner) AND currency = sqlc.arg('currency')
              AND balance > @min_balance AND id = ANY(sqlc.slice(ids)) AND created_at > sqlc.narg(since)
              AND owner <> @owner;
            """)
        #expect(diagnostics == [])
        let query = try #require(queries.first)
        #expect(
            query.sql
                == "SELECT * FROM accounts WHERE owner = $1 AND currency = $2\n  AND balance > $3 AND id = ANY($4) AND created_at > $5\n  AND owner <> $1"
        )
        #expect(
            query.namedParameters == [
                1: .init(name: "owner"), 2: .init(name: "currency"), 3: .init(name: "min_balance"),
                4: .init(name: "ids", isSlice: true), 5: .init(name: "since", forcesNullable: true),
            ])
        #expect(query.statement.kindName == "SelectStmt")
    }

    @Test func leavesAbsoluteValueAndStringsAlone() throws {
        let (queries, diagnostics) = parseQueries(
            "-- name: A :one\nSELECT @ -1, '@x', \"@y\".z, abs(@ balance) FROM \"@y\", accounts WHERE id = @id::bigint + 0;")
        #expect(diagnostics == [])
        let query = try #require(queries.first)
        #expect(query.sql == "SELECT @ -1, '@x', \"@y\".z, abs(@ balance) FROM \"@y\", accounts WHERE id = $1::bigint + 0")
        #expect(query.namedParameters == [1: .init(name: "id")])
    }

    @Test func leavesRealOperatorsEndingInAtSignAlone() throws {
        let (queries, diagnostics) = parseQueries(
            "-- name: A :many\nSELECT * FROM docs WHERE tsv @@ query AND tags <@ wanted AND owner = @owner;")
        #expect(diagnostics == [])
        #expect(queries.first?.sql == "SELECT * FROM docs WHERE tsv @@ query AND tags <@ wanted AND owner = $1")
    }

    @Test func numbersInOrderOfFirstAppearanceAndMergesFlags() throws {
        let (queries, _) = parseQueries(
            "-- name: A :exec\nUPDATE users SET full_name = COALESCE(sqlc.narg(full_name), full_name) WHERE username = @username AND full_name <> sqlc.arg(full_name);"
        )
        let query = try #require(queries.first)
        #expect(query.sql == "UPDATE users SET full_name = COALESCE($1, full_name) WHERE username = $2 AND full_name <> $1")
        #expect(query.namedParameters == [1: .init(name: "full_name", forcesNullable: true), 2: .init(name: "username")])
    }

    @Test func numbersNamedParametersAfterThePositionalOnes() throws {
        let (queries, diagnostics) = parseQueries(
            "-- name: A :one\nSELECT * FROM t WHERE a = @a AND b = $2 AND c = sqlc.narg(c) AND d = $1 AND e = @a;")
        #expect(diagnostics == [])
        let query = try #require(queries.first)
        #expect(query.sql == "SELECT * FROM t WHERE a = $3 AND b = $2 AND c = $4 AND d = $1 AND e = $3")
        #expect(query.namedParameters == [3: .init(name: "a"), 4: .init(name: "c", forcesNullable: true)])
    }

    @Test func keepsPositionalParametersAsWritten() throws {
        let (queries, diagnostics) = parseQueries("-- name: A :one\nSELECT * FROM t WHERE a = $2 AND b = $1;")
        #expect(diagnostics == [])
        #expect(queries.first?.sql == "SELECT * FROM t WHERE a = $2 AND b = $1")
        #expect(queries.first?.namedParameters == [:])
    }

    @Test func rewritesEmbedsToStarsOfTheNameAsWritten() throws {
        let (queries, diagnostics) = parseQueries(
            "-- name: A :many\nSELECT sqlc.embed( \"Accounts\" ), u.id, SQLC.EMBED(u) FROM \"Accounts\" JOIN users u ON true;")
        #expect(diagnostics == [])
        let query = try #require(queries.first)
        #expect(query.sql == "SELECT \"Accounts\".*, u.id, u.* FROM \"Accounts\" JOIN users u ON true")
        #expect(query.embeds == [.init(name: "Accounts", offset: 7), .init(name: "u", offset: 27)])
        // Each `t.*` maps back to its macro.
        #expect(query.sourceMap.location(ofStatementOffset: 27).column == 40)
    }

    @Test func reportsMisusedMacros() {
        let (queries, diagnostics) = parseQueries(
            """
            -- name: A :one
            SELECT sqlc.argh(x);
            -- name: B :one
            SELECT sqlc.arg(a, b);
            -- name: C :one
            SELECT sqlc.arg(1);
            -- name: D :one
            SELECT 1 + sqlc.embed(accounts) FROM accounts;
            -- name: E :one
            SELECT sqlc.narg(t.x), sqlc.slice();
            -- name: F :one
            SELECT * FROM t WHERE id=@id;
            """)
        #expect(queries.isEmpty)
        #expect(
            diagnostics == [
                "query.sql:2:8: error: function \"sqlc.argh\" does not exist",
                "query.sql:4:8: error: expected 1 argument to sqlc.arg; got 2",
                "query.sql:6:17: error: expected an identifier or a string literal as the argument of sqlc.arg",
                "query.sql:8:12: error: sqlc.embed(…) must be a whole entry of the statement's SELECT list, without AS "
                    + "(it stands for all the columns of one table)",
                "query.sql:10:18: error: expected an identifier or a string literal as the argument of sqlc.narg",
                "query.sql:10:24: error: expected 1 argument to sqlc.slice; got 0",
                "query.sql:12:25: error: \"=@id\" reads as the operator \"=@\"; write \"= @id\" to use the parameter @id",
            ])
    }

    @Test func mapsRewrittenOffsetsBackToTheFile() throws {
        let text = "-- name: A :one\nSELECT sqlc.arg(owner_name), @x, ownr\n  FROM accounts WHERE é = sqlc.narg( 'y' ) AND z = 1;"
        let (queries, _) = parseQueries(text)
        let query = try #require(queries.first)
        #expect(query.sql == "SELECT $1, $2, ownr\n  FROM accounts WHERE é = $3 AND z = 1")
        guard case .selectStmt(let select) = query.statement, case .boolExpr(let where_) = select.whereClause,
            case .aExpr(let comparison) = where_.args[1]
        else {
            Issue.record("unexpected tree: \(query.statement.kindName)")
            return
        }
        func value(_ target: PG.Node) -> PG.Node? {
            if case .resTarget(let resTarget) = target { return resTarget.val }
            return nil
        }
        // The third column comes after two rewritten macros; it must point at the file's column.
        let ownr = try #require(value(select.targetList[2]))
        #expect(query.sourceMap.location(of: ownr) == SourceLocation(file: "query.sql", line: 2, column: 34))
        // A replaced `$n` maps to the macro's first character.
        let second = try #require(value(select.targetList[1]))
        #expect(query.sourceMap.location(of: second) == SourceLocation(file: "query.sql", line: 2, column: 30))
        let z = try #require(comparison.lexpr)
        #expect(query.sourceMap.location(of: z) == SourceLocation(file: "query.sql", line: 3, column: 48))
        // The statement start maps to the statement's first token.
        #expect(query.sourceMap.location(ofStatementOffset: 0) == SourceLocation(file: "query.sql", line: 2, column: 1))
    }
}
