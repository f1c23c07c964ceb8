import Testing

@testable import SQLGen

/// INSERT/UPDATE/DELETE shapes, star expansion in the SQL text and `returnsExactlyOneRow`.
@Suite struct StatementTests {
    func analyze(_ sql: String, _ command: ParsedQuery.Command = .many) throws -> AnalyzedQuery {
        try AnalyzeFixtures.analyze(sql, command: command)
    }

    // MARK: star expansion

    @Test func starExpandsToTheColumnList() throws {
        #expect(try analyze("SELECT * FROM owners").sql == "SELECT id, name, nickname FROM owners")
        #expect(try analyze("SELECT  *  FROM owners o").sql == "SELECT  id, name, nickname  FROM owners o")
    }

    @Test func qualifiedStarKeepsItsQualifier() throws {
        let query = try analyze("SELECT o.*, p.name FROM owners o JOIN pets p ON p.owner_id = o.id")
        #expect(query.sql == "SELECT o.id, o.name, o.nickname, p.name FROM owners o JOIN pets p ON p.owner_id = o.id")
        #expect(query.columns.map(\.name) == ["id", "name", "nickname", "name"])
        let spaced = try analyze("SELECT o . * FROM owners o")
        #expect(spaced.sql == "SELECT o.id, o.name, o.nickname FROM owners o")
    }

