import Testing

@testable import SQLGen

/// The bank's 20 queries, written as the Parse stage hands them over (macros already `$n`).
@Suite struct BankQueryTests {
    func bank(
        _ sql: String, _ command: ParsedQuery.Command, named: [Int: ParsedQuery.NamedParameter] = [:]
    ) throws -> AnalyzedQuery {
        try AnalyzeFixtures.analyze(sql, command: command, named: named, catalog: AnalyzeFixtures.bank)
    }

    static let accountColumns = [
        "id bigint", "owner character varying", "balance bigint", "currency character varying",
        "created_at timestamp with time zone",
    ]

    @Test func createAccount() throws {
        let query = try bank(
            "INSERT INTO accounts (owner, balance, currency) VALUES ($1, $2, $3) RETURNING *", .one)
        #expect(query.parameterSummary == ["owner character varying", "balance bigint", "currency character varying"])
        #expect(query.parameters[0].column == ColumnReference(schema: "public", table: "accounts", column: "owner"))
        #expect(query.columnSummary == Self.accountColumns)
        #expect(query.columns.allSatisfy { $0.source?.table == "accounts" })
        #expect(query.returnsExactlyOneRow)
        #expect(
            query.sql
                == "INSERT INTO accounts (owner, balance, currency) VALUES ($1, $2, $3) RETURNING id, owner, balance,\n    currency, created_at"
        )
    }

    @Test func getAccount() throws {
        let query = try bank("SELECT * FROM accounts WHERE id = $1 LIMIT 1", .one)
        #expect(query.parameterSummary == ["id bigint"])
        #expect(query.parameters[0].column?.column == "id")
        #expect(query.columnSummary == Self.accountColumns)
        #expect(query.sql == "SELECT id, owner, balance, currency, created_at FROM accounts WHERE id = $1 LIMIT 1")
        #expect(!query.returnsExactlyOneRow)
    }

    @Test func getAccountForUpdate() throws {
        let query = try bank("SELECT * FROM accounts\nWHERE id = $1 LIMIT 1\nFOR NO KEY UPDATE", .one)
        #expect(query.parameterSummary == ["id bigint"])
        #expect(query.columnSummary == Self.accountColumns)
        #expect(query.sql == "SELECT id, owner, balance, currency, created_at FROM accounts\nWHERE id = $1 LIMIT 1\nFOR NO KEY UPDATE")
    }

    @Test func listAccounts() throws {
        let query = try bank("SELECT * FROM accounts\nWHERE owner = $1\nORDER BY id\nLIMIT $2\nOFFSET $3", .many)
        #expect(query.parameterSummary == ["owner text", "limit bigint", "offset bigint"])
        #expect(query.parameters[0].column?.column == "owner")
        #expect(query.parameters[1].column == nil)
    }

    @Test func updateAccount() throws {
        let query = try bank("UPDATE accounts SET balance = $2 WHERE id = $1 RETURNING *", .one)
        #expect(query.parameterSummary == ["id bigint", "balance bigint"])
        #expect(query.columnSummary == Self.accountColumns)
        #expect(!query.returnsExactlyOneRow)
    }

    @Test func addAccountBalance() throws {
        let query = try bank(
            "UPDATE accounts SET balance = balance + $1 WHERE id = $2 RETURNING *", .one,
            named: [1: .init(name: "amount"), 2: .init(name: "id")])
        #expect(query.parameterSummary == ["amount bigint", "id bigint"])
    }

    @Test func deleteAccount() throws {
        let query = try bank("DELETE FROM accounts WHERE id = $1", .exec)
        #expect(query.parameterSummary == ["id bigint"])
        #expect(query.columns.isEmpty)
    }

    @Test func entries() throws {
        let create = try bank("INSERT INTO entries (account_id, amount) VALUES ($1, $2) RETURNING *", .one)
        #expect(create.parameterSummary == ["account_id bigint", "amount bigint"])
        #expect(create.columnSummary == ["id bigint", "account_id bigint", "amount bigint", "created_at timestamp with time zone"])
        let get = try bank("SELECT * FROM entries WHERE id = $1 LIMIT 1", .one)
        #expect(get.parameterSummary == ["id bigint"])
        let list = try bank("SELECT * FROM entries WHERE account_id = $1 ORDER BY id LIMIT $2 OFFSET $3", .many)
        #expect(list.parameterSummary == ["account_id bigint", "limit bigint", "offset bigint"])
    }

    @Test func transfers() throws {
        let create = try bank(
            "INSERT INTO transfers (from_account_id, to_account_id, amount) VALUES ($1, $2, $3) RETURNING *", .one)
        #expect(create.parameterSummary == ["from_account_id bigint", "to_account_id bigint", "amount bigint"])
        let get = try bank("SELECT * FROM transfers WHERE id = $1 LIMIT 1", .one)
        #expect(get.columns.count == 5)
        let list = try bank(
            "SELECT * FROM transfers\nWHERE from_account_id = $1 OR to_account_id = $2\nORDER BY id\nLIMIT $3\nOFFSET $4",
            .many)
        #expect(list.parameterSummary == ["from_account_id bigint", "to_account_id bigint", "limit bigint", "offset bigint"])
    }

    @Test func createUser() throws {
        let query = try bank(
            "INSERT INTO users (username, hashed_password, full_name, email) VALUES ($1, $2, $3, $4) RETURNING *", .one)
        #expect(
            query.parameterSummary == [
                "username character varying", "hashed_password character varying", "full_name character varying",
                "email character varying",
            ])
        #expect(
            query.columnSummary == [
                "username character varying", "hashed_password character varying", "full_name character varying",
                "email character varying", "password_changed_at timestamp with time zone",
                "created_at timestamp with time zone", "is_email_verified boolean", "role character varying",
            ])
        #expect(query.returnsExactlyOneRow)
    }

    @Test func getUser() throws {
        let query = try bank("SELECT * FROM users WHERE username = $1 LIMIT 1", .one)
        #expect(query.parameterSummary == ["username text"])
        #expect(query.columns.count == 8)
    }

    @Test func updateUser() throws {
        let sql = """
            UPDATE users
            SET
              hashed_password = COALESCE($1, hashed_password),
              password_changed_at = COALESCE($2, password_changed_at),
              full_name = COALESCE($3, full_name),
              email = COALESCE($4, email),
              is_email_verified = COALESCE($5, is_email_verified)
            WHERE
              username = $6
            RETURNING *
            """
        let named: [Int: ParsedQuery.NamedParameter] = [
            1: .init(name: "hashed_password", forcesNullable: true),
            2: .init(name: "password_changed_at", forcesNullable: true),
            3: .init(name: "full_name", forcesNullable: true),
            4: .init(name: "email", forcesNullable: true),
            5: .init(name: "is_email_verified", forcesNullable: true),
            6: .init(name: "username"),
        ]
        let query = try bank(sql, .one, named: named)
        #expect(
            query.parameterSummary == [
                "hashed_password character varying?", "password_changed_at timestamp with time zone?",
                "full_name character varying?", "email character varying?", "is_email_verified boolean?",
                "username text",
            ])
        #expect(query.parameters[0].column?.column == "hashed_password")
        #expect(query.columns.count == 8)
        #expect(query.columns.allSatisfy { !$0.isNullable })
    }

    @Test func createSession() throws {
        let query = try bank(
            """
            INSERT INTO sessions (
              id, username, refresh_token, user_agent, client_ip, is_blocked, expires_at
            ) VALUES (
              $1, $2, $3, $4, $5, $6, $7
            ) RETURNING *
            """, .one)
        #expect(
            query.parameterSummary == [
                "id uuid", "username character varying", "refresh_token character varying",
                "user_agent character varying", "client_ip character varying", "is_blocked boolean",
                "expires_at timestamp with time zone",
            ])
        #expect(query.columns.count == 8)
        #expect(query.returnsExactlyOneRow)
    }

    @Test func getSession() throws {
        let query = try bank("SELECT * FROM sessions WHERE id = $1 LIMIT 1", .one)
        #expect(query.parameterSummary == ["id uuid"])
    }

    @Test func createVerifyEmail() throws {
        let query = try bank(
            "INSERT INTO verify_emails (username, email, secret_code) VALUES ($1, $2, $3) RETURNING *", .one)
        #expect(
            query.parameterSummary == ["username character varying", "email character varying", "secret_code character varying"])
        #expect(query.columns.count == 7)
    }

    @Test func updateVerifyEmail() throws {
        let query = try bank(
            """
            UPDATE verify_emails
            SET
              is_used = TRUE
            WHERE
              id = $1
              AND secret_code = $2
              AND is_used = FALSE
              AND expired_at > now()
            RETURNING *
            """, .one, named: [1: .init(name: "id"), 2: .init(name: "secret_code")])
        #expect(query.parameterSummary == ["id bigint", "secret_code text"])
        #expect(query.columns.count == 7)
    }
}
