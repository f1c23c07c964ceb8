import BankDB
import Foundation
import Testing

@Suite struct VerifyEmailQueriesTests {
    @Test func createStoresAnUnusedCodeThatExpiresInFifteenMinutes() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let code = RandomData.string(32)
            let row = try await store.createVerifyEmail(username: user.username, email: user.email, secretCode: code)
            #expect(row.username == user.username)
            #expect(row.email == user.email)
            #expect(row.secretCode == code)
            #expect(row.isUsed == false)
            #expect(abs(row.expiredAt.timeIntervalSince(row.createdAt) - 15 * 60) < 1)
        }
    }

    @Test func theRightCodeIsUsedOnceOnly() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let row = try await store.createVerifyEmail(username: user.username, email: user.email, secretCode: RandomData.string(32))
            let used = try #require(try await store.updateVerifyEmail(id: row.id, secretCode: row.secretCode))
            var expected = row
            expected.isUsed = true
            #expect(used == expected)
            // Used: no second time.
            #expect(try await store.updateVerifyEmail(id: row.id, secretCode: row.secretCode) == nil)
        }
    }

    @Test func aWrongCodeOrIDDoesNotMatch() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let row = try await store.createVerifyEmail(username: user.username, email: user.email, secretCode: RandomData.string(32))
            #expect(try await store.updateVerifyEmail(id: row.id, secretCode: RandomData.string(32)) == nil)
            #expect(try await store.updateVerifyEmail(id: row.id + 1, secretCode: row.secretCode) == nil)
            // Nothing was marked used by the failed attempts.
            #expect(try await store.updateVerifyEmail(id: row.id, secretCode: row.secretCode)?.isUsed == true)
        }
    }

    @Test func anExpiredCodeDoesNotMatch() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let row = try await store.createVerifyEmail(username: user.username, email: user.email, secretCode: RandomData.string(32))
            try await db.execute("UPDATE verify_emails SET expired_at = now() - interval '1 second' WHERE id = \(row.id)")
            #expect(try await store.updateVerifyEmail(id: row.id, secretCode: row.secretCode) == nil)
        }
    }

    @Test func aCodeForAMissingUserIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "verify_emails_username_fkey")) {
                try await db.store().createVerifyEmail(username: RandomData.username(), email: RandomData.email(), secretCode: "x")
            }
        }
    }
}
