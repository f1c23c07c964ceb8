import BankDB
import Foundation
import Testing

@Suite struct UserQueriesTests {
    @Test func createThenGetReturnsTheSameUserWithDefaults() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let username = RandomData.username()
            let hashedPassword = RandomData.string(30)
            let fullName = RandomData.fullName()
            let email = RandomData.email()
            let user = try await store.createUser(username: username, hashedPassword: hashedPassword, fullName: fullName, email: email)
            #expect(user.username == username)
            #expect(user.hashedPassword == hashedPassword)
            #expect(user.fullName == fullName)
            #expect(user.email == email)
            #expect(user.role == "depositor")
            #expect(user.isEmailVerified == false)
            // The schema's "never changed" marker, 0001-01-01T00:00:00Z.
            #expect(user.passwordChangedAt < Date(timeIntervalSince1970: -62_000_000_000))
            #expect(try await store.getUser(username: username) == user)
            #expect(try await store.getUser(username: RandomData.username()) == nil)
        }
    }

    @Test func aTakenUsernameIsADuplicateOfThePrimaryKey() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            await #expect(throws: StoreError.duplicate(constraint: "users_pkey")) {
                try await store.makeUser(username: user.username)
            }
        }
    }

    @Test func aTakenEmailIsADuplicate() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            await #expect(throws: StoreError.duplicate(constraint: "users_email_key")) {
                try await store.makeUser(email: user.email)
            }
            let other = try await store.makeUser()
            await #expect(throws: StoreError.duplicate(constraint: "users_email_key")) {
                try await store.updateUser(
                    UpdateUserParams(
                        hashedPassword: nil, passwordChangedAt: nil, fullName: nil, email: user.email, isEmailVerified: nil,
                        username: other.username))
            }
        }
    }

    /// Each field alone, then all together; whatever is nil keeps its stored value.
    @Test func updateChangesOnlyTheGivenFields() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            var expected = try await store.makeUser()
            let username = expected.username
            func update(
                hashedPassword: String? = nil, passwordChangedAt: Date? = nil, fullName: String? = nil, email: String? = nil,
                isEmailVerified: Bool? = nil
            ) async throws -> User? {
                try await store.updateUser(
                    UpdateUserParams(
                        hashedPassword: hashedPassword, passwordChangedAt: passwordChangedAt, fullName: fullName, email: email,
                        isEmailVerified: isEmailVerified, username: username))
            }

            #expect(try await update() == expected)

            expected.hashedPassword = RandomData.string(30)
            #expect(try await update(hashedPassword: expected.hashedPassword) == expected)

            expected.passwordChangedAt = Date(timeIntervalSince1970: Double(Int.random(in: 1_600_000_000...1_800_000_000)))
            #expect(try await update(passwordChangedAt: expected.passwordChangedAt) == expected)

            expected.fullName = RandomData.fullName()
            #expect(try await update(fullName: expected.fullName) == expected)

            expected.email = RandomData.email()
            #expect(try await update(email: expected.email) == expected)

            expected.isEmailVerified = true
            #expect(try await update(isEmailVerified: true) == expected)

            expected.hashedPassword = RandomData.string(30)
            expected.passwordChangedAt = Date(timeIntervalSince1970: 1_700_000_000.25)
            expected.fullName = RandomData.fullName()
            expected.email = RandomData.email()
            expected.isEmailVerified = false
            let all = try await update(
                hashedPassword: expected.hashedPassword, passwordChangedAt: expected.passwordChangedAt, fullName: expected.fullName,
                email: expected.email, isEmailVerified: false)
            #expect(all == expected)
            #expect(try await store.getUser(username: username) == expected)
        }
    }

    @Test func updateOfAMissingUserIsNil() async throws {
        try await BankTestDatabase.with { db async throws in
            let params = UpdateUserParams(
                hashedPassword: nil, passwordChangedAt: nil, fullName: RandomData.fullName(), email: nil, isEmailVerified: nil,
                username: RandomData.username())
            #expect(try await db.store().updateUser(params) == nil)
        }
    }
}
