import BankDB
import Foundation
import Testing

/// `createUserTx` and `verifyEmailTx`.
@Suite struct UserTxTests {
    @Test func createUserTxWritesTheUserAndARandomCodeAndRunsTheHookInside() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let username = RandomData.username()
            let email = RandomData.email()
            let seen = HookLog()
            let result = try await store.createUserTx(
                CreateUserTxParams(username: username, hashedPassword: RandomData.string(20), fullName: RandomData.fullName(), email: email) {
                    user, verifyEmail in
                    seen.record(user: user, verifyEmail: verifyEmail)
                })

            #expect(result.user.username == username)
            #expect(result.user.email == email)
            #expect(result.verifyEmail.username == username)
            #expect(result.verifyEmail.email == email)
            #expect(result.verifyEmail.isUsed == false)
            #expect(result.verifyEmail.secretCode.count == 32)
            #expect(result.verifyEmail.secretCode.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            #expect(seen.entries == [CreateUserTxResult(user: result.user, verifyEmail: result.verifyEmail)])
            #expect(try await store.getUser(username: username) == result.user)
        }
    }

    @Test func codesAreDifferentEachTime() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            var codes = Set<String>()
            for _ in 0..<5 {
                let result = try await store.createUserTx(
                    CreateUserTxParams(
                        username: RandomData.username(), hashedPassword: "h", fullName: RandomData.fullName(), email: RandomData.email()))
                codes.insert(result.verifyEmail.secretCode)
            }
            #expect(codes.count == 5)
        }
    }

    /// The email could not be sent: neither the user nor the code may stay, and the caller gets the hook's error.
    @Test func aFailingHookRollsTheUserBack() async throws {
        struct MailDown: Error, Equatable {}
        try await BankTestDatabase.with { db async throws in
            let store = db.store()
            let username = RandomData.username()
            await #expect(throws: MailDown()) {
                try await store.createUserTx(
                    CreateUserTxParams(username: username, hashedPassword: "h", fullName: RandomData.fullName(), email: RandomData.email()) {
                        _, _ in throw MailDown()
                    })
            }
            #expect(try await store.getUser(username: username) == nil)
            #expect(try await db.int64("SELECT count(*) FROM verify_emails") == 0)
        }
    }

    @Test func createUserTxReportsDuplicates() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let hookRuns = Counter()
            await #expect(throws: StoreError.duplicate(constraint: "users_pkey")) {
                try await store.createUserTx(
                    CreateUserTxParams(username: user.username, hashedPassword: "h", fullName: "X Y", email: RandomData.email()) { _, _ in
                        hookRuns.add()
                    })
            }
            await #expect(throws: StoreError.duplicate(constraint: "users_email_key")) {
                try await store.createUserTx(
                    CreateUserTxParams(username: RandomData.username(), hashedPassword: "h", fullName: "X Y", email: user.email) { _, _ in
                        hookRuns.add()
                    })
            }
            #expect(hookRuns.value == 0)
        }
    }

    @Test func verifyEmailTxMarksTheCodeUsedAndTheEmailVerified() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let created = try await Self.createUser(store)
            let result = try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: created.verifyEmail.secretCode)
            #expect(result.verifyEmail.isUsed)
            #expect(result.verifyEmail.id == created.verifyEmail.id)
            var expectedUser = created.user
            expectedUser.isEmailVerified = true
            #expect(result.user == expectedUser)
            #expect(try await store.getUser(username: created.user.username) == expectedUser)
        }
    }

    @Test func verifyEmailTxRefusesAWrongCode() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let created = try await Self.createUser(store)
            await #expect(throws: StoreError.invalidVerificationCode) {
                try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: RandomData.string(32))
            }
            await #expect(throws: StoreError.invalidVerificationCode) {
                try await store.verifyEmailTx(emailID: created.verifyEmail.id + 1, secretCode: created.verifyEmail.secretCode)
            }
            #expect(try await store.getUser(username: created.user.username)?.isEmailVerified == false)
        }
    }

    @Test func verifyEmailTxRefusesAUsedCode() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let created = try await Self.createUser(store)
            _ = try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: created.verifyEmail.secretCode)
            await #expect(throws: StoreError.invalidVerificationCode) {
                try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: created.verifyEmail.secretCode)
            }
        }
    }

    @Test func verifyEmailTxRefusesAnExpiredCode() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let created = try await Self.createUser(store)
            try await db.execute("UPDATE verify_emails SET expired_at = now() - interval '1 minute' WHERE id = \(created.verifyEmail.id)")
            await #expect(throws: StoreError.invalidVerificationCode) {
                try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: created.verifyEmail.secretCode)
            }
            #expect(try await store.getUser(username: created.user.username)?.isEmailVerified == false)
        }
    }

    /// The code was sent to an address the user has since replaced: it must not verify the new one,
    /// and the refused attempt must not use the code up either.
    @Test func verifyEmailTxRefusesACodeForAnEmailTheUserNoLongerHas() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let created = try await Self.createUser(store)
            _ = try await store.updateUser(
                UpdateUserParams(
                    hashedPassword: nil, passwordChangedAt: nil, fullName: nil, email: RandomData.email(), isEmailVerified: nil,
                    username: created.user.username))
            await #expect(throws: StoreError.invalidVerificationCode) {
                try await store.verifyEmailTx(emailID: created.verifyEmail.id, secretCode: created.verifyEmail.secretCode)
            }
            #expect(try await store.getUser(username: created.user.username)?.isEmailVerified == false)
            #expect(try await db.int64("SELECT count(*) FROM verify_emails WHERE is_used") == 0)
        }
    }

    private static func createUser(_ store: SQLStore) async throws -> CreateUserTxResult {
        try await store.createUserTx(
            CreateUserTxParams(
                username: RandomData.username(), hashedPassword: RandomData.string(20), fullName: RandomData.fullName(),
                email: RandomData.email()))
    }
}

/// What a `createUserTx` hook was given.
private final class HookLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [CreateUserTxResult] = []

    func record(user: User, verifyEmail: VerifyEmail) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(CreateUserTxResult(user: user, verifyEmail: verifyEmail))
    }

    var entries: [CreateUserTxResult] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
