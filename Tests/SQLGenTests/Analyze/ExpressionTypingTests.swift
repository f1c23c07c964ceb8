import Testing

@testable import SQLGen

/// Result types and nullability of expressions, checked against what PostgreSQL 15 reports
/// (`\gdesc`) for the same expressions over the sample table `t`.
@Suite struct ExpressionTypingTests {
    /// `name type[?]` of the single column of `SELECT <expression> FROM t`.
    func column(_ expression: String, from: String = "t") throws -> String {
        let query = try AnalyzeFixtures.analyze("SELECT \(expression) FROM \(from)")
        try #require(query.columns.count == 1)
        return query.columns[0].summary
    }

    @Test(arguments: [
        ("1", "?column? integer"),
        ("2147483648", "?column? bigint"),
        ("99999999999999999999", "?column? numeric"),
        ("1.5", "?column? numeric"),
        ("'x'", "?column? text"),
        ("NULL", "?column? text?"),
        ("TRUE", "?column? boolean"),
        ("FALSE AS no", "no boolean"),
    ])
    func literals(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("i + s", "?column? integer"),
        ("s + s", "?column? smallint"),
        ("s * 2", "?column? integer"),
        ("i / i", "?column? integer"),
        ("id + i", "?column? bigint"),
        ("id + 1", "?column? bigint"),
        ("n + i", "?column? numeric"),
        ("d + n", "?column? double precision"),
        ("r + n", "?column? double precision"),
        ("r + i", "?column? double precision"),
        ("r * r", "?column? real"),
        ("n % i", "?column? numeric"),
        ("i % 2", "?column? integer"),
        ("i + 1.5", "?column? numeric"),
        ("ni + 1", "?column? integer?"),
        ("-i", "?column? integer"),
        ("-ni", "?column? integer?"),
        ("ts - ts", "?column? interval"),
        ("ts + iv", "?column? timestamp with time zone"),
        ("ts - interval '1 day'", "?column? timestamp with time zone"),
        ("now() + interval '15 minutes'", "?column? timestamp with time zone"),
        ("tsn + iv", "?column? timestamp without time zone"),
        ("dt + i", "?column? date"),
        ("dt + 7", "?column? date"),
        ("dt - dt", "?column? integer"),
        ("dt + iv", "?column? timestamp without time zone"),
        ("ts - dt", "?column? interval"),
        ("iv * 2", "?column? interval"),
        ("nts - ts", "?column? interval?"),
    ])
    func arithmetic(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("'a' || i", "?column? text"),
        ("v || tx", "?column? text"),
        ("c || 'x'", "?column? text"),
        ("nv || 'x'", "?column? text?"),
        ("tags || 'x'::text", "?column? text[]"),
        ("j -> 'a'", "?column? jsonb?"),
        ("j ->> 'a'", "?column? text?"),
    ])
    func stringAndJSONOperators(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("i = 1", "?column? boolean"),
        ("ni = 1", "?column? boolean?"),
        ("ni IS NULL", "?column? boolean"),
        ("ni IS NOT NULL", "?column? boolean"),
        ("ni IS DISTINCT FROM i", "?column? boolean"),
        ("ni IS NOT DISTINCT FROM 1", "?column? boolean"),
        ("b AND i > 0", "?column? boolean"),
        ("b OR ni > 0", "?column? boolean?"),
        ("NOT b", "?column? boolean"),
        ("v LIKE 'a%'", "?column? boolean"),
        ("nv ILIKE 'a%'", "?column? boolean?"),
        ("i BETWEEN 1 AND 10", "?column? boolean"),
        ("i IN (1, 2, 3)", "?column? boolean"),
        ("ni NOT IN (1, 2)", "?column? boolean?"),
        ("v ~ '^a'", "?column? boolean"),
        ("b IS TRUE", "?column? boolean"),
        ("EXISTS (SELECT 1 FROM owners)", "exists boolean"),
        ("i = ANY('{1,2}'::int[])", "?column? boolean"),
    ])
    func predicates(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("i::bigint", "i bigint"),
        ("ni::text", "ni text?"),
        ("CAST(n AS integer)", "n integer"),
        ("'x'::varchar(3)", "varchar character varying"),
        ("NULL::int", "int4 integer?"),
        ("'{a}'::text[]", "text text[]"),
        ("'happy'::mood", "mood mood"),
        ("(i + 1)::numeric", "numeric numeric"),
    ])
    func casts(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("CASE WHEN b THEN i ELSE id END", "id bigint"),
        ("CASE WHEN b THEN 1 ELSE 2 END", "case integer"),
        ("CASE WHEN b THEN 1 END", "case integer?"),
        ("CASE WHEN b THEN ni ELSE 0 END", "case integer?"),
        ("CASE WHEN b THEN 'x' ELSE 'y' END", "case text"),
        ("CASE WHEN b THEN v ELSE tx END", "tx text"),
        ("CASE WHEN b THEN tx ELSE v END", "v character varying"),
        ("CASE i WHEN 1 THEN 'one' ELSE 'many' END", "case text"),
        ("CASE WHEN b THEN 1 ELSE 2.5 END", "case numeric"),
        ("COALESCE(ni, 0)", "coalesce integer"),
        ("COALESCE(ni, nn)", "coalesce numeric?"),
        ("COALESCE(nv, c)", "coalesce character varying"),
        ("COALESCE(sum(i), 0)", "coalesce bigint"),
        ("NULLIF(i, 1)", "nullif integer?"),
        ("NULLIF(v, 'x')", "nullif text?"),
        ("NULLIF(c, 'x')", "nullif character?"),
        ("GREATEST(i, id)", "greatest bigint"),
        ("LEAST(ni, 3)", "least integer"),
        ("GREATEST(ni, ni)", "greatest integer?"),
        ("ARRAY[i, 2]", "array integer[]"),
    ])
    func conditionalExpressions(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("count(*)", "count bigint"),
        ("count(ni)", "count bigint"),
        ("sum(s)", "sum bigint?"),
        ("sum(i)", "sum bigint?"),
        ("sum(id)", "sum numeric?"),
        ("sum(n)", "sum numeric?"),
        ("sum(r)", "sum real?"),
        ("sum(d)", "sum double precision?"),
        ("sum(iv)", "sum interval?"),
        ("avg(i)", "avg numeric?"),
        ("avg(n)", "avg numeric?"),
        ("avg(d)", "avg double precision?"),
        ("min(ts)", "min timestamp with time zone?"),
        ("max(v)", "max text?"),
        ("max(c)", "max character?"),
        ("bool_and(b)", "bool_and boolean?"),
        ("bool_or(b)", "bool_or boolean?"),
        ("string_agg(v, ',')", "string_agg text?"),
        ("array_agg(v)", "array_agg character varying[]?"),
        ("array_agg(DISTINCT mood)", "array_agg mood[]?"),
        ("json_agg(i)", "json_agg json?"),
        ("jsonb_agg(v)", "jsonb_agg jsonb?"),
        ("count(*) FILTER (WHERE b)", "count bigint"),
    ])
    func aggregates(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test(arguments: [
        ("now()", "now timestamp with time zone"),
        ("current_timestamp", "current_timestamp timestamp with time zone"),
        ("current_date", "current_date date"),
        ("lower(v)", "lower text"),
        ("upper(nv)", "upper text?"),
        ("trim(v)", "btrim text"),
        ("concat(ni, 'x')", "concat text"),
        ("substring(v, 1, 2)", "substring text"),
        ("replace(v, 'a', 'b')", "replace text"),
        ("length(v)", "length integer"),
        ("char_length(tx)", "char_length integer"),
        ("abs(s)", "abs smallint"),
        ("abs(ni)", "abs integer?"),
        ("round(n, 2)", "round numeric"),
        ("round(i)", "round double precision"),
        ("ceil(i)", "ceil double precision"),
        ("floor(n)", "floor numeric"),
        ("mod(i, s)", "mod integer"),
        ("gen_random_uuid()", "gen_random_uuid uuid"),
        ("random()", "random double precision"),
        ("extract(epoch FROM ts)", "extract numeric"),
        ("date_part('year', ts)", "date_part double precision"),
        ("date_trunc('day', ts)", "date_trunc timestamp with time zone"),
        ("date_trunc('day', tsn)", "date_trunc timestamp without time zone"),
        ("date_trunc('day', dt)", "date_trunc timestamp with time zone"),
        ("age(ts)", "age interval"),
        ("to_char(ts, 'YYYY')", "to_char text"),
        ("jsonb_build_object('a', i)", "jsonb_build_object jsonb"),
        ("json_build_object('a', ni)", "json_build_object json"),
        ("to_jsonb(v)", "to_jsonb jsonb"),
        ("row_number() OVER (ORDER BY id)", "row_number bigint"),
        ("rank() OVER (PARTITION BY v ORDER BY id)", "rank bigint"),
        ("lag(v) OVER (ORDER BY id)", "lag character varying?"),
        ("sum(i) OVER (ORDER BY id)", "sum bigint?"),
        ("starts_with(v, 'a')", "starts_with boolean"),
        ("string_to_array(v, ',')", "string_to_array text[]"),
        ("array_to_string(tags, ',')", "array_to_string text"),
        ("array_position(tags, 'a')", "array_position integer?"),
        ("jsonb_typeof(j)", "jsonb_typeof text"),
        ("encode(sha256('x'), 'hex')", "encode text"),
        ("make_date(2020, 1, 1)", "make_date date"),
        ("ARRAY[]::int[]", "array integer[]"),
        ("n ^ 2", "?column? numeric"),
        ("i ^ 2", "?column? double precision"),
    ])
    func functions(expression: String, expected: String) throws {
        #expect(try column(expression) == expected)
    }

    @Test func scalarSubqueriesAreNullableUnlessTheyYieldOneRow() throws {
        #expect(try column("(SELECT name FROM owners LIMIT 1)") == "name character varying?")
        #expect(try column("(SELECT count(*) FROM owners)") == "count bigint")
        #expect(try column("(SELECT max(id) FROM owners) AS top") == "top bigint?")
        #expect(try column("ARRAY(SELECT name FROM owners)") == "array character varying[]")
        #expect(try column("i IN (SELECT id FROM owners)") == "?column? boolean")
    }

    @Test func correlatedSubqueriesSeeTheOuterQuery() throws {
        let query = try AnalyzeFixtures.analyze(
            "SELECT o.name, (SELECT count(*) FROM pets p WHERE p.owner_id = o.id) AS pet_count FROM owners o")
        #expect(query.columnSummary == ["name character varying", "pet_count bigint"])
    }

    @Test func outputNamesFollowPostgres() throws {
        let query = try AnalyzeFixtures.analyze(
            "SELECT t.id, public.t.i, i + 1, lower(v) AS low, ni::text, 1::text, (SELECT v FROM t LIMIT 1) FROM t")
        #expect(query.columns.map(\.name) == ["id", "i", "?column?", "low", "ni", "text", "v"])
        #expect(query.columns[0].source == ColumnReference(schema: "public", table: "t", column: "id"))
        #expect(query.columns[2].source == nil)
        #expect(query.columns[4].source == nil)
    }

    @Test func duplicateOutputNamesAreKept() throws {
        let query = try AnalyzeFixtures.analyze("SELECT o.id, p.id FROM owners o JOIN pets p ON p.owner_id = o.id")
        #expect(query.columns.map(\.name) == ["id", "id"])
    }

    @Test func enumColumnsKeepTheirType() throws {
        #expect(try column("mood") == "mood mood")
    }
}

