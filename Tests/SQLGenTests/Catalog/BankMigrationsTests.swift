import Foundation
import Testing

@testable import SQLGen

/// The bank's real migrations (db/migration/*.up.sql in order) must build the bank's schema (users, accounts, entries, transfers, sessions, verify_emails, jobs).
@Suite struct BankMigrationsTests {
    /// The repository root, found from this file's path (Tests/SQLGenTests/Catalog/…).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bankCatalog() throws -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        let folder = repository.appendingPathComponent("db/migration")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".up.sql") }.sorted()
        #expect(names.count == 6)
        var statements: [SchemaStatement] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let parsed = SchemaFileParser.parse(SourceFile(path: "db/migration/\(name)", text: text))
            statements += parsed.statements
            diagnostics += parsed.diagnostics
        }
        let built = CatalogBuilder.build(statements)
        return (built.catalog, diagnostics + built.diagnostics)
    }

    @Test func buildsTheBankSchema() throws {
        let (catalog, diagnostics) = try Self.bankCatalog()
        #expect(diagnostics.map(\.description) == [])
        #expect(catalog.allTables.map(\.name) == ["accounts", "entries", "transfers", "users", "sessions", "verify_emails", "jobs"])

        let users = try #require(catalog.table("users"))
        #expect(
            users.columns.map(\.name) == [
                "username", "hashed_password", "full_name", "email", "password_changed_at", "created_at", "is_email_verified", "role",
            ])
        let allNotNull = users.columns.allSatisfy { $0.isNotNull }
        #expect(allNotNull)
        #expect(users.column("is_email_verified")?.type == .boolean)
        #expect(users.column("role")?.hasDefault == true)
        #expect(users.column("password_changed_at")?.type == .timestamptz)

        let accounts = try #require(catalog.table("accounts"))
        #expect(accounts.columns.map(\.name) == ["id", "owner", "balance", "currency", "created_at"])
        let owner = try #require(accounts.column("owner"))
        #expect(owner.type.name == "character varying")
        #expect(owner.isNotNull)
        #expect(accounts.column("id")?.type == .bigint)
        #expect(accounts.column("id")?.hasDefault == true)
        #expect(accounts.column("balance")?.hasDefault == false)
        #expect(accounts.comment == "Accounts, the entries that change their balances, and the transfers between them.")

        #expect(catalog.table("entries")?.column("amount")?.comment == "can be negative or positive")
        #expect(catalog.table("transfers")?.column("amount")?.comment == "must be positive")
        #expect(catalog.table("transfers")?.column("from_account_id")?.type == .bigint)

        let sessions = try #require(catalog.table("sessions"))
        #expect(sessions.column("id")?.type == .uuid)
        #expect(sessions.column("is_blocked")?.hasDefault == true)
        #expect(sessions.column("expires_at")?.hasDefault == false)

        let verifyEmails = try #require(catalog.table("verify_emails"))
        #expect(verifyEmails.column("expired_at")?.hasDefault == true)
        #expect(verifyEmails.column("expired_at")?.type == .timestamptz)
        #expect(verifyEmails.columns.count == 7)
    }
}
