import BankDB
import Foundation
import PostgresNIO
import Testing

/// `StoreError(mapping:)`, which the server uses on errors from any path, including
/// `PostgresClient.withTransaction` (whose errors arrive wrapped).
@Suite struct StoreErrorMappingTests {
    @Test func aUniqueViolationInsideWithTransactionIsUnwrapped() async throws {
        try await BankTestDatabase.with { db in
            let user = try await db.queries.makeUser()
            do {
                try await db.client.withTransaction(logger: BankTestDatabase.logger) { connection in
                    _ = try await Queries(connection).makeUser(email: user.email)
                }
                Issue.record("the duplicate email was accepted")
            } catch {
                #expect(error is PostgresTransactionError)
                #expect(StoreError(mapping: error) == .duplicate(constraint: "users_email_key"))
            }
        }
    }

    @Test func aForeignKeyViolationFromPlainQueriesIsMapped() async throws {
        try await BankTestDatabase.with { db in
            do {
                _ = try await db.queries.createAccount(owner: RandomData.owner(), balance: 1, currency: "USD")
                Issue.record("an account without an owner was accepted")
            } catch {
                #expect(error is PSQLError)
                #expect(StoreError(mapping: error) == .foreignKeyViolation(constraint: "accounts_owner_fkey"))
            }
        }
    }

    @Test func otherErrorsBecomeDatabaseFailuresWithoutDetails() async throws {
        struct Unrelated: Error {}
        #expect(StoreError(mapping: Unrelated()) == .database(DatabaseFailure(sqlState: nil, underlying: Unrelated())))
        #expect(StoreError(mapping: NoRowsError(query: "CreateAccount")) == .notFound)
        #expect(StoreError(mapping: StoreError.sameAccount) == .sameAccount)

        try await BankTestDatabase.with { db in
            do {
                try await db.execute("SELECT 1 / 0")
                Issue.record("division by zero succeeded")
            } catch {
                let mapped = StoreError(mapping: error)
                #expect(mapped == .database(DatabaseFailure(sqlState: "22012", underlying: error)))
                #expect("\(mapped)" == "database error (SQLSTATE 22012)")
            }
        }
    }

    /// Descriptions are safe to log or return: no SQL, no values.
    @Test func descriptionsCarryNoSQLOrValues() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let secretEmail = "very-secret-" + RandomData.email()
            _ = try await store.makeUser(email: secretEmail)
            do {
                _ = try await store.makeUser(email: secretEmail)
                Issue.record("the duplicate email was accepted")
            } catch {
                let text = "\(error)"
                #expect(text == "duplicate value (users_email_key)")
                #expect(!text.contains("secret") && !text.uppercased().contains("INSERT"))
            }
        }
    }
}
