import Testing

@testable import SQLGen

/// Every error the analysis reports: PostgreSQL's wording, at the offending node.
@Suite struct AnalysisErrorTests {
    func error(_ sql: String, _ command: ParsedQuery.Command = .many, named: [Int: ParsedQuery.NamedParameter] = [:])
        throws -> String
    {
        try AnalyzeFixtures.error(sql, command: command, named: named, catalog: AnalyzeFixtures.bank)
    }

    @Test func unknownRelationWithSuggestion() throws {
        #expect(
            try error("SELECT id\nFROM acounts") == "query.sql:2:6: error: relation \"acounts\" does not exist (did you mean \"accounts\"?)")
        #expect(try error("SELECT 1 FROM nothing_like_it") == "query.sql:1:15: error: relation \"nothing_like_it\" does not exist")
        #expect(
            try error("SELECT 1 FROM other.accounts") == "query.sql:1:15: error: relation \"other.accounts\" does not exist")
    }

    @Test func unknownColumnWithSuggestion() throws {
        #expect(
            try error("SELECT id FROM accounts\nWHERE ownr = $1")
                == "query.sql:2:7: error: column \"ownr\" does not exist (did you mean \"owner\"?)")
        #expect(try error("SELECT zzz FROM accounts") == "query.sql:1:8: error: column \"zzz\" does not exist")
    }

    @Test func unknownQualifiedColumn() throws {
        #expect(
            try error("SELECT a.ownr FROM accounts a") == "query.sql:1:8: error: column a.ownr does not exist (did you mean \"a.owner\"?)")
    }

    @Test func missingFromClauseEntry() throws {
        #expect(try error("SELECT x.id FROM accounts") == "query.sql:1:8: error: missing FROM-clause entry for table \"x\"")
        #expect(
            try error("SELECT accounts.id FROM accounts a")
                == "query.sql:1:8: error: invalid reference to FROM-clause entry for table \"accounts\" (did you mean \"a\"?)")
        #expect(
            try error("DELETE FROM accounts a WHERE accounts.id = 1", .exec)
                == "query.sql:1:30: error: invalid reference to FROM-clause entry for table \"accounts\" (did you mean \"a\"?)")
        #expect(try error("SELECT x.* FROM accounts") == "query.sql:1:8: error: missing FROM-clause entry for table \"x\"")
    }

    @Test func ambiguousColumn() throws {
        #expect(
            try error("SELECT a.id FROM accounts a JOIN entries e ON e.account_id = a.id\nWHERE id = $1")
                == "query.sql:2:7: error: column reference \"id\" is ambiguous")
    }

    @Test func tableNameSpecifiedTwice() throws {
        #expect(
            try error("SELECT 1 FROM accounts a JOIN entries a ON true") == "query.sql:1:31: error: table name \"a\" specified more than once")
        #expect(
            try error("SELECT 1 FROM accounts, accounts") == "query.sql:1:25: error: table name \"accounts\" specified more than once")
    }

    @Test func insertArity() throws {
        #expect(
            try error("INSERT INTO entries (account_id)\nVALUES ($1, $2)", .exec)
                == "query.sql:2:13: error: INSERT has more expressions than target columns")
        #expect(
            try error("INSERT INTO entries (account_id, amount) VALUES ($1)", .exec)
                == "query.sql:1:34: error: INSERT has more target columns than expressions")
        #expect(
            try error("INSERT INTO entries (account_id) SELECT 1, 2", .exec)
                == "query.sql:1:44: error: INSERT has more expressions than target columns")
        #expect(
            try error("INSERT INTO entries VALUES (1, 2, 3, now(), 5)", .exec)
                == "query.sql:1:45: error: INSERT has more expressions than target columns")
    }

    @Test func unknownTargetColumn() throws {
        #expect(
            try error("INSERT INTO entries (account_id, amout) VALUES ($1, $2)", .exec)
                == "query.sql:1:34: error: column \"amout\" of relation \"entries\" does not exist (did you mean \"amount\"?)")
        #expect(
            try error("UPDATE accounts SET balanse = 1", .exec)
                == "query.sql:1:21: error: column \"balanse\" of relation \"accounts\" does not exist (did you mean \"balance\"?)")
    }

    @Test func unknownFunction() throws {
        #expect(try error("SELECT foo(1)") == "query.sql:1:8: error: function foo(integer) does not exist")
        #expect(
            try error("SELECT lower(balance), 1 FROM accounts")
                == "query.sql:1:8: error: function lower(bigint) does not exist")
        #expect(
            try error("SELECT frob(owner, 'x', $1) FROM accounts")
                == "query.sql:1:8: error: function frob(character varying, unknown, unknown) does not exist")
    }

    @Test func undeterminedParameter() throws {
        #expect(try error("SELECT id FROM accounts WHERE $1 IS NULL") == "query.sql:1:31: error: could not determine data type of parameter $1")
        #expect(try error("SELECT id FROM accounts WHERE id = $2") == "query.sql:1:1: error: could not determine data type of parameter $1")
        #expect(try error("SELECT concat($1, owner) FROM accounts") == "query.sql:1:15: error: could not determine data type of parameter $1")
    }

    @Test func inconsistentParameterTypes() throws {
        // The output $1 is still untyped when written; WHERE fixes it to bigint before
        // PostgreSQL resolves output columns to text.
        #expect(
            try error("SELECT $1, id FROM accounts WHERE id = $1")
                == "query.sql:1:8: error: inconsistent types deduced for parameter $1")
        #expect(
            try error("INSERT INTO entries (account_id, amount) SELECT $1, $2 WHERE $2 > 0", .exec)
                == "query.sql:1:53: error: inconsistent types deduced for parameter $2")
        // Same type both ways: fine.
        let union = try AnalyzeFixtures.analyze(
            "SELECT $1 UNION SELECT id FROM accounts WHERE id = $1", catalog: AnalyzeFixtures.bank)
        #expect(union.parameterSummary == ["id bigint"])
        let fine = try AnalyzeFixtures.analyze(
            "INSERT INTO entries (account_id, amount) SELECT $1, $2 WHERE $2 > 0::bigint", command: .exec,
            catalog: AnalyzeFixtures.bank)
        #expect(fine.parameterSummary == ["account_id bigint", "amount bigint"])
    }

    @Test func castParameterIsDetermined() throws {
        let query = try AnalyzeFixtures.analyze(
            "SELECT id FROM accounts WHERE $1::text IS NULL OR owner = $1", catalog: AnalyzeFixtures.bank)
        #expect(query.parameterSummary == ["owner text"])
    }

    @Test func oneAndManyNeedReturning() throws {
        #expect(
            try error("DELETE FROM accounts WHERE id = $1", .one)
                == "query.sql:1:1: error: query \"Q\" specifies parameter \":one\" without containing a RETURNING clause")
        #expect(
            try error("UPDATE accounts SET balance = 0", .many)
                == "query.sql:1:1: error: query \"Q\" specifies parameter \":many\" without containing a RETURNING clause")
        #expect(
            try error("INSERT INTO entries (account_id, amount) VALUES ($1, $2)", .one)
                == "query.sql:1:1: error: query \"Q\" specifies parameter \":one\" without containing a RETURNING clause")
    }

    @Test func operatorMismatches() throws {
        #expect(try error("SELECT 1 + 'a'::text") == "query.sql:1:10: error: operator does not exist: integer + text")
        #expect(
            try error("SELECT id FROM accounts WHERE id = 'x'::text") == "query.sql:1:34: error: operator does not exist: bigint = text")
        #expect(
            try error("SELECT id FROM accounts WHERE owner = $1 AND $1 = 5")
                == "query.sql:1:49: error: operator does not exist: text = integer")
        #expect(
            try error("SELECT id FROM accounts WHERE balance")
                == "query.sql:1:31: error: argument of WHERE must be type boolean, not type bigint")
    }

    @Test func setOperationArity() throws {
        #expect(try error("SELECT 1 UNION SELECT 1, 2") == "query.sql:1:23: error: each UNION query must have the same number of columns")
        #expect(try error("SELECT 1 UNION SELECT 'a'::text") == "query.sql:1:23: error: UNION types integer and text cannot be matched")
    }

    @Test func assignmentTypeMismatch() throws {
        #expect(
            try error("UPDATE sessions SET id = 1", .exec)
                == "query.sql:1:26: error: column \"id\" is of type uuid but expression is of type integer")
    }

    @Test func unsupportedConstructsAreReportedNotGuessed() throws {
        #expect(
            try error("SELECT * FROM json_to_record('{}')")
                == "query.sql:1:15: error: a column definition list is required for functions returning \"record\"")
        #expect(
            try error("SELECT * FROM generate_series(1, 2) AS g(x int)")
                == "query.sql:1:15: error: a column definition list is only allowed for functions returning \"record\"")
        #expect(
            try error("SELECT substr($1, 1, 2, 3)")
                == "query.sql:1:8: error: function substr(unknown, integer, integer, integer) does not exist")
        #expect(
            try error("SELECT jsonb_build_objekt('a', 1)")
                == "query.sql:1:8: error: function jsonb_build_objekt(unknown, integer) does not exist (did you mean \"jsonb_build_object\"?)")
        #expect(try error("SELECT xmlelement(name item)") == "query.sql:1:8: error: unsupported construct XmlExpr")
        #expect(
            try error("SELECT (ROW(1, 'x')).f1")
                == "query.sql:1:9: error: column notation .f1 applied to type record, which is not a composite type")
        #expect(try error("SELECT (a).balanse FROM accounts a") == "query.sql:1:9: error: column \"balanse\" not found in data type accounts")
        #expect(try error("CREATE TABLE x (id int)", .exec) == "query.sql:1:1: error: unsupported construct CreateStmt")
    }

    /// Generated columns and GENERATED ALWAYS identity columns can only be written as DEFAULT.
    @Test func computedColumnsOnlyTakeDefault() throws {
        let (statements, _) = SchemaFileParser.parse(
            SourceFile(
                path: "schema.sql",
                text: """
                    CREATE TABLE people (
                        id int GENERATED ALWAYS AS IDENTITY,
                        cm int NOT NULL,
                        inch numeric GENERATED ALWAYS AS (cm / 2.54) STORED
                    );
                    """))
        let catalog = CatalogBuilder.build(statements).catalog
        func error(_ sql: String) throws -> String { try AnalyzeFixtures.error(sql, command: .exec, catalog: catalog) }
        #expect(
            try error("INSERT INTO people (cm, inch) VALUES ($1, $2)")
                == "query.sql:1:43: error: cannot insert a non-DEFAULT value into column \"inch\" (column \"inch\" is a generated column)")
        #expect(
            try error("INSERT INTO people (id, cm) VALUES ($1, $2)")
                == "query.sql:1:37: error: cannot insert a non-DEFAULT value into column \"id\" (column \"id\" is an identity column defined as GENERATED ALWAYS; use OVERRIDING SYSTEM VALUE to override)"
        )
        #expect(try error("UPDATE people SET inch = $1") == "query.sql:1:19: error: column \"inch\" can only be updated to DEFAULT")
        let allowed = [
            "INSERT INTO people (id, cm) OVERRIDING SYSTEM VALUE VALUES ($1, $2)",
            "INSERT INTO people (cm, inch) VALUES ($1, DEFAULT)",
            "UPDATE people SET inch = DEFAULT, cm = $1",
        ]
        for sql in allowed {
            let parsed = try AnalyzeFixtures.query(command: .exec, sql: sql, named: [:])
            #expect(Analyzer(catalog: catalog).analyze([parsed]).diagnostics.isEmpty, "\(sql)")
        }
    }

    @Test func duplicateQueryNames() throws {
        func query(_ name: String, line: Int) throws -> ParsedQuery {
            var parsed = try AnalyzeFixtures.query(name: name, sql: "SELECT 1")
            parsed.annotationLocation = SourceLocation(file: "query.sql", line: line, column: 1)
            return parsed
        }
        let (queries, diagnostics) = Analyzer(catalog: AnalyzeFixtures.bank).analyze([
            try query("GetAccount", line: 1), try query("ListAccounts", line: 4), try query("GetAccount", line: 9),
        ])
        #expect(queries.map(\.name) == ["GetAccount", "ListAccounts"])
        #expect(
            diagnostics.map(\.description) == [
                "query.sql:9:1: error: duplicate query name \"GetAccount\" (first declared at query.sql:1:1)"
            ])
    }

    @Test func locationsMapThroughTheSourceMap() throws {
        // The statement starts at byte 30 of its file, on line 3.
        let text = "-- name: A :many\n-- comment\n\nSELECT ownr FROM accounts"
        let sql = "SELECT ownr FROM accounts"
        let offset = text.utf8.count - sql.utf8.count
        let parsed = ParsedQuery(
            name: "A", command: .many, docComment: [], sql: sql, statement: try PgQuery.parse(sql)[0].node,
            namedParameters: [:], sourceMap: SourceMap(file: SourceFile(path: "db/q.sql", text: text), statementStartsAt: offset),
            annotationLocation: SourceLocation(file: "db/q.sql", line: 1, column: 1))
        let (_, diagnostics) = Analyzer(catalog: AnalyzeFixtures.bank).analyze([parsed])
        #expect(
            diagnostics.map(\.description) == [
                "db/q.sql:4:8: error: column \"ownr\" does not exist (did you mean \"owner\"?)"
            ])
    }

    /// PostgreSQL's words for subscripts it rejects (`transformContainerSubscripts`).
    @Test func subscriptsNeedAnArrayAndIntegerIndices() throws {
        #expect(
            try error("SELECT (owner)[1] FROM accounts")
                == "query.sql:1:9: error: cannot subscript type character varying because it does not support subscripting")
        #expect(
            try error("SELECT (ARRAY[owner])[true] FROM accounts") == "query.sql:1:23: error: array subscript must have type integer")
        #expect(
            try error("SELECT (ARRAY[owner])[1].x FROM accounts")
                == "query.sql:1:9: error: column notation .x applied to type character varying, which is not a composite type")
    }

    /// An untyped fraction could be one or an array of them: PostgreSQL cannot choose.
    @Test func anUntypedPercentileFractionIsAmbiguous() throws {
        #expect(
            try error("SELECT percentile_disc($1) WITHIN GROUP (ORDER BY created_at) FROM accounts")
                == "query.sql:1:8: error: function percentile_disc(unknown, timestamp with time zone) is not unique")
        #expect(
            try error("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY owner) FROM accounts")
                == "query.sql:1:8: error: function percentile_cont(numeric, character varying) does not exist")
    }
}
