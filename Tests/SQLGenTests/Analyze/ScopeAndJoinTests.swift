import Testing

@testable import SQLGen

/// FROM clauses: aliases, joins and their nullability, USING/NATURAL, subqueries, CTEs and
/// set operations.
@Suite struct ScopeAndJoinTests {
    func columns(_ sql: String) throws -> [String] {
        try AnalyzeFixtures.analyze(sql).columnSummary
    }

    @Test func innerJoinKeepsNullabilityAsDeclared() throws {
        #expect(
            try columns("SELECT o.name, p.name, p.born FROM owners o JOIN pets p ON p.owner_id = o.id")
                == ["name character varying", "name text", "born date?"])
    }

    @Test func leftJoinMakesTheRightSideNullable() throws {
        let query = try AnalyzeFixtures.analyze("SELECT o.id, p.id, p.name FROM owners o LEFT JOIN pets p ON p.owner_id = o.id")
        #expect(query.columnSummary == ["id bigint", "id bigint?", "name text?"])
        // Still the table's column, read unchanged (the emitter may return a model).
        #expect(query.columns[2].source == ColumnReference(schema: "public", table: "pets", column: "name"))
    }

    @Test func rightJoinMakesTheLeftSideNullable() throws {
        #expect(
            try columns("SELECT o.name, p.name FROM owners o RIGHT JOIN pets p ON p.owner_id = o.id")
                == ["name character varying?", "name text"])
    }

    @Test func fullJoinMakesBothSidesNullable() throws {
        #expect(
            try columns("SELECT o.name, p.name FROM owners o FULL JOIN pets p ON p.owner_id = o.id")
                == ["name character varying?", "name text?"])
    }

    @Test func crossJoinAndCommaJoin() throws {
        #expect(try columns("SELECT o.name, p.name FROM owners o CROSS JOIN pets p") == ["name character varying", "name text"])
        #expect(try columns("SELECT o.name, p.name FROM owners o, pets p") == ["name character varying", "name text"])
    }

    @Test func nestedJoinsPropagateNullability() throws {
        // pets is the right side of a LEFT JOIN; t joins pets inside it.
        #expect(
            try columns(
                "SELECT o.id, p.id, x.i FROM owners o LEFT JOIN (pets p JOIN t x ON x.id = p.id) ON p.owner_id = o.id")
                == ["id bigint", "id bigint?", "i integer?"])
        #expect(
            try columns(
                "SELECT o.id, p.id, x.i FROM owners o LEFT JOIN pets p ON p.owner_id = o.id JOIN t x ON x.id = p.id")
                == ["id bigint", "id bigint?", "i integer"])
    }

    @Test func usingMergesTheJoinColumn() throws {
        let query = try AnalyzeFixtures.analyze("SELECT * FROM owners JOIN pets USING (id)")
        #expect(query.columns.map(\.name) == ["id", "name", "nickname", "owner_id", "name", "born"])
        #expect(query.sql == "SELECT id, owners.name, owners.nickname, pets.owner_id, pets.name, pets.born FROM owners JOIN pets USING (id)")
        // The merged column is unambiguous; the qualified ones still resolve.
        #expect(try columns("SELECT id, owners.id, pets.id FROM owners JOIN pets USING (id)").count == 3)
    }

    @Test func fullJoinUsingMergedColumnIsNullOnlyWhenBothSidesAre() throws {
        #expect(try columns("SELECT id FROM owners FULL JOIN pets USING (id)") == ["id bigint"])
        #expect(try columns("SELECT id FROM owners LEFT JOIN pets USING (id)") == ["id bigint"])
        #expect(try columns("SELECT id FROM owners RIGHT JOIN pets USING (id)") == ["id bigint"])
    }

    @Test func naturalJoinUsesCommonNames() throws {
        // owners and pets share id and name; name is varchar on one side, text on the other.
        let query = try AnalyzeFixtures.analyze("SELECT * FROM owners NATURAL JOIN pets")
        #expect(query.columns.map(\.name) == ["id", "name", "nickname", "owner_id", "born"])
    }

    @Test func subqueryInFromCarriesColumnsAndNullability() throws {
        let query = try AnalyzeFixtures.analyze(
            """
            SELECT s.owner_name, s.pet_name, s.pet_count
            FROM (
              SELECT o.name AS owner_name, p.name AS pet_name, count(*) AS pet_count
              FROM owners o LEFT JOIN pets p ON p.owner_id = o.id
              GROUP BY o.name, p.name
            ) AS s
            """)
        #expect(query.columnSummary == ["owner_name character varying", "pet_name text?", "pet_count bigint"])
        #expect(query.columns[1].source?.table == "pets")
    }

    @Test func subqueryColumnAliases() throws {
        #expect(try columns("SELECT a, b FROM (SELECT id, name FROM owners) AS s(a, b)") == ["a bigint", "b character varying"])
    }

    @Test func outerJoinAgainstASubquery() throws {
        #expect(
            try columns(
                "SELECT o.name, s.total FROM owners o LEFT JOIN (SELECT owner_id, count(*) AS total FROM pets GROUP BY owner_id) s ON s.owner_id = o.id"
            )
                == ["name character varying", "total bigint?"])
    }

    @Test func lateralSubquerySeesEarlierItems() throws {
        #expect(
            try columns("SELECT o.name, l.name FROM owners o, LATERAL (SELECT p.name FROM pets p WHERE p.owner_id = o.id LIMIT 1) l")
                == ["name character varying", "name text"])
    }

    @Test func commonTableExpressions() throws {
        let query = try AnalyzeFixtures.analyze(
            """
            WITH named AS (
              SELECT o.id, p.name AS pet FROM owners o LEFT JOIN pets p ON p.owner_id = o.id
            ), counted AS (
              SELECT id, count(pet) AS pets FROM named GROUP BY id
            )
            SELECT a.id, a.pet, b.pets FROM named a JOIN counted b ON b.id = a.id
            """)
        #expect(query.columnSummary == ["id bigint", "pet text?", "pets bigint"])
    }

    @Test func aCommonTableReferencedTwice() throws {
        #expect(
            try columns("WITH x AS (SELECT id, name FROM owners) SELECT a.name, b.name FROM x a LEFT JOIN x b ON b.id = a.id")
                == ["name character varying", "name character varying?"])
    }

    @Test func commonTableColumnNames() throws {
        #expect(try columns("WITH x(a, b) AS (SELECT id, name FROM owners) SELECT * FROM x") == ["a bigint", "b character varying"])
    }

    @Test func recursiveCommonTable() throws {
        #expect(
            try columns(
                "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 10) SELECT k FROM n")
                == ["k integer"])
    }

    @Test func dataModifyingCommonTable() throws {
        let query = try AnalyzeFixtures.analyze(
            "WITH gone AS (DELETE FROM pets WHERE owner_id = $1 RETURNING id) SELECT count(*) FROM gone")
        #expect(query.parameterSummary == ["owner_id bigint"])
        #expect(query.columnSummary == ["count bigint"])
    }

    @Test func unionTakesNamesFromTheLeftAndNullabilityFromBoth() throws {
        #expect(
            try columns("SELECT id, nickname FROM owners UNION SELECT id, name FROM pets")
                == ["id bigint", "nickname text?"])
        #expect(try columns("SELECT i AS x FROM t UNION ALL SELECT id FROM t") == ["x bigint"])
        #expect(try columns("SELECT 1 AS x UNION SELECT NULL") == ["x integer?"])
        #expect(try columns("SELECT name FROM owners INTERSECT SELECT name FROM pets") == ["name character varying"])
        #expect(try columns("SELECT name FROM pets EXCEPT SELECT nickname FROM owners ORDER BY name") == ["name text"])
    }

    @Test func setOperationSourceIsKeptOnlyWhenBothSidesAgree() throws {
        let query = try AnalyzeFixtures.analyze("SELECT id FROM owners UNION SELECT id FROM owners WHERE id > 1")
        #expect(query.columns[0].source?.table == "owners")
        let mixed = try AnalyzeFixtures.analyze("SELECT id FROM owners UNION SELECT id FROM pets")
        #expect(mixed.columns[0].source == nil)
    }

    @Test func valuesLists() throws {
        #expect(try columns("VALUES (1, 'a'), (2, NULL)") == ["column1 integer", "column2 text?"])
        #expect(try columns("SELECT v.x FROM (VALUES (1), (2.5)) AS v(x)") == ["x numeric"])
    }

    @Test func orderByGroupByHavingDistinctAndLocking() throws {
        #expect(
            try columns(
                "SELECT DISTINCT ON (owner_id) owner_id, name AS n FROM pets WHERE born IS NOT NULL ORDER BY owner_id, n DESC")
                == ["owner_id bigint?", "n text"])
        #expect(
            try columns("SELECT owner_id, count(*) FROM pets GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC")
                == ["owner_id bigint?", "count bigint"])
        #expect(try columns("SELECT id FROM owners FOR UPDATE") == ["id bigint"])
        #expect(try columns("SELECT id FROM owners FOR SHARE SKIP LOCKED") == ["id bigint"])
    }

    @Test func orderByPrefersOutputNamesGroupByInputColumns() throws {
        // `id` is ambiguous among the inputs but names one output column.
        #expect(try columns("SELECT o.id FROM owners o JOIN pets p ON p.owner_id = o.id ORDER BY id") == ["id bigint"])
        #expect(try columns("SELECT name AS label, count(*) FROM pets GROUP BY label") == ["label text", "count bigint"])
        #expect(try columns("SELECT DISTINCT name FROM pets") == ["name text"])
        #expect(
            try AnalyzeFixtures.error("SELECT name FROM pets ORDER BY 2")
                == "query.sql:1:32: error: ORDER BY position 2 is not in select list")
    }

    @Test func setReturningFunctionsInFrom() throws {
        let query = try AnalyzeFixtures.analyze("SELECT * FROM unnest($1::bigint[]) WITH ORDINALITY AS u(x, n)")
        #expect(query.columnSummary == ["x bigint?", "n bigint"])
        #expect(query.parameterSummary == ["p1 bigint[]"])
        #expect(query.sql == "SELECT x, n FROM unnest($1::bigint[]) WITH ORDINALITY AS u(x, n)")
        #expect(try columns("SELECT g FROM generate_series(1, 3) g") == ["g integer"])
        #expect(
            try columns("SELECT o.id, x FROM owners o, unnest(ARRAY[o.id, 2]) x") == ["id bigint", "x bigint?"])
    }

    @Test func whereConditionsProveColumnsNonNull() throws {
        // p.id IS NOT NULL: the pets row exists, so its NOT NULL columns are non-NULL again.
        #expect(
            try columns("SELECT p.name, p.born FROM owners o LEFT JOIN pets p ON p.owner_id = o.id WHERE p.id IS NOT NULL")
                == ["name text", "born date?"])
        // A comparison is false or NULL for NULL input: the compared column is non-NULL.
        #expect(
            try columns("SELECT p.born, p.name FROM owners o LEFT JOIN pets p ON p.owner_id = o.id WHERE o.id > 0 AND p.born > $1")
                == ["born date", "name text?"])
        #expect(try columns("SELECT nickname FROM owners WHERE nickname IS NOT NULL") == ["nickname text"])
        // Not under OR, not IS NULL, not from another level.
        #expect(
            try columns("SELECT nickname FROM owners WHERE nickname IS NOT NULL OR id = 1") == ["nickname text?"])
        #expect(try columns("SELECT nickname FROM owners WHERE nickname IS NULL") == ["nickname text?"])
        // A subquery item may hold two rows of one table: only the tested column is narrowed.
        #expect(
            try columns(
                "SELECT s.a, s.b FROM (SELECT p1.id AS a, p2.name AS b FROM pets p1 LEFT JOIN pets p2 ON p2.id = p1.owner_id) s WHERE s.a IS NOT NULL"
            ) == ["a bigint", "b text?"])
    }

    @Test func schemaQualifiedNames() throws {
        #expect(try columns("SELECT public.owners.name FROM public.owners") == ["name character varying"])
        #expect(try columns("SELECT owners.name FROM public.owners") == ["name character varying"])
    }
}
