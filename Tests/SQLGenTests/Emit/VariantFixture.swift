@testable import SQLGen

/// A schema with awkward names (Swift keywords, odd enum labels), an overridden type and every
/// non-default option: internal access, no Codable, no interface but a mock, a parameter limit
/// of 1, renames. Its output is a second reference set and was compiled against postgres-nio.
enum VariantFixture {
    static let mood = SQLType(name: "mood", schema: "public")
    static let inet = SQLType(name: "inet")

    static var options: SwiftOptions {
        SwiftOptions(
            module: "VariantCheck", out: "Generated", accessLevel: .internal, emitInterface: false, emitMock: true,
            emitCodable: false, emitExactTableNames: false, queryParameterLimit: 1,
            rename: ["class": "category", "audit_events": "AuditRecord"],
            overrides: [TypeOverride(target: .dbType("inet"), swiftType: "IPAddress")])
    }

    static var catalog: Catalog {
        var catalog = Catalog()
        var schema = Catalog.Schema(name: "public")
        schema.enums["mood"] = EnumType(schema: "public", name: "mood", values: ["happy", "default", "not ok", "1st"])
        schema.enumOrder = ["mood"]
        let settings = Table(
            schema: "public", name: "settings",
            columns: [
                Column(name: "default", type: .text, isNotNull: true),
                Column(name: "self", type: .bigint, isNotNull: true),
                Column(name: "type", type: .text, isNotNull: true),
                Column(name: "class", type: .characterVarying, isNotNull: false),
                Column(name: "ip", type: inet, isNotNull: false),
                Column(name: "tags", type: .text.array, isNotNull: false),
                Column(name: "payload", type: .json, isNotNull: true),
                Column(name: "mood", type: mood, isNotNull: false),
            ])
        schema.tables["settings"] = settings
        schema.tableOrder = ["settings"]
        catalog.schemas["public"] = schema

        var audit = Catalog.Schema(name: "audit")
        audit.tables["events"] = Table(
            schema: "audit", name: "events",
            columns: [
                Column(name: "id", type: .uuid, isNotNull: true), Column(name: "at", type: .timestamptz, isNotNull: true),
                Column(name: "data", type: .bytea, isNotNull: false),
            ])
        audit.tableOrder = ["events"]
        catalog.schemas["audit"] = audit
        return catalog
    }

    static func ref(_ column: String) -> ColumnReference {
        ColumnReference(schema: "public", table: "settings", column: column)
    }

    static var settingsColumns: [ResultColumn] {
        catalog.table("settings")!.columns.map {
            ResultColumn(name: $0.name, type: $0.type, isNullable: !$0.isNotNull, source: ref($0.name))
        }
    }

    static var queries: [AnalyzedQuery] {
        [
            BankFixture.query(
                "GetSetting", .one, line: 1, file: "queries/settings.sql",
                sql: #"SELECT "default", self, type, class, ip, tags, payload, mood FROM settings WHERE "default" = $1"#,
                parameters: [QueryParameter(number: 1, name: "default", type: .text, isNullable: false, column: ref("default"))],
                columns: settingsColumns),
            BankFixture.query(
                "InsertSetting", .exec, line: 4, file: "queries/settings.sql",
                sql: #"INSERT INTO settings ("default", self, type, class, ip, tags, payload, mood) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"#,
                parameters: [
                    QueryParameter(number: 1, name: "default", type: .text, isNullable: false, column: ref("default")),
                    QueryParameter(number: 2, name: "self", type: .bigint, isNullable: false, column: ref("self")),
                    QueryParameter(number: 3, name: "type", type: .text, isNullable: false, column: ref("type")),
                    QueryParameter(number: 4, name: "class", type: .characterVarying, isNullable: true, column: ref("class")),
                    QueryParameter(number: 5, name: "ip", type: inet, isNullable: true, column: ref("ip")),
                    QueryParameter(number: 6, name: "tags", type: .text.array, isNullable: true, column: ref("tags")),
                    QueryParameter(number: 7, name: "payload", type: .json, isNullable: false, column: ref("payload")),
                    QueryParameter(number: 8, name: "mood", type: mood, isNullable: true, column: ref("mood")),
                ]),
            BankFixture.query(
                "BumpSelf", .exec, line: 6, file: "queries/settings.sql",
                sql: "UPDATE settings SET self = self + 1 WHERE self = $1",
                parameters: [QueryParameter(number: 1, name: "self", type: .bigint, isNullable: false, column: ref("self"))]),
            BankFixture.query(
                "ListMoods", .many, line: 8, file: "queries/settings.sql",
                sql: "SELECT unnest(enum_range(NULL::mood)) AS mood",
                columns: [ResultColumn(name: "mood", type: mood, isNullable: true)]),
            BankFixture.query(
                "DeleteByIPs", .execrows, line: 11, file: "queries/settings.sql",
                sql: "DELETE FROM settings WHERE ip = ANY($1)",
                parameters: [QueryParameter(number: 1, name: "ips", type: inet.array, isNullable: false)]),
            BankFixture.query(
                "RecentEvents", .many, line: 1, file: "queries/audit.sql",
                sql: "SELECT id, at, data FROM audit.events WHERE at > $1 ORDER BY at",
                parameters: [QueryParameter(number: 1, name: "since", type: .timestamptz, isNullable: false)],
                columns: [
                    ResultColumn(name: "id", type: .uuid, isNullable: false, source: ColumnReference(schema: "audit", table: "events", column: "id")),
                    ResultColumn(
                        name: "at", type: .timestamptz, isNullable: false, source: ColumnReference(schema: "audit", table: "events", column: "at")),
                    ResultColumn(
                        name: "data", type: .bytea, isNullable: true, source: ColumnReference(schema: "audit", table: "events", column: "data")),
                ]),
            BankFixture.query(
                "Ping", .one, line: 4, file: "queries/audit.sql", sql: "SELECT 1 AS one",
                columns: [ResultColumn(name: "one", type: .integer, isNullable: false)], exactlyOne: true),
        ]
    }
}
