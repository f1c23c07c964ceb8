import Testing

@testable import SQLGen

/// Bad input never crashes, and every problem is reported where it is: every prefix and every
/// one-character deletion of realistic files goes through parsing (and, for queries, analysis).
@Suite struct ParseRobustnessTests {
    /// A query file that parses and analyses cleanly against `catalog`.
    static let validQuery = """
        -- Doc é comment.
        -- name: ListAccounts :many
        SELECT a.*, '@x' AS "q;" FROM accounts a /* c */ WHERE owner = sqlc.arg(owner)
          AND id = ANY(@ids::bigint[]) AND note = sqlc.narg('note') AND $$;$$ <> E'\\';'
        LIMIT sqlc.arg(page_size);
        """

    /// `validQuery` and a query with three problems.
    static let queryFile = validQuery + "\n/* name: Bad :one */ SELECT sqlc.arg(a, b), sqlc.embed(x) + 1, @ -1, id=@id;"

    static let catalog = AnalyzeFixtures.catalog([AnalyzeFixtures.table("accounts", "id bigint !=, owner varchar !, note text")])

    static let schemaFile = """
        -- +goose Up
        CREATE SCHEMA IF NOT EXISTS s;
        CREATE TYPE s.mood AS ENUM ('a', 'b');
        -- Table doc.
        CREATE TABLE s.t (
            -- Column doc.
            id bigserial PRIMARY KEY, m s.mood[] NOT NULL DEFAULT '{}', LIKE s.t
        );
        ALTER TABLE s.t ADD COLUMN x int;
        ALTER TABLE s.t RENAME COLUMN id TO key;
        COMMENT ON COLUMN s.t.x IS 'é';
        ALTER TYPE s.mood ADD VALUE 'c' AFTER 'a';
        \\connect x
        -- +goose Down
        DROP TABLE s.t;
        """

    /// Every prefix (the empty text and the whole text included) and every text with one
    /// Unicode scalar deleted.
    static func mutations(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let prefixes = (0...scalars.count).map { Array(scalars[0..<$0]) }
        let deletions = scalars.indices.map { Array(scalars[0..<$0] + scalars[($0 + 1)...]) }
        return (prefixes + deletions).map { String(String.UnicodeScalarView($0)) }
    }

    /// The parse and analysis diagnostics of a query file, and the queries that got through.
    static func analyze(_ file: SourceFile) -> (parsed: [ParsedQuery], analyzed: [AnalyzedQuery], diagnostics: [Diagnostic]) {
        let (parsed, parseDiagnostics) = QueryFileParser.parse(file)
        let (analyzed, analysisDiagnostics) = Analyzer(catalog: catalog).analyze(parsed)
        return (parsed, analyzed, parseDiagnostics + analysisDiagnostics)
    }

    @Test func theValidQueryIsValid() {
        let (parsed, analyzed, diagnostics) = Self.analyze(SourceFile(path: "q.sql", text: Self.validQuery))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(parsed.map(\.name) == ["ListAccounts"])
        #expect(analyzed.map(\.name) == ["ListAccounts"])
    }

    @Test(arguments: [validQuery, queryFile])
    func everyMutationOfAQueryFileIsHandled(_ source: String) {
        for text in Self.mutations(of: source) {
            let file = SourceFile(path: "q.sql", text: text)
            let (parsed, analyzed, diagnostics) = Self.analyze(file)
            let shape = SQLShape(text)
            if shape.hasToken {
                #expect(!analyzed.isEmpty || !diagnostics.isEmpty, "neither a query nor a diagnostic for \(text.debugDescription)")
            }
            let failed = parsed.filter { query in !analyzed.contains { $0.name == query.name } }
            #expect(failed.isEmpty || !diagnostics.isEmpty, "queries \(failed.map(\.name)) vanished without a diagnostic")
            if shape.isUnbalanced {
                #expect(!diagnostics.isEmpty, "no diagnostic for the unbalanced \(text.debugDescription)")
            }
            for diagnostic in diagnostics { Self.expectValidLocation(diagnostic, in: file) }
        }
    }

    /// Mutations of `validQuery` that no grammar or catalog accepts.
    @Test(arguments: [
        ("SELECT a.*", "SELEC a.*"), ("FROM accounts", "FROM acounts"), ("WHERE owner", "WHERE ownr"), ("AND id", "AND AND id"),
        ("sqlc.arg(owner)", "sqlc.argh(owner)"), (":many", ":all"), ("ANY(@ids", "ANY((@ids"), ("'note')", "note')"),
        ("'@x' AS", "'@x AS"), ("$$;$$", "$$;$"), ("/* c */", "/* c *"),
    ])
    func aQueryThatCannotBeValidIsReported(_ original: String, _ replacement: String) {
        #expect(Self.validQuery.contains(original))
        let text = Self.validQuery.replacingOccurrences(of: original, with: replacement)
        let file = SourceFile(path: "q.sql", text: text)
        let (_, analyzed, diagnostics) = Self.analyze(file)
        #expect(analyzed.isEmpty, "\(replacement) was accepted")
        #expect(!diagnostics.isEmpty, "no diagnostic for \(replacement)")
        for diagnostic in diagnostics { Self.expectValidLocation(diagnostic, in: file) }
    }

