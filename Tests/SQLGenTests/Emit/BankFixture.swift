@testable import SQLGen

/// A small bank-like schema and queries, built by hand (no parser or analyzer involved), that
/// exercises every shape the emitter produces: models, an enum, a JSON column, `:one` (optional
/// and exact), `:many`, `:exec`, `:execrows`, a params struct, nullable params, row structs with
/// duplicate names, a scalar, an optional scalar and multi-line SQL.
enum BankFixture {
    static let status = SQLType(name: "account_status", schema: "public")

    static var catalog: Catalog {
        var catalog = Catalog()
        var schema = Catalog.Schema(name: "public")
        schema.enums["account_status"] = EnumType(
            schema: "public", name: "account_status", values: ["open", "frozen", "in-review"],
            comment: "Whether an account can move money.")
        schema.enumOrder = ["account_status"]
        let tables = [
            Table(
                schema: "public", name: "users",
                columns: [
                    Column(name: "username", type: .characterVarying, isNotNull: true),
                    Column(name: "hashed_password", type: .characterVarying, isNotNull: true),
                    Column(name: "full_name", type: .characterVarying, isNotNull: true),
                    Column(name: "email", type: .characterVarying, isNotNull: true),
                    Column(name: "password_changed_at", type: .timestamptz, isNotNull: true, hasDefault: true),
                    Column(name: "created_at", type: .timestamptz, isNotNull: true, hasDefault: true),
                    Column(name: "is_email_verified", type: .boolean, isNotNull: true, hasDefault: true),
                    Column(name: "profile", type: .jsonb, isNotNull: false, comment: "Free-form settings."),
                ]),
            Table(
                schema: "public", name: "accounts",
                columns: [
                    Column(name: "id", type: .bigint, isNotNull: true, hasDefault: true),
                    Column(name: "owner", type: .characterVarying, isNotNull: true),
                    Column(name: "balance", type: .bigint, isNotNull: true, comment: "In minor units."),
                    Column(name: "currency", type: .characterVarying, isNotNull: true),
                    Column(name: "status", type: status, isNotNull: true, hasDefault: true),
                    Column(name: "created_at", type: .timestamptz, isNotNull: true, hasDefault: true),
                ],
                comment: "A user's money in one currency."),
            Table(
                schema: "public", name: "entries",
                columns: [
                    Column(name: "id", type: .bigint, isNotNull: true, hasDefault: true),
                    Column(name: "account_id", type: .bigint, isNotNull: true),
                    Column(name: "amount", type: .bigint, isNotNull: true),
                    Column(name: "created_at", type: .timestamptz, isNotNull: true, hasDefault: true),
                ]),
        ]
        for table in tables {
            schema.tables[table.name] = table
            schema.tableOrder.append(table.name)
        }
        catalog.schemas["public"] = schema
        return catalog
    }

    static func ref(_ table: String, _ column: String) -> ColumnReference {
        ColumnReference(schema: "public", table: table, column: column)
    }

    static func tableColumns(_ table: String, nullable: Bool = false) -> [ResultColumn] {
        catalog.table(table)!.columns.map {
            ResultColumn(name: $0.name, type: $0.type, isNullable: nullable || !$0.isNotNull, source: ref(table, $0.name))
        }
    }

    static let accountColumnList = "id, owner, balance, currency, status, created_at"
    static let userColumnList =
        "username, hashed_password, full_name, email, password_changed_at, created_at, is_email_verified, profile"

    static func query(
        _ name: String, _ command: ParsedQuery.Command, line: Int, file: String = "query/account.sql",
        doc: [String] = [], sql: String, parameters: [QueryParameter] = [], columns: [ResultColumn] = [],
        exactlyOne: Bool = false
    ) -> AnalyzedQuery {
        AnalyzedQuery(
            name: name, command: command, file: file, line: line, docComment: doc, sql: sql, parameters: parameters,
            columns: columns, returnsExactlyOneRow: exactlyOne)
    }

