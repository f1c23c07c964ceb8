import Testing

@testable import SQLGen

/// Parameter types as PostgreSQL infers them when preparing (each expectation was checked
/// against `pg_prepared_statements.parameter_types` on PostgreSQL 15), names and nullability.
@Suite struct ParameterInferenceTests {
    func parameters(_ sql: String, named: [Int: ParsedQuery.NamedParameter] = [:]) throws -> [String] {
        try AnalyzeFixtures.analyze(sql, command: .exec, named: named).parameterSummary
    }

    @Test(arguments: [
        ("SELECT id FROM t WHERE id = $1", ["id bigint"]),
        ("SELECT id FROM t WHERE $1 = id", ["id bigint"]),
        ("SELECT id FROM t WHERE v = $1", ["v text"]),
        ("SELECT id FROM t WHERE $1 = v", ["v text"]),
        ("SELECT id FROM t WHERE c = $1", ["c character"]),
        ("SELECT id FROM t WHERE mood = $1", ["mood mood"]),
        ("SELECT id FROM t WHERE ts > $1 AND dt < $2", ["ts timestamp with time zone", "dt date"]),
        ("SELECT id FROM t WHERE tags = $1", ["tags text[]"]),
        ("SELECT id FROM t WHERE ni <> $1", ["ni integer"]),
        ("SELECT id FROM t WHERE ni IS NOT DISTINCT FROM $1", ["ni integer"]),
        ("SELECT id FROM t WHERE u = $1", ["u uuid"]),
    ])
    func comparisons(sql: String, expected: [String]) throws {
        #expect(try parameters(sql) == expected)
    }

    @Test(arguments: [
        ("SELECT id FROM t WHERE v IN ($1)", ["v text"]),
        // Two or more non-column items: PostgreSQL resolves the list to the column's own type.
        ("SELECT id FROM t WHERE v IN ($1, $2)", ["v character varying", "v_2 character varying"]),
        ("SELECT id FROM t WHERE v NOT IN ($1, 'x')", ["v character varying"]),
        ("SELECT id FROM t WHERE id IN ($1, $2)", ["id bigint", "id_2 bigint"]),
        ("SELECT id FROM t WHERE $1 IN (v, tx)", ["v text"]),
        ("SELECT id FROM t WHERE v BETWEEN $1 AND $2", ["v text", "v_2 text"]),
        ("SELECT id FROM t WHERE i BETWEEN $1 AND $2", ["i integer", "i_2 integer"]),
        ("SELECT id FROM t WHERE v LIKE $1", ["v text"]),
        ("SELECT id FROM t WHERE c LIKE $1", ["c text"]),
        ("SELECT id FROM t WHERE v ILIKE $1 || '%'", ["p1 text"]),
        ("SELECT id FROM t WHERE v = ANY($1)", ["v text[]"]),
        ("SELECT id FROM t WHERE id = ANY($1)", ["id bigint[]"]),
        ("SELECT id FROM t WHERE mood = ANY($1)", ["mood mood[]"]),
        ("SELECT id FROM t WHERE id IN (SELECT id FROM owners WHERE name = $1)", ["name text"]),
        ("SELECT id FROM t WHERE $1 IN (SELECT id FROM owners)", ["id bigint"]),
    ])
    func listsRangesAndPatterns(sql: String, expected: [String]) throws {
        #expect(try parameters(sql) == expected)
    }