/// Rows as values: whole-row references, field selection, system columns, and PostgreSQL's
/// own relations, as `\gdesc` reports them.
@Suite struct RowValueTests {
    func columns(_ sql: String) throws -> [String] {
        try AnalyzeFixtures.analyze(sql, catalog: AnalyzeFixtures.bank).columnSummary
    }

    func error(_ sql: String) throws -> String { try AnalyzeFixtures.error(sql, catalog: AnalyzeFixtures.bank) }

    @Test func wholeRowsAndFields() throws {
        #expect(try columns("SELECT a FROM accounts a") == ["a accounts"])
        #expect(try columns("SELECT e FROM accounts a LEFT JOIN entries e ON e.account_id = a.id") == ["e entries?"])
        #expect(
            try columns("SELECT row_to_json(a), to_jsonb(a.*) FROM accounts a") == ["row_to_json json", "to_jsonb jsonb"])
        #expect(try columns("SELECT count(a.*) FROM accounts a") == ["count bigint"])
        #expect(try columns("SELECT (a).balance, (a).id FROM accounts a") == ["balance bigint", "id bigint"])
        #expect(try columns("SELECT e FROM jsonb_array_elements('[1]') AS e") == ["e jsonb"])
        #expect(
            try columns("SELECT r.id, r.owner FROM jsonb_populate_recordset(NULL::accounts, '[]') AS r")
                == ["id bigint?", "owner character varying?"])
    }

    @Test func systemColumns() throws {
        #expect(try columns("SELECT xmax, ctid FROM accounts") == ["xmax xid", "ctid tid"])
        #expect(try columns("SELECT a.tableoid FROM accounts a") == ["tableoid oid"])
        #expect(
            try error("SELECT xmin FROM accounts, entries")
                == "query.sql:1:8: error: column reference \"xmin\" is ambiguous")
    }

    @Test func postgresRelationsAndUnreadWritingCTEs() throws {
        #expect(try columns("SELECT name, is_dst FROM pg_timezone_names") == ["name text?", "is_dst boolean?"])
        #expect(try columns("SELECT relname FROM pg_catalog.pg_class") == ["relname name"])
        #expect(
            try columns("WITH gone AS (DELETE FROM entries WHERE id = 0) SELECT id FROM accounts") == ["id bigint"])
        #expect(
            try error("WITH gone AS (DELETE FROM entries) SELECT * FROM gone")
                == "query.sql:1:50: error: WITH query \"gone\" does not have a RETURNING clause")
    }
}