    static var queries: [AnalyzedQuery] {
        [
            query(
                "CreateAccount", .one, line: 1, doc: ["Opens an account."],
                sql: "INSERT INTO accounts (owner, balance, currency, status) VALUES ($1, $2, $3, $4) RETURNING \(accountColumnList)",
                parameters: [
                    QueryParameter(number: 1, name: "owner", type: .characterVarying, isNullable: false, column: ref("accounts", "owner")),
                    QueryParameter(number: 2, name: "balance", type: .bigint, isNullable: false, column: ref("accounts", "balance")),
                    QueryParameter(number: 3, name: "currency", type: .characterVarying, isNullable: false, column: ref("accounts", "currency")),
                    QueryParameter(number: 4, name: "status", type: status, isNullable: false, column: ref("accounts", "status")),
                ],
                columns: tableColumns("accounts"), exactlyOne: true),
            query(
                "GetAccount", .one, line: 5,
                sql: "SELECT \(accountColumnList) FROM accounts WHERE id = $1 LIMIT 1",
                parameters: [QueryParameter(number: 1, name: "id", type: .bigint, isNullable: false, column: ref("accounts", "id"))],
                columns: tableColumns("accounts")),
            query(
                "ListAccounts", .many, line: 9, doc: ["Accounts of one owner, oldest first."],
                sql: "SELECT \(accountColumnList)\nFROM accounts\nWHERE owner = $1\nORDER BY id\nLIMIT $2\nOFFSET $3",
                parameters: [
                    QueryParameter(number: 1, name: "owner", type: .text, isNullable: false, column: ref("accounts", "owner")),
                    QueryParameter(number: 2, name: "limit", type: .bigint, isNullable: false),
                    QueryParameter(number: 3, name: "offset", type: .bigint, isNullable: false),
                ],
                columns: tableColumns("accounts")),
            query(
                "UpdateAccountStatus", .execrows, line: 17,
                sql: "UPDATE accounts SET status = $1 WHERE owner = $2",
                parameters: [
                    QueryParameter(number: 1, name: "status", type: status, isNullable: false, column: ref("accounts", "status")),
                    QueryParameter(number: 2, name: "owner", type: .text, isNullable: false, column: ref("accounts", "owner")),
                ]),
            query(
                "DeleteAccount", .exec, line: 20, sql: "DELETE FROM accounts WHERE id = $1",
                parameters: [QueryParameter(number: 1, name: "id", type: .bigint, isNullable: false, column: ref("accounts", "id"))]),
            query(
                "CountAccounts", .one, line: 23, sql: "SELECT count(*) FROM accounts WHERE owner = $1",
                parameters: [QueryParameter(number: 1, name: "owner", type: .text, isNullable: false, column: ref("accounts", "owner"))],
                columns: [ResultColumn(name: "count", type: .bigint, isNullable: false)], exactlyOne: true),
            query(
                "SumBalances", .one, line: 26, sql: "SELECT sum(balance) AS total FROM accounts WHERE currency = $1",
                parameters: [QueryParameter(number: 1, name: "currency", type: .text, isNullable: false, column: ref("accounts", "currency"))],
                columns: [ResultColumn(name: "total", type: .numeric, isNullable: true)], exactlyOne: true),
            query(
                "ListAccountEntries", .many, line: 29, doc: ["Entries with their account, \"newest\" first."],
                sql: """
                    SELECT e.id, a.id, a.owner, e.amount, a."status"
                    FROM entries e
                    JOIN accounts a ON a.id = e.account_id
                    WHERE a.currency = 'USD' AND a.status = ANY($1::account_status[]) OR e.amount > $2
                    ORDER BY e.id DESC
                    """,
                parameters: [
                    QueryParameter(number: 1, name: "statuses", type: .text.array, isNullable: false),
                    QueryParameter(number: 2, name: "min_amount", type: .bigint, isNullable: false),
                ],
                columns: [
                    ResultColumn(name: "id", type: .bigint, isNullable: false, source: ref("entries", "id")),
                    ResultColumn(name: "id", type: .bigint, isNullable: false, source: ref("accounts", "id")),
                    ResultColumn(name: "owner", type: .characterVarying, isNullable: false, source: ref("accounts", "owner")),
                    ResultColumn(name: "amount", type: .bigint, isNullable: false, source: ref("entries", "amount")),
                    ResultColumn(name: "status", type: status, isNullable: false, source: ref("accounts", "status")),
                ]),
            query(
                "CreateUser", .one, line: 1, file: "query/user.sql",
                sql:
                    "INSERT INTO users (username, hashed_password, full_name, email, profile) VALUES ($1, $2, $3, $4, $5) RETURNING \(userColumnList)",
                parameters: [
                    QueryParameter(number: 1, name: "username", type: .characterVarying, isNullable: false, column: ref("users", "username")),
                    QueryParameter(
                        number: 2, name: "hashed_password", type: .characterVarying, isNullable: false, column: ref("users", "hashed_password")),
                    QueryParameter(number: 3, name: "full_name", type: .characterVarying, isNullable: false, column: ref("users", "full_name")),
                    QueryParameter(number: 4, name: "email", type: .characterVarying, isNullable: false, column: ref("users", "email")),
                    QueryParameter(number: 5, name: "profile", type: .jsonb, isNullable: true, column: ref("users", "profile")),
                ],
                columns: tableColumns("users"), exactlyOne: true),
            query(
                "UpdateUser", .one, line: 6, file: "query/user.sql",
                doc: ["Changes only the fields that are given."],
                sql: """
                    UPDATE users
                    SET
                      hashed_password = COALESCE($1, hashed_password),
                      password_changed_at = COALESCE($2, password_changed_at),
                      full_name = COALESCE($3, full_name),
                      email = COALESCE($4, email),
                      is_email_verified = COALESCE($5, is_email_verified)
                    WHERE username = $6
                    RETURNING \(userColumnList)
                    """,
                parameters: [
                    QueryParameter(
                        number: 1, name: "hashed_password", type: .characterVarying, isNullable: true, column: ref("users", "hashed_password")),
                    QueryParameter(
                        number: 2, name: "password_changed_at", type: .timestamptz, isNullable: true, column: ref("users", "password_changed_at")),
                    QueryParameter(number: 3, name: "full_name", type: .characterVarying, isNullable: true, column: ref("users", "full_name")),
                    QueryParameter(number: 4, name: "email", type: .characterVarying, isNullable: true, column: ref("users", "email")),
                    QueryParameter(number: 5, name: "is_email_verified", type: .boolean, isNullable: true, column: ref("users", "is_email_verified")),
                    QueryParameter(number: 6, name: "username", type: .characterVarying, isNullable: false, column: ref("users", "username")),
                ],
                columns: tableColumns("users")),
            query(
                "GetUserProfile", .one, line: 18, file: "query/user.sql",
                sql: "SELECT profile FROM users WHERE username = $1",
                parameters: [QueryParameter(number: 1, name: "username", type: .text, isNullable: false, column: ref("users", "username"))],
                columns: [ResultColumn(name: "profile", type: .jsonb, isNullable: true, source: ref("users", "profile"))]),
            query(
                "ListUserEmails", .many, line: 21, file: "query/user.sql",
                sql: "SELECT username, email, is_email_verified AS verified, profile IS NOT NULL AS has_profile FROM users ORDER BY username",
                columns: [
                    ResultColumn(name: "username", type: .characterVarying, isNullable: false, source: ref("users", "username")),
                    ResultColumn(name: "email", type: .characterVarying, isNullable: false, source: ref("users", "email")),
                    ResultColumn(name: "verified", type: .boolean, isNullable: false, source: ref("users", "is_email_verified")),
                    ResultColumn(name: "has_profile", type: .boolean, isNullable: false),
                ]),
        ]
    }
}