    /// PostgreSQL rejects `SELECT 1; /* x` ("unterminated /* comment"), also after the last statement.
    @Test func anUnterminatedCommentAfterTheLastStatementIsReported() {
        let text = "-- name: CountAccounts :one\nSELECT count(*) FROM accounts;\n/* the end"
        #expect(SQLShape(text).endsInCommentAfterStatement)
        let (_, _, diagnostics) = Self.analyze(SourceFile(path: "q.sql", text: text))
        #expect(diagnostics.map(\.description) == ["q.sql:3:1: error: unterminated /* comment at or near \"/* the end\""])
    }

    @Test func everyMutationOfASchemaFileIsHandled() {
        for text in Self.mutations(of: Self.schemaFile) {
            let file = SourceFile(path: "s.sql", text: text)
            let (statements, parseDiagnostics) = SchemaFileParser.parse(file)
            let (catalog, catalogDiagnostics) = CatalogBuilder.build(statements)
            #expect(catalog.schemas["public"] != nil)
            let upSection = text.components(separatedBy: "-- +goose Down")[0]
            if SQLShape(upSection).isUnbalanced {
                #expect(!parseDiagnostics.isEmpty, "no diagnostic for the unbalanced \(text.debugDescription)")
            }
            for diagnostic in parseDiagnostics + catalogDiagnostics { Self.expectValidLocation(diagnostic, in: file) }
        }
    }

    @Test func theFullFilesGiveTheExpectedResults() {
        let (queries, diagnostics) = QueryFileParser.parse(SourceFile(path: "q.sql", text: Self.queryFile))
        #expect(queries.map(\.name) == ["ListAccounts"])
        #expect(queries.first?.namedParameters.count == 4)
        #expect(diagnostics.count == 3)
        let (statements, parseDiagnostics) = SchemaFileParser.parse(SourceFile(path: "s.sql", text: Self.schemaFile))
        let (catalog, catalogDiagnostics) = CatalogBuilder.build(statements)
        #expect(parseDiagnostics.isEmpty)
        #expect(catalogDiagnostics.map(\.description) == ["s.sql:7:70: error: relation \"s.t\" does not exist"])
        #expect(catalog.table("t", schema: "s")?.columns.map(\.name) == ["key", "m", "x"])
        #expect(catalog.table("t", schema: "s")?.comment == "Table doc.")
        #expect(catalog.enumType("mood", schema: "s")?.values == ["a", "c", "b"])
    }

    @Test func movesTypesAndDropsSchemas() {
        let (catalog, diagnostics) = buildCatalog(
            """
            CREATE SCHEMA a;
            CREATE TYPE mood AS ENUM ('x');
            CREATE TABLE t (m mood);
            ALTER TYPE mood SET SCHEMA a;
            ALTER TYPE mood SET SCHEMA a;
            ALTER TYPE a.mood SET SCHEMA nowhere;
            CREATE SCHEMA b;
            DROP SCHEMA b;
            DROP SCHEMA IF EXISTS b;
            DROP SCHEMA b;
            ALTER TABLE t SET SCHEMA nowhere;
            CREATE TABLE nowhere.t (id int);
            """)
        #expect(catalog.table("t")?.columns.first?.type == SQLType(name: "mood", schema: "a"))
        #expect(catalog.enumType("mood", schema: "a")?.values == ["x"])
        #expect(catalog.schemas["b"] == nil)
        #expect(
            diagnostics == [
                "schema.sql:5:12: error: type \"mood\" does not exist",
                "schema.sql:6:30: error: schema \"nowhere\" does not exist",
                "schema.sql:10:13: error: schema \"b\" does not exist",
                "schema.sql:11:26: error: schema \"nowhere\" does not exist",
                "schema.sql:12:14: error: schema \"nowhere\" does not exist",
            ])
    }

    /// The diagnostic names `file` and a line and column inside it (the column may be one past
    /// the line's end).
    static func expectValidLocation(
        _ diagnostic: Diagnostic, in file: SourceFile, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let subject = "\(diagnostic) for \(file.text.debugDescription)"
        guard let location = diagnostic.location else {
            Issue.record("no location: \(subject)", sourceLocation: sourceLocation)
            return
        }
        let lines = file.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(location.file == file.path, "wrong file: \(subject)", sourceLocation: sourceLocation)
        guard (1...lines.count).contains(location.line) else {
            Issue.record("line out of range: \(subject)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            (1...lines[location.line - 1].count + 1).contains(location.column), "column out of range: \(subject)",
            sourceLocation: sourceLocation)
    }
}