    @Test(arguments: [
        ("SELECT id FROM t LIMIT $1", ["limit bigint"]),
        ("SELECT id FROM t LIMIT $1 OFFSET $2", ["limit bigint", "offset bigint"]),
        ("SELECT id FROM t LIMIT $1::int", ["p1 integer"]),
        ("SELECT $1::varchar(10)", ["p1 character varying"]),
        ("SELECT CAST($1 AS uuid)", ["p1 uuid"]),
        ("SELECT $1", ["p1 text"]),
        ("SELECT i + $1 FROM t", ["i integer"]),
        ("SELECT balance FROM (SELECT id + $1 AS balance FROM t) s", ["id bigint"]),
        ("SELECT now() + $1", ["p1 interval"]),
        ("SELECT ts - $1 FROM t", ["ts timestamp with time zone"]),
        ("SELECT $1 || v FROM t", ["p1 text"]),
        ("SELECT lower($1)", ["p1 text"]),
        ("SELECT pg_advisory_xact_lock($1)", ["p1 bigint"]),
        ("SELECT abs($1)", ["p1 double precision"]),
        ("SELECT substring(v, $1, $2) FROM t", ["p1 text", "p2 text"]),
        ("SELECT substring(v, 1, $1) FROM t", ["p1 integer"]),
        ("SELECT left(v, $1) FROM t", ["p1 integer"]),
        ("SELECT $1 = $2", ["p1 text", "p2 text"]),
        ("SELECT NOT $1", ["p1 boolean"]),
        ("SELECT id FROM t WHERE b = $1 OR $2", ["b boolean", "p2 boolean"]),
        ("SELECT CASE WHEN $1 THEN 1 END", ["p1 boolean"]),
        ("SELECT COALESCE($1, $2)", ["p1 text?", "p2 text?"]),
        ("SELECT GREATEST($1, id) FROM t", ["id bigint"]),
        ("SELECT NULLIF(v, $1) FROM t", ["v text"]),
        ("SELECT j @> $1 FROM t", ["j jsonb"]),
        ("SELECT j ->> $1 FROM t", ["p1 text"]),
        ("SELECT 1 UNION SELECT $1", ["p1 integer"]),
        ("SELECT id FROM t WHERE ts >= $1 AND ts < $1 + interval '1 day'", ["ts timestamp with time zone"]),
        ("SELECT count(*) FROM t HAVING count(*) > $1", ["p1 bigint"]),
        ("SELECT v FROM t GROUP BY v HAVING sum(id) > $1", ["p1 numeric"]),
        ("SELECT o.id FROM owners o JOIN pets p ON p.owner_id = o.id AND p.name = $1", ["name text"]),
        ("SELECT id FROM owners WHERE (name, id) = ($1, $2)", ["name text", "id bigint"]),
        ("SELECT id FROM owners WHERE (id, name) > ($1, $2)", ["id bigint", "name text"]),
        ("SELECT id FROM pets WHERE ($1, name) IN (SELECT id, name FROM owners)", ["id bigint"]),
    ])
    func otherContexts(sql: String, expected: [String]) throws {
        #expect(try parameters(sql) == expected)
    }