    @Test func unqualifiedStarOverSeveralItemsIsQualified() throws {
        let query = try analyze("SELECT * FROM owners o LEFT JOIN pets p ON p.owner_id = o.id")
        #expect(
            query.sql
                == "SELECT o.id, o.name, o.nickname, p.id, p.owner_id, p.name, p.born FROM owners o LEFT JOIN pets p ON p.owner_id = o.id"
        )
        #expect(query.columnSummary.suffix(4) == ["id bigint?", "owner_id bigint?", "name text?", "born date?"])
    }

    @Test func identifiersThatNeedQuotingAreQuoted() throws {
        #expect(try analyze("SELECT * FROM \"Weird\"").sql == "SELECT \"Mixed\", \"select\" FROM \"Weird\"")
    }

    @Test func starOverColumnsWithTheSameNameIsKept() throws {
        let query = try analyze("SELECT * FROM (SELECT 1, 2) AS s")
        #expect(query.sql == "SELECT * FROM (SELECT 1, 2) AS s")
        #expect(query.columnSummary == ["?column? integer", "?column? integer"])
    }

    @Test func starsInSubqueriesAreLeftAlone() throws {
        let query = try analyze("SELECT s.id FROM (SELECT * FROM owners) s WHERE EXISTS (SELECT * FROM pets)")
        #expect(query.sql == "SELECT s.id FROM (SELECT * FROM owners) s WHERE EXISTS (SELECT * FROM pets)")
    }

    @Test func starOverACommonTableAndUnionArms() throws {
        #expect(
            try analyze("WITH x AS (SELECT id, name FROM owners) SELECT * FROM x").sql
                == "WITH x AS (SELECT id, name FROM owners) SELECT id, name FROM x")
        #expect(
            try analyze("SELECT * FROM owners UNION ALL SELECT * FROM owners").sql
                == "SELECT id, name, nickname FROM owners UNION ALL SELECT id, name, nickname FROM owners")
    }

    @Test func returningStarIsExpanded() throws {
        #expect(
            try analyze("DELETE FROM pets WHERE id = $1 RETURNING *").sql
                == "DELETE FROM pets WHERE id = $1 RETURNING id, owner_id, name, born")
        #expect(
            try analyze("UPDATE pets p SET name = $1 RETURNING p.*").sql
                == "UPDATE pets p SET name = $1 RETURNING p.id, p.owner_id, p.name, p.born")
    }

    @Test func textAroundTheStarIsByteIdentical() throws {
        let sql = "SELECT -- every column\n  *\nFROM owners /* é */ WHERE name = 'a*b'"
        #expect(try analyze(sql).sql == "SELECT -- every column\n  id, name, nickname\nFROM owners /* é */ WHERE name = 'a*b'")
    }

    // MARK: DML

    @Test func insertReturningSomeColumns() throws {
        let query = try analyze("INSERT INTO pets (name) VALUES ($1) RETURNING id, name AS pet, born", .one)
        #expect(query.columnSummary == ["id bigint", "pet text", "born date?"])
        #expect(query.returnsExactlyOneRow)
    }

    @Test func insertWithDefaultsAndMultipleRows() throws {
        let query = try analyze("INSERT INTO pets (name, born) VALUES ($1, DEFAULT), ($2, now()::date) RETURNING id", .many)
        #expect(query.parameterSummary == ["name text", "name_2 text"])
        #expect(!query.returnsExactlyOneRow)
    }

    @Test func upsert() throws {
        let query = try analyze(
            "INSERT INTO owners AS o (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name WHERE o.name <> EXCLUDED.name RETURNING o.*",
            .one)
        #expect(query.parameterSummary == ["id bigint", "name character varying"])
        #expect(!query.returnsExactlyOneRow)
        let nothing = try analyze("INSERT INTO owners (name) VALUES ($1) ON CONFLICT DO NOTHING", .exec)
        #expect(nothing.columns.isEmpty)
    }

    @Test func insertSelect() throws {
        let query = try analyze("INSERT INTO pets (owner_id, name) SELECT id, name FROM owners WHERE id = $1", .execrows)
        #expect(query.parameterSummary == ["id bigint"])
    }

    @Test func updateWithFromAndAlias() throws {
        let query = try analyze(
            "UPDATE pets AS p SET name = o.name FROM owners o WHERE o.id = p.owner_id AND o.id = $1 RETURNING p.id, o.name", .many)
        #expect(query.parameterSummary == ["id bigint"])
        #expect(query.columnSummary == ["id bigint", "name character varying"])
    }

    @Test func deleteUsing() throws {
        let query = try analyze("DELETE FROM pets p USING owners o WHERE o.id = p.owner_id AND o.name = $1", .execrows)
        #expect(query.parameterSummary == ["name text"])
    }

    @Test func execAndExecrowsAcceptSelects() throws {
        #expect(try analyze("SELECT id FROM owners", .exec).columns.count == 1)
        #expect(try analyze("SELECT id FROM owners", .execrows).columns.count == 1)
    }

    // MARK: returnsExactlyOneRow

    @Test(arguments: [
        ("SELECT count(*) FROM owners", true),
        ("SELECT count(*) FROM owners WHERE name = $1", true),
        ("SELECT count(*), max(id), sum(id) + 1 FROM owners", true),
        ("SELECT count(*) FROM owners LIMIT 1", true),
        ("SELECT count(*) FROM owners GROUP BY name", false),
        ("SELECT count(*) FROM owners HAVING count(*) > 1", false),
        ("SELECT count(*) FROM owners LIMIT $1", false),
        ("SELECT count(*) FROM owners LIMIT 0", false),
        ("SELECT count(*) FROM owners OFFSET 1", false),
        ("SELECT count(*) FROM owners UNION SELECT count(*) FROM pets", false),
        ("SELECT id, count(*) OVER () FROM owners", false),
        ("SELECT id FROM owners", false),
        ("SELECT 1", false),
    ])
    func exactlyOneRowSelects(sql: String, expected: Bool) throws {
        #expect(try analyze(sql, .one).returnsExactlyOneRow == expected)
    }

    @Test func exactlyOneRowInserts() throws {
        #expect(try analyze("INSERT INTO pets (name) VALUES ($1) RETURNING id", .one).returnsExactlyOneRow)
        #expect(!(try analyze("INSERT INTO pets (name) VALUES ($1), ($2) RETURNING id", .many).returnsExactlyOneRow))
        #expect(!(try analyze("INSERT INTO owners (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id", .one).returnsExactlyOneRow))
        #expect(!(try analyze("INSERT INTO pets (name) VALUES ($1)", .exec).returnsExactlyOneRow))
        #expect(!(try analyze("INSERT INTO pets (name) SELECT name FROM owners RETURNING id", .many).returnsExactlyOneRow))
    }

    // MARK: whole-query fields

    @Test func queryMetadataIsCarriedOver() throws {
        var parsed = try AnalyzeFixtures.query(name: "ListOwners", command: .many, sql: "SELECT id FROM owners", line: 7)
        parsed.docComment = ["All owners."]
        let (queries, diagnostics) = Analyzer(catalog: AnalyzeFixtures.sample).analyze([parsed])
        #expect(diagnostics.isEmpty)
        let query = try #require(queries.first)
        #expect(query.name == "ListOwners")
        #expect(query.command == .many)
        #expect(query.file == "query.sql")
        #expect(query.line == 7)
        #expect(query.docComment == ["All owners."])
    }

    @Test func queriesWithErrorsAreLeftOutOthersKept() throws {
        let good = try AnalyzeFixtures.query(name: "Good", sql: "SELECT id FROM owners")
        let bad = try AnalyzeFixtures.query(name: "Bad", sql: "SELECT nope FROM owners")
        let (queries, diagnostics) = Analyzer(catalog: AnalyzeFixtures.sample).analyze([good, bad])
        #expect(queries.map(\.name) == ["Good"])
        #expect(diagnostics.count == 1)
    }
}
