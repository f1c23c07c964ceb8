import Testing

@testable import SQLGen

/// An existing sqlc project's configuration works unchanged: version "1" (`packages` with the Go
/// generator's options) and version "2" with only `gen.go`. Options that carry over are read;
/// Go-only ones are notes, never errors.
@Suite struct SqlcGoConfigTests {
    @Test func version1Packages() throws {
        let config = try ConfigLoader.parse(
            """
            version: "1"
            packages:
              - name: "db"
                path: "./db/sqlc"
                queries: "./db/query/"
                schema: "./db/migration/"
                engine: "postgresql"
                emit_json_tags: true
                emit_interface: true
                emit_exact_table_names: false
                query_parameter_limit: 2
            overrides:
              - db_type: "timestamptz"
                go_type: "time.Time"
              - column: "accounts.owner"
                go_type: "string"
                swift_type: "Substring"
            rename:
              url: "URLString"
            """, path: "sqlc.yaml")
        let package = try #require(config.packages.first)
        #expect(package.schema == ["./db/migration/"])
        #expect(package.queries == ["./db/query/"])
        #expect(package.swift.out == "./db/sqlc")
        #expect(package.swift.module == "db")
        #expect(package.swift.emitInterface)
        #expect(package.swift.queryParameterLimit == 2)
        #expect(package.swift.rename == ["url": "URLString"])
        #expect(package.swift.overrides.map(\.swiftType) == ["Substring"])
        #expect(
            config.notes.map(\.description) == [
                "sqlc.yaml:13:5: note: overrides[0]: go_type is Go's and is ignored; add swift_type to choose a Swift type",
                "sqlc.yaml:8:21: note: packages[0].emit_json_tags: a Go option, ignored: models are Codable, with CodingKeys for the column names",
            ])
    }

    @Test func version2WithOnlyTheGoGenerator() throws {
        let config = try ConfigLoader.parse(
            """
            version: "2"
            sql:
              - engine: "postgresql"
                queries: "query.sql"
                schema: "schema.sql"
                gen:
                  go:
                    package: "tutorial"
                    out: "tutorial"
                    sql_package: "pgx/v5"
            """, path: "sqlc.yaml")
        let package = try #require(config.packages.first)
        #expect(package.swift.out == "tutorial")
        #expect(package.swift.module == "tutorial")
        #expect(
            config.notes.map(\.description) == [
                "sqlc.yaml:10:22: note: sql[0].gen.go.sql_package: a Go option, ignored: the code runs on postgres-nio"
            ])
    }

    @Test func mistakesAreStillErrors() {
        do {
            _ = try ConfigLoader.parse(
                """
                version: "1"
                packages:
                  - name: db
                    queries: q
                    schema: s
                    emit_jsn_tags: true
                """, path: "sqlc.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "sqlc.yaml:6:5: error: packages[0].emit_jsn_tags: unknown key (did you mean \"emit_json_tags\"?)",
                    "sqlc.yaml:3:5: error: packages[0].path: missing; the output folder is required",
                ])
        }
    }
}