    @Test func insertAndSetTargetsGetTheColumnsExactTypeAndNullability() throws {
        #expect(
            try parameters("INSERT INTO t (id, ni, nv, mood, tags) VALUES ($1, $2, $3, $4, $5)")
                == ["id bigint", "ni integer?", "nv character varying?", "mood mood", "tags text[]"])
        #expect(try parameters("UPDATE t SET ni = $1, nv = $2 WHERE id = $3") == ["ni integer?", "nv character varying?", "id bigint"])
        #expect(try parameters("UPDATE t SET (ni, nv) = ($1, $2)") == ["ni integer?", "nv character varying?"])
        #expect(
            try parameters("INSERT INTO owners (name, nickname) SELECT $1, $2") == ["name character varying", "nickname text?"])
        #expect(
            try parameters("INSERT INTO owners (name) VALUES ($1) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name || $2")
                == ["name character varying", "p2 text"])
    }

    @Test func insertFromAQueryPostgresResolvesFirstIsText() throws {
        // PostgreSQL types the inner query before assigning: untyped values become text.
        #expect(try parameters("INSERT INTO owners (name, nickname) VALUES ($1, $2) LIMIT 1") == ["p1 text", "p2 text"])
        #expect(
            try parameters("INSERT INTO owners (name, nickname) SELECT $1, $2 UNION ALL SELECT $3, $4")
                == ["p1 text", "p2 text", "p3 text", "p4 text"])
    }

    @Test func insertWithoutColumnListTargetsAllColumnsInOrder() throws {
        #expect(try parameters("INSERT INTO owners VALUES ($1, $2)") == ["id bigint", "name character varying"])
    }

    @Test func parametersKeepTheColumnTheyMeet() throws {
        let query = try AnalyzeFixtures.analyze("SELECT id FROM owners WHERE name = $1 AND id > $2 LIMIT $3")
        #expect(query.parameters[0].column == ColumnReference(schema: "public", table: "owners", column: "name"))
        #expect(query.parameters[1].column?.column == "id")
        #expect(query.parameters[2].column == nil)
    }

    @Test func aReusedParameterKeepsItsFirstTypeAndIsOneParameter() throws {
        #expect(
            try parameters("SELECT id FROM transfers_like WHERE a = $1 OR b = $1".replacingTable())
                == ["owner_id bigint"])
        #expect(try parameters("SELECT id FROM t WHERE i = $1 OR id = $1") == ["i integer"])
    }

    @Test func namesAreDedupedWithSuffixes() throws {
        #expect(try parameters("SELECT id FROM t WHERE id = $1 OR id = $2 OR id = $3") == ["id bigint", "id_2 bigint", "id_3 bigint"])
        #expect(
            try parameters("SELECT id FROM t WHERE id = $1 AND i = $2", named: [2: .init(name: "id")])
                == ["id_2 bigint", "id integer"])
    }

    @Test func namedParametersKeepTheirNames() throws {
        #expect(
            try parameters("SELECT id FROM owners WHERE name = $1 LIMIT $2", named: [1: .init(name: "who"), 2: .init(name: "page_size")])
                == ["who text", "page_size bigint"])
    }

    @Test func nargForcesNullability() throws {
        #expect(try parameters("SELECT id FROM t WHERE id = $1", named: [1: .init(name: "x", forcesNullable: true)]) == ["x bigint?"])
        #expect(
            try parameters(
                "SELECT id FROM owners WHERE ($1::text IS NULL OR name = $1)", named: [1: .init(name: "name", forcesNullable: true)])
                == ["name text?"])
    }

    @Test func untypedUsesBeforeTheTypingUseAreRejectedLikePostgres() throws {
        // `$1 IS NULL` leaves that occurrence untyped; PostgreSQL rejects it once `owner = $1`
        // types the parameter later. Typed first (or cast), it is fine.
        #expect(
            try AnalyzeFixtures.error("SELECT id FROM owners WHERE $1 IS NULL OR name = $1")
                == "query.sql:1:29: error: could not determine data type of parameter $1")
        #expect(try parameters("SELECT id FROM owners WHERE name = $1 OR $1 IS NULL") == ["name text"])
        #expect(try parameters("SELECT id FROM owners WHERE $1::text IS NULL OR name = $1") == ["name text"])
        #expect(
            try AnalyzeFixtures.error("SELECT count($1) FROM owners WHERE name = $1")
                == "query.sql:1:14: error: could not determine data type of parameter $1")
    }

    @Test func untypedSortKeysAndSetOperationColumnsAreText() throws {
        #expect(try parameters("SELECT id FROM owners ORDER BY $1") == ["p1 text"])
        #expect(try parameters("SELECT $1 UNION SELECT $2") == ["p1 text", "p2 text"])
        #expect(
            try AnalyzeFixtures.error("SELECT $1 UNION SELECT $2 UNION SELECT 1")
                == "query.sql:1:40: error: UNION types text and integer cannot be matched")
    }

    @Test func coalesceMakesTheParameterNullable() throws {
        let query = try AnalyzeFixtures.analyze("UPDATE owners SET name = COALESCE($1, name) WHERE id = $2", command: .exec)
        #expect(query.parameterSummary == ["name character varying?", "id bigint"])
        #expect(query.parameters[0].column?.column == "name")
    }

    @Test func aParameterUsedAsNullableInsertValueAnywhereIsNullable() throws {
        #expect(
            try parameters("INSERT INTO pets (owner_id, name) SELECT $1, name FROM pets WHERE owner_id = $1")
                == ["owner_id bigint?"])
    }
}

extension String {
    /// A reused-parameter query over pets' single nullable bigint column.
    fileprivate func replacingTable() -> String {
        "SELECT id FROM pets WHERE owner_id = $1 OR owner_id + 1 = $1"
    }
}
