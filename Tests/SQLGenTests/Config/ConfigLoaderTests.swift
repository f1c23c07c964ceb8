import Foundation
import Testing

@testable import SQLGen

@Suite struct ConfigLoaderTests {
    func parse(_ yaml: String) throws(ConfigError) -> Config {
        try ConfigLoader.parse(yaml, path: "sqlc.yaml")
    }

    /// The messages of the errors a config produces, in order.
    func errors(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static let minimal = """
        version: "2"
        sql:
          - engine: postgresql
            schema: db/migration
            queries: db/query
            gen:
              swift:
                out: Sources/BankDB/Generated
        """

    @Test func defaults() throws {
        let config = try parse(Self.minimal)
        #expect(config.path == "sqlc.yaml")
        #expect(config.directory == ".")
        #expect(config.packages.count == 1)
        let package = config.packages[0]
        #expect(package.index == 0)
        #expect(package.name == nil)
        #expect(package.engine == "postgresql")
        #expect(package.schema == ["db/migration"])
        #expect(package.queries == ["db/query"])
        #expect(package.swift == SwiftOptions(out: "Sources/BankDB/Generated"))
        let options = package.swift
        #expect(options.module == nil)
        #expect(options.accessLevel == .public)
        #expect(options.emitInterface)
        #expect(!options.emitMock)
        #expect(options.emitCodable)
        #expect(!options.emitExactTableNames)
        #expect(options.queryParameterLimit == 4)
        #expect(options.rename.isEmpty)
        #expect(options.overrides.isEmpty)
        #expect(package.schemaLocation == SourceLocation(file: "sqlc.yaml", line: 4, column: 13))
    }

    @Test func everyKey() throws {
        let config = try parse(
            """
            version: '2'
            sql:
              - name: bank
                engine: postgresql
                schema: [db/migration, extra.sql]
                queries:
                  - db/query/*.sql
                gen:
                  swift:
                    module: BankDB
                    out: Generated
                    access_level: internal
                    emit_interface: false
                    emit_mock: true
                    emit_codable: false
                    emit_exact_table_names: true
                    query_parameter_limit: 0
                    rename:
                      client_ip: clientAddress
                      users: Customer
                    overrides:
                      - db_type: uuid
                        swift_type: MyUUID
                        import: MyModule
                      - column: accounts.balance
                        swift_type: Money
                        nullable: true
                      - column: audit.log.payload
                        swift_type: Payload
                        nullable: false
            """)
        let package = config.packages[0]
        #expect(package.name == "bank")
        #expect(package.displayName == "bank")
        #expect(package.schema == ["db/migration", "extra.sql"])
        #expect(package.queries == ["db/query/*.sql"])
        #expect(
            package.swift
                == SwiftOptions(
                    module: "BankDB", out: "Generated", accessLevel: .internal, emitInterface: false, emitMock: true,
                    emitCodable: false, emitExactTableNames: true, queryParameterLimit: 0,
                    rename: ["client_ip": "clientAddress", "users": "Customer"],
                    overrides: [
                        TypeOverride(target: .dbType("uuid"), swiftType: "MyUUID", importModule: "MyModule"),
                        TypeOverride(target: .column("accounts.balance"), swiftType: "Money", nullable: true),
                        TypeOverride(target: .column("audit.log.payload"), swiftType: "Payload", nullable: false),
                    ]))
    }

    @Test func jsonIsAccepted() throws {
        let config = try ConfigLoader.parse(
            #"{"version": "2", "sql": [{"engine": "postgresql", "schema": "s.sql", "queries": "q.sql", "gen": {"swift": {"out": "out", "emit_mock": true}}}]}"#,
            path: "sqlc.json")
        #expect(config.packages[0].swift.emitMock)
        #expect(config.packages[0].schema == ["s.sql"])
    }

