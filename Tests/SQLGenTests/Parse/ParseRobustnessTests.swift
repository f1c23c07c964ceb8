import Testing

@testable import SQLGen

/// Bad input never crashes: every prefix of realistic files goes through both stages.
@Suite struct ParseRobustnessTests {
    static let queryFile = """
        -- Doc é comment.
        -- name: ListAccounts :many
        SELECT a.*, '@x' AS "q;" FROM accounts a /* c */ WHERE owner = sqlc.arg(owner)
          AND id = ANY(@ids::bigint[]) AND note = sqlc.narg('note') AND $$;$$ <> E'\\';'
        LIMIT sqlc.arg(page_size);
        /* name: Bad :one */ SELECT sqlc.arg(a, b), sqlc.embed(x), @ -1, id=@id;
        """

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

    @Test func everyPrefixOfAQueryFileIsHandled() {
        let scalars = Array(Self.queryFile.unicodeScalars)
        for length in 0...scalars.count {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[0..<length])
            let (queries, diagnostics) = QueryFileParser.parse(SourceFile(path: "q.sql", text: text))
            #expect(queries.count + diagnostics.count >= 0)
        }
    }

    @Test func everyPrefixOfASchemaFileIsHandled() {
        let scalars = Array(Self.schemaFile.unicodeScalars)
        for length in 0...scalars.count {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[0..<length])
            let (statements, _) = SchemaFileParser.parse(SourceFile(path: "s.sql", text: text))
            let (catalog, _) = CatalogBuilder.build(statements)
            #expect(catalog.schemas["public"] != nil)
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
}
