import Testing

@testable import SQLGen

/// Builders for Analyze tests: catalogs written tersely and queries parsed from SQL that
/// already uses `$n` (what the Parse stage hands over).
enum AnalyzeFixtures {
    /// A table from a spec like `"id bigint !=, owner varchar !, note text"`: each entry is
    /// `name type [flags]`, flags `!` NOT NULL and `=` has a default; `[]` after the type
    /// makes an array; a type that is not built-in is an enum of the table's schema.
    static func table(_ name: String, _ spec: String, schema: String = "public") -> Table {
        let columns = spec.split(separator: ",").map { entry -> Column in
            var words = entry.split(separator: " ").map(String.init)
            var flags = ""
            if let last = words.last, last.allSatisfy({ $0 == "!" || $0 == "=" }) {
                flags = last
                words.removeLast()
            }
            let columnName = words.removeFirst().filter { $0 != "\"" }
            var typeName = words.joined(separator: " ")
            let isArray = typeName.hasSuffix("[]")
            if isArray { typeName = String(typeName.dropLast(2)) }
            var type = SQLType.builtin(typeName) ?? SQLType(name: typeName, schema: schema)
            if isArray { type = type.array }
            return Column(name: columnName, type: type, isNotNull: flags.contains("!"), hasDefault: flags.contains("="))
        }
        return Table(schema: schema, name: name, columns: columns)
    }

    static func catalog(_ tables: [Table], enums: [EnumType] = []) -> Catalog {
        var catalog = Catalog()
        for table in tables {
            var schema = catalog.schemas[table.schema] ?? Catalog.Schema(name: table.schema)
            schema.tables[table.name] = table
            schema.tableOrder.append(table.name)
            catalog.schemas[table.schema] = schema
        }
        for enumType in enums {
            var schema = catalog.schemas[enumType.schema] ?? Catalog.Schema(name: enumType.schema)
            schema.enums[enumType.name] = enumType
            schema.enumOrder.append(enumType.name)
            catalog.schemas[enumType.schema] = schema
        }
        return catalog
    }

    /// The bank's schema after its five migrations (db/migration).
    static let bank = catalog([
        table(
            "users",
            "username varchar !, hashed_password varchar !, full_name varchar !, email varchar !, "
                + "password_changed_at timestamptz !=, created_at timestamptz !=, is_email_verified bool !=, role varchar !="),
        table("accounts", "id bigint !=, owner varchar !, balance bigint !, currency varchar !, created_at timestamptz !="),
        table("entries", "id bigint !=, account_id bigint !, amount bigint !, created_at timestamptz !="),
        table(
            "transfers",
            "id bigint !=, from_account_id bigint !, to_account_id bigint !, amount bigint !, created_at timestamptz !="),
        table(
            "sessions",
            "id uuid !, username varchar !, refresh_token varchar !, user_agent varchar !, client_ip varchar !, "
                + "is_blocked bool !=, expires_at timestamptz !, created_at timestamptz !="),
        table(
            "verify_emails",
            "id bigint !=, username varchar !, email varchar !, secret_code varchar !, is_used bool !=, "
                + "created_at timestamptz !=, expired_at timestamptz !="),
    ])

    /// A catalog for expression tests: every common type, nullable and not, plus a
    /// nullable-heavy second table and an enum.
    static let sample = catalog(
        [
            table(
                "t",
                "id bigint !=, i integer !, s smallint !, n numeric !, r real !, d double precision !, "
                    + "v varchar !, c bpchar !, tx text !, b bool !, ts timestamptz !, tsn timestamp !, dt date !, "
                    + "iv interval !, u uuid !, j jsonb !, ni integer, nv varchar, nts timestamptz, tags text[] !, "
                    + "mood mood !, nn numeric"),
            table("owners", "id bigint !=, name varchar !, nickname text"),
            table("pets", "id bigint !=, owner_id bigint, name text !, born date"),
            table("Weird", "Mixed text !, \"select\" int"),
        ],
        enums: [EnumType(schema: "public", name: "mood", values: ["sad", "ok", "happy"])])

    /// A ParsedQuery for `sql` as the Parse stage would produce it (the SQL already uses `$n`).
    static func query(
        name: String = "Q", command: ParsedQuery.Command = .many, sql: String,
        named: [Int: ParsedQuery.NamedParameter] = [:], file: String = "query.sql", line: Int = 1
    ) throws -> ParsedQuery {
        let statement = try #require(try PgQuery.parse(sql).first).node
        return ParsedQuery(
            name: name, command: command, docComment: [], sql: sql, statement: statement, namedParameters: named,
            sourceMap: SourceMap(file: SourceFile(path: file, text: sql), statementStartsAt: 0),
            annotationLocation: SourceLocation(file: file, line: line, column: 1))
    }

    /// Analyzes one query and expects it to succeed.
    static func analyze(
        _ sql: String, command: ParsedQuery.Command = .many, named: [Int: ParsedQuery.NamedParameter] = [:],
        catalog: Catalog = sample, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> AnalyzedQuery {
        let parsed = try query(command: command, sql: sql, named: named)
        let (queries, diagnostics) = Analyzer(catalog: catalog).analyze([parsed])
        #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
        return try #require(queries.first, sourceLocation: sourceLocation)
    }

    /// Analyzes one query and returns its single diagnostic, printed (`query.sql:1:8: error: …`).
    static func error(
        _ sql: String, command: ParsedQuery.Command = .many, named: [Int: ParsedQuery.NamedParameter] = [:],
        catalog: Catalog = sample, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> String {
        let parsed = try query(command: command, sql: sql, named: named)
        let (queries, diagnostics) = Analyzer(catalog: catalog).analyze([parsed])
        #expect(queries.isEmpty, sourceLocation: sourceLocation)
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        return diagnostics.first?.description ?? "<no diagnostic>"
    }
}

/// Short forms for expectations: `"owner text"`, `"limit bigint"`, `"p1 integer?"`.
extension QueryParameter {
    var summary: String { "\(name) \(type)\(isNullable ? "?" : "")" }
}

extension ResultColumn {
    var summary: String { "\(name) \(type)\(isNullable ? "?" : "")" }
}

extension AnalyzedQuery {
    var parameterSummary: [String] { parameters.map(\.summary) }
    var columnSummary: [String] { columns.map(\.summary) }
}
