import Testing

@testable import SQLGen

@Suite struct SwiftEmitterTests {
    static let location = SourceLocation(file: "query/account.sql", line: 7, column: 1)

    func emit(
        _ queries: [AnalyzedQuery], catalog: Catalog = BankFixture.catalog, configure: (inout SwiftOptions) -> Void = { _ in }
    ) -> (files: [String: String], diagnostics: [String]) {
        var options = SwiftOptions(module: "Check", out: "out")
        configure(&options)
        let result = SwiftEmitter(options: options, catalog: catalog).emit(queries)
        return (
            Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) }),
            result.diagnostics.map(\.description)
        )
    }

    func query(
        _ name: String = "GetThing", _ command: ParsedQuery.Command = .one, sql: String = "SELECT 1",
        parameters: [QueryParameter] = [], columns: [ResultColumn] = [], exactlyOne: Bool = false
    ) -> AnalyzedQuery {
        BankFixture.query(
            name, command, line: 7, sql: sql, parameters: parameters, columns: columns, exactlyOne: exactlyOne)
    }

    @Test func typeMapping() {
        let mapper = SwiftTypeMapper(options: SwiftOptions(out: "out"), catalog: BankFixture.catalog)
        let expectations: [(SQLType, Bool, String?)] = [
            (.smallint, false, "Int16"), (.integer, false, "Int32"), (.bigint, true, "Int64?"), (.real, false, "Float"),
            (.doublePrecision, false, "Double"), (.numeric, true, "Decimal?"), (.boolean, false, "Bool"),
            (.text, false, "String"), (.characterVarying, false, "String"), (.character, false, "String"),
            (SQLType(name: "name"), false, "String"), (SQLType(name: "citext"), false, "String"), (.bytea, false, "Data"),
            (.uuid, false, "UUID"), (.timestamptz, false, "Date"), (.timestamp, false, "Date"), (.date, true, "Date?"),
            (.json, false, "JSONValue"), (.jsonb, true, "JSONValue?"), (BankFixture.status, false, "AccountStatus"),
            (.bigint.array, false, "[Int64]"), (.text.array, true, "[String]?"), (.uuid.array, false, "[UUID]"),
            (.interval, false, "PostgresInterval"), (.interval.array, true, "[PostgresInterval]?"),
            (SQLType(name: "inet"), false, "PostgresInet"), (SQLType(name: "cidr"), true, "PostgresInet?"),
            (SQLType(name: "macaddr8"), false, "PostgresMACAddress"), (SQLType(name: "tsvector"), false, "PostgresTSVector"),
            (SQLType(name: "point"), false, "PostgresPoint"), (SQLType(name: "lseg"), true, "PostgresLineSegment?"),
            (SQLType(name: "polygon", isArray: true), false, "[PostgresPolygon]"), (SQLType(name: "box", isArray: true), false, "[PostgresBox]"),
            (.time, false, "PostgresTime"), (.timetz, true, "PostgresTimeWithZone?"),
            (SQLType(name: "inet", isArray: true), false, "[PostgresInet]"), (.numeric.array, true, "[Decimal]?"),
            (.bytea.array, false, "[Data]"), (.json.array, false, "[JSONValue]"),
            (SQLType(name: "int4range"), false, "PostgresRange<Int32>"), (SQLType(name: "daterange"), true, "PostgresRange<Date>?"),
            (SQLType(name: "tstzrange", isArray: true), false, "[PostgresRange<Date>]"),
            (SQLType(name: "int8multirange"), false, "PostgresMultirange<Int64>"),
            (SQLType(name: "int8multirange", isArray: true), false, nil),
            (SQLType(name: "regclass"), false, "PostgresOID"), (SQLType(name: "oid", isArray: true), true, "[PostgresOID]?"),
            (SQLType(name: "pg_lsn"), false, "PostgresLSN"), (SQLType(name: "jsonpath"), false, "PostgresJSONPath"),
            (SQLType(name: "xid"), false, nil),
            (BankFixture.status.array, true, "[AccountStatus]?"), (SQLType(name: "nope", schema: "public"), false, nil),
        ]
        for (type, nullable, expected) in expectations {
            #expect(mapper.swiftTypeName(for: type, isNullable: nullable, column: nil) == expected, "\(type)")
        }
    }

    @Test func overridesByTypeAndColumn() {
        var options = SwiftOptions(out: "out")
        options.overrides = [
            TypeOverride(target: .dbType("pg_catalog.int8"), swiftType: "Int", nullable: false),
            TypeOverride(target: .dbType("inet"), swiftType: "IPAddress", importModule: "Network"),
            TypeOverride(target: .column("accounts.balance"), swiftType: "Money"),
            TypeOverride(target: .column("public.users.profile"), swiftType: "Profile?", nullable: true),
            TypeOverride(target: .dbType("public.account_status"), swiftType: "String"),
        ]
        let mapper = SwiftTypeMapper(options: options, catalog: BankFixture.catalog)
        #expect(mapper.swiftTypeName(for: .bigint, isNullable: false, column: nil) == "Int")
        #expect(mapper.swiftTypeName(for: .bigint, isNullable: true, column: nil) == "Int64?")
        #expect(mapper.swiftTypeName(for: SQLType(name: "inet"), isNullable: true, column: nil) == "IPAddress?")
        #expect(mapper.swiftTypeName(for: SQLType(name: "inet", isArray: true), isNullable: false, column: nil) == "[IPAddress]")
        // A column override beats a db_type override.
        #expect(mapper.swiftTypeName(for: .bigint, isNullable: false, column: BankFixture.ref("accounts", "balance")) == "Money")
        #expect(mapper.swiftTypeName(for: .jsonb, isNullable: true, column: BankFixture.ref("users", "profile")) == "Profile?")
        #expect(mapper.swiftTypeName(for: .jsonb, isNullable: false, column: BankFixture.ref("users", "profile")) == "JSONValue")
        #expect(mapper.swiftTypeName(for: BankFixture.status, isNullable: false, column: nil) == "String")
        let parameter = QueryParameter(number: 1, name: "id", type: .bigint, isNullable: false)
        #expect(mapper.swiftTypeName(for: parameter) == "Int")
    }

    @Test func overrideTypesBindThroughTheirOwnTypeAndImportTheirModule() {
        let (files, diagnostics) = emit(
            [
                query(
                    "SetIP", .exec, sql: "UPDATE t SET ip = $1",
                    parameters: [QueryParameter(number: 1, name: "ip", type: SQLType(name: "inet"), isNullable: true)])
            ],
            configure: { $0.overrides = [TypeOverride(target: .dbType("inet"), swiftType: "IPAddress", importModule: "Network")] })
        #expect(diagnostics.isEmpty)
        let file = files["account.sql.swift"] ?? ""
        #expect(file.contains("import Network\nimport PostgresNIO\n"))
        #expect(file.contains("public static let bindingDataTypes: [PostgresDataType] = [IPAddress.psqlType]"))
        #expect(file.contains("try bindings.appendEncodable(self.ip)"))
        #expect(files["Queries.swift"]?.contains("mutating func appendEncodable") == true)
        #expect(files["Querier.swift"]?.contains("import Network") == true)
    }

    @Test func unmappedTypesAreErrorsAtTheQuery() {
        let (files, diagnostics) = emit([
            query(
                "GetIP", sql: "SELECT ip FROM t WHERE id = $1",
                parameters: [QueryParameter(number: 1, name: "id", type: SQLType(name: "int4multirange", isArray: true), isNullable: false)],
                columns: [ResultColumn(name: "client_ip", type: SQLType(name: "txid_snapshot", isArray: true), isNullable: false)])
        ])
        #expect(
            diagnostics == [
                "query/account.sql:7:1: error: query \"GetIP\": parameter $1 (\"id\") has type \"int4multirange[]\", which has no Swift mapping; add an override (gen.swift.overrides with db_type: \"int4multirange\")",
                "query/account.sql:7:1: error: query \"GetIP\": column \"client_ip\" has type \"txid_snapshot[]\", which has no Swift mapping; add an override (gen.swift.overrides with db_type: \"txid_snapshot\")",
            ])
        #expect(files["account.sql.swift"] == nil)
    }

    @Test func tablesWithUnmappedColumnsGetNoModelAndAWarning() {
        var catalog = BankFixture.catalog
        let table = Table(schema: "public", name: "hosts", columns: [Column(name: "addr", type: SQLType(name: "txid_snapshot"), isNotNull: true)])
        catalog.schemas["public"]?.tables["hosts"] = table
        catalog.schemas["public"]?.tableOrder.append("hosts")
        let (files, diagnostics) = emit([], catalog: catalog)
        #expect(
            diagnostics == [
                "warning: table \"hosts\": column \"addr\" has type \"txid_snapshot\", which has no Swift mapping; no model is generated for the table (add an override: gen.swift.overrides with db_type: \"txid_snapshot\")"
            ])
        #expect(files["Models.swift"]?.contains("struct Host") == false)
    }

    @Test func oneWithoutColumnsIsAnError() {
        let (_, diagnostics) = emit([query("Touch", .one, sql: "UPDATE accounts SET balance = 0")])
        #expect(
            diagnostics == [
                "query/account.sql:7:1: error: query \"Touch\": :one needs a statement that returns columns; use :exec, :execrows or :execresult, or add RETURNING"
            ])
    }

    @Test func duplicateTypeNamesAreErrors() {
        var options = SwiftOptions(out: "out")
        options.rename = ["account_status": "Account"]
        let result = SwiftEmitter(options: options, catalog: BankFixture.catalog).emit([])
        #expect(
            result.diagnostics.map(\.description) == [
                "error: the Swift type name \"Account\" is generated for both enum \"account_status\" and table \"accounts\"; use gen.swift.rename to rename one"
            ])
    }

    @Test func parameterLimitDecidesBetweenLabelsAndStruct() {
        let id = QueryParameter(number: 1, name: "id", type: .bigint, isNullable: false)
        let note = QueryParameter(number: 2, name: "default", type: .text, isNullable: true)
        let deleteQuery = query("DeleteThing", .exec, sql: "DELETE FROM t WHERE id = $1 AND note = $2", parameters: [id, note])
        let labelled = emit([deleteQuery]).files["account.sql.swift"] ?? ""
        #expect(labelled.contains("public func deleteThing(id: Int64, `default`: String?) async throws {"))
        #expect(labelled.contains("bindings.append(self.`default`)"))
        let one = emit([deleteQuery]) { $0.queryParameterLimit = 1 }.files["account.sql.swift"] ?? ""
        #expect(one.contains("public struct DeleteThingParams: Sendable, Hashable {"))
        #expect(one.contains("public func deleteThing(_ params: DeleteThingParams) async throws {"))
        #expect(one.contains("bindings.append(self.params.id)"))
        let zero = emit([query("ListAll", .many, sql: "SELECT 1 AS one", columns: [ResultColumn(name: "one", type: .integer, isNullable: false)])]) {
            $0.queryParameterLimit = 0
        }
        #expect(zero.files["account.sql.swift"]?.contains("public func listAll() async throws -> [Int32] {") == true)
    }

    @Test func optionsShapeTheOutput() {
        let (files, _) = emit(BankFixture.queries) {
            $0.accessLevel = .internal
            $0.emitCodable = false
            $0.emitInterface = false
            $0.emitExactTableNames = true
        }
        #expect(files.keys.sorted() == ["Models.swift", "Queries.swift", "account.sql.swift", "user.sql.swift"])
        let models = files["Models.swift"] ?? ""
        #expect(models.contains("\nstruct Accounts: Sendable, Hashable {\n    var id: Int64\n"))
        #expect(!models.contains("CodingKeys"))
        #expect(!models.contains("public"))
        #expect(files["Queries.swift"]?.contains("protocol DBTX: Sendable {") == true)
        #expect(files["Queries.swift"]?.contains("public") == false)
        #expect(files["account.sql.swift"]?.contains("func getAccount(id: Int64) async throws -> Accounts? {") == true)
    }

    @Test func modelsCarryCommentsCodingKeysAndEnums() {
        let models = emit([]).files["Models.swift"] ?? ""
        #expect(models.contains("/// A user's money in one currency.\npublic struct Account: Sendable, Hashable, Codable {"))
        #expect(models.contains("    /// In minor units.\n    public var balance: Int64\n"))
        #expect(models.contains("        case createdAt = \"created_at\"\n"))
        #expect(models.contains("    case inReview = \"in-review\"\n"))
        #expect(
            models.contains("public enum AccountStatus: String, CaseIterable, Sendable, Hashable, Codable, PostgresCodable, PostgresArrayDecodable {")
        )
        // JSONValue appears because users.profile is jsonb.
        #expect(models.contains("public enum JSONValue: Sendable, Hashable, Codable, PostgresCodable {"))
        #expect(!models.contains("\n\n\n"))
    }

    @Test func jsonValueOnlyWhenUsed() {
        var catalog = Catalog()
        catalog.schemas["public"]?.tables["t"] = Table(schema: "public", name: "t", columns: [Column(name: "id", type: .bigint, isNotNull: true)])
        catalog.schemas["public"]?.tableOrder = ["t"]
        let models = emit([], catalog: catalog).files["Models.swift"] ?? ""
        #expect(!models.contains("JSONValue"))
        #expect(models.contains("public struct T: Sendable, Hashable, Codable {"))
    }

    @Test func resultShapes() {
        let accountColumns = BankFixture.tableColumns("accounts")
        // Same columns but nullable (outer join): not the model.
        let nullable = BankFixture.tableColumns("accounts", nullable: true)
        let (files, diagnostics) = emit([
            query("A", .one, sql: "SELECT …", columns: accountColumns),
            query("B", .many, sql: "SELECT …", columns: nullable),
            query("C", .many, sql: "SELECT …", columns: Array(accountColumns.prefix(2))),
            query("D", .one, sql: "SELECT …", columns: [accountColumns[1]]),
        ])
        #expect(diagnostics.isEmpty)
        let file = files["account.sql.swift"] ?? ""
        #expect(file.contains("public func a() async throws -> Account? {"))
        #expect(file.contains("public func b() async throws -> [BRow] {"))
        #expect(file.contains("public var id: Int64?"))
        #expect(file.contains("public func c() async throws -> [CRow] {"))
        #expect(file.contains("public func d() async throws -> String? {"))
        #expect(file.contains("try row.decode(String.self)"))
    }

    @Test func queryFileNamesStayUniqueAndSorted() {
        let emitter = SwiftEmitter(options: SwiftOptions(out: "out"), catalog: Catalog())
        #expect(
            emitter.queryFileNames(["a/x.sql", "b/x.sql", "db/query/account.sql"]) == [
                "a/x.sql": "a_x.sql.swift", "b/x.sql": "b_x.sql.swift", "db/query/account.sql": "account.sql.swift",
            ])
    }

    @Test func noQueriesStillGivesCompilableFiles() {
        let (files, diagnostics) = emit([], catalog: Catalog()) { $0.emitMock = true }
        #expect(diagnostics.isEmpty)
        #expect(files.keys.sorted() == ["MockQuerier.swift", "Models.swift", "Querier.swift", "Queries.swift"])
        #expect(files["Querier.swift"]?.contains("public protocol Querier: Sendable {}\n") == true)
        #expect(files["MockQuerier.swift"]?.contains("    public enum Call: Sendable, Hashable {}\n") == true)
        #expect(files["Models.swift"] == "// Code generated by swift-sqlgen. DO NOT EDIT.\n\nimport Foundation\nimport PostgresNIO\n")
    }

    @Test func emptyTablesAndEnumsStillCompile() {
        var catalog = Catalog()
        catalog.schemas["public"]?.tables["nothing"] = Table(schema: "public", name: "nothing", columns: [])
        catalog.schemas["public"]?.tableOrder = ["nothing"]
        catalog.schemas["public"]?.enums["void_kind"] = EnumType(schema: "public", name: "void_kind", values: [])
        catalog.schemas["public"]?.enumOrder = ["void_kind"]
        let (files, diagnostics) = emit([], catalog: catalog)
        #expect(diagnostics == ["warning: enum \"void_kind\" has no labels; no Swift enum is generated for it"])
        #expect(
            files["Models.swift"]?.hasSuffix(
                "public struct Nothing: Sendable, Hashable, Codable {\n    public init() {}\n}\n") == true)
        let mapper = SwiftTypeMapper(options: SwiftOptions(out: "out"), catalog: catalog)
        #expect(mapper.swiftTypeName(for: SQLType(name: "void_kind", schema: "public"), isNullable: false, column: nil) == nil)
    }
}