    @Test func unknownKeysNameTheirPathAndSuggest() {
        let messages = errors(
            """
            version: "2"
            sqll: []
            sql:
              - engine: postgresql
                schema: s.sql
                queries: q.sql
                databse: {uri: x}
                gen:
                  go: {}
                  swift:
                    out: out
                    emit_mokc: true
                    overrides:
                      - db_type: uuid
                        swift_typ: UUID
            """)
        #expect(
            messages == [
                "sqlc.yaml:2:1: error: sqll: unknown key (did you mean \"sql\"?)",
                "sqlc.yaml:7:5: error: sql[0].databse: unknown key (did you mean \"database\"?)",
                "sqlc.yaml:12:9: error: sql[0].gen.swift.emit_mokc: unknown key (did you mean \"emit_mock\"?)",
                "sqlc.yaml:15:13: error: sql[0].gen.swift.overrides[0].swift_typ: unknown key (did you mean \"swift_type\"?)",
                "sqlc.yaml:14:13: error: sql[0].gen.swift.overrides[0].swift_type: missing; name the Swift type to use",
                "sqlc.yaml:9:11: note: sql[0].gen.go: ignored; Swift is generated from gen.swift",
            ])
    }

    @Test func badValues() {
        let messages = errors(
            """
            version: 3
            sql:
              - engine: mysql
                schema: []
                queries: {a: b}
                gen:
                  swift:
                    out: out
                    module: 1bad
                    access_level: open
                    emit_interface: yes
                    emit_codable: "maybe"
                    query_parameter_limit: -1
                    rename:
                      a: not an identifier
                    overrides:
                      - swift_type: X
                      - db_type: uuid
                        column: a.b
                        swift_type: X
                      - column: nodot
                        swift_type: X
                      - db_type: uuid
                        swift_type: X
                        nullable: 3
            """)
        #expect(
            messages == [
                "sqlc.yaml:1:10: error: version: must be \"1\" or \"2\"",
                "sqlc.yaml:3:13: error: sql[0].engine: unsupported engine \"mysql\"; only \"postgresql\" is supported",
                "sqlc.yaml:4:13: error: sql[0].schema: must list at least one path",
                "sqlc.yaml:5:14: error: sql[0].queries: expected a path or a list of paths",
                "sqlc.yaml:9:17: error: sql[0].gen.swift.module: \"1bad\" is not a Swift module name",
                "sqlc.yaml:10:23: error: sql[0].gen.swift.access_level: must be \"public\" or \"internal\", got \"open\"",
                "sqlc.yaml:12:23: error: sql[0].gen.swift.emit_codable: expected true or false, got \"maybe\"",
                "sqlc.yaml:11:25: error: sql[0].gen.swift.emit_interface: expected true or false, got \"yes\"",
                "sqlc.yaml:13:32: error: sql[0].gen.swift.query_parameter_limit: must not be negative, got -1",
                "sqlc.yaml:15:14: error: sql[0].gen.swift.rename.a: \"not an identifier\" is not a Swift identifier",
                "sqlc.yaml:17:13: error: sql[0].gen.swift.overrides[0]: missing db_type or column",
                "sqlc.yaml:18:13: error: sql[0].gen.swift.overrides[1]: set either db_type or column, not both",
                "sqlc.yaml:21:21: error: sql[0].gen.swift.overrides[2].column: expected \"table.column\" or \"schema.table.column\", got \"nodot\"",
                "sqlc.yaml:25:23: error: sql[0].gen.swift.overrides[3].nullable: expected true or false, got \"3\"",
            ])
    }

    @Test func missingPieces() {
        #expect(errors("") == ["sqlc.yaml:1:1: error: the config file is empty; expected version: \"2\" and sql: [...]"])
        #expect(
            errors("sql: []") == [
                "sqlc.yaml:1:1: error: version: missing; must be \"1\" or \"2\"",
                "sqlc.yaml:1:6: error: sql: must list at least one query set",
            ])
        #expect(errors("version: \"2\"") == ["sqlc.yaml:1:1: error: sql: missing; expected a list of query sets"])
        #expect(
            errors(
                """
                version: "2"
                sql:
                  - engine: postgresql
                    gen:
                      swift: {module: X}
                """) == [
                    "sqlc.yaml:3:5: error: sql[0].schema: missing; expected a file, directory, glob or list of them",
                    "sqlc.yaml:3:5: error: sql[0].queries: missing; expected a file, directory, glob or list of them",
                    "sqlc.yaml:5:14: error: sql[0].gen.swift.out: missing; the output folder is required",
                ])
        #expect(
            errors(
                """
                version: "2"
                sql:
                  - schema: s.sql
                    queries: q.sql
                """) == [
                    "sqlc.yaml:3:5: error: sql[0].engine: missing; must be \"postgresql\"",
                    "sqlc.yaml:3:5: error: sql[0].gen: missing; expected gen: { swift: { out: ... } }",
                ])
    }

    @Test func invalidYAMLReportsItsPosition() {
        let messages = errors("version: \"2\"\nsql: [\n")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("sqlc.yaml:") == true)
        #expect(messages.first?.contains("error: invalid YAML") == true)
    }

    @Test func loadFindsTheFileInAFolder() throws {
        let folder = try TemporaryFolder()
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: folder.path) }
        do {
            _ = try ConfigLoader.load(path: folder.path)
        } catch {
            #expect(error.description.contains("looked for \(folder.path)/sqlc.yaml, \(folder.path)/sqlc.yml, \(folder.path)/sqlc.json"))
        }
        try folder.write("sqlc.yml", Self.minimal)
        let config = try ConfigLoader.load(path: folder.path)
        #expect(config.path == "\(folder.path)/sqlc.yml")
        #expect(config.directory == folder.path)
        #expect(try ConfigLoader.load(path: "\(folder.path)/sqlc.yml") == config)
    }

    @Test func missingFileIsAnError() {
        do {
            _ = try ConfigLoader.load(path: "/nonexistent/sqlc.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "error: no config file found at /nonexistent/sqlc.yaml")
        }
    }

    @Test func suggestions() {
        #expect(ConfigReader.closest(to: "queris", in: ConfigReader.packageKeys) == "queries")
        #expect(ConfigReader.closest(to: "zzzzzz", in: ConfigReader.packageKeys) == nil)
        #expect(ConfigReader.editDistance("kitten", "sitting") == 3)
    }
}
