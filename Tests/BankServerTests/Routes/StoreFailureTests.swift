import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// Failures the real database cannot be made to produce on demand, forced with `MockStore`:
/// faults are 500 "internal server error" with nothing of the cause, conflicts 503.
@Suite("Store failures")
struct StoreFailureTests {
    /// A Swift error whose text must never reach a client.
    struct SecretError: Error, CustomStringConvertible {
        var description: String { "connection to db.internal:5432 failed for user root with password hunter2" }
    }

    static let secret = "hunter2"
    static let databaseFailure = StoreError.database(DatabaseFailure(sqlState: "XX000", underlying: SecretError()))

    static func account(_ id: Int64, owner: String = "ann") -> Account {
        Account(id: id, owner: owner, balance: 100, currency: "USD", createdAt: Date())
    }

    /// Accounts 1 (ann's) and 2 (bob's) in USD, as `transferTx` would lock them.
    static let lockedAccounts = TransferAccounts(from: account(1, owner: "ann"), to: account(2, owner: "bob"))

    static func user(_ username: String = "ann") -> User {
        User(
            username: username, hashedPassword: "$2b$04$abcdefghijklmnopqrstuuJ5y4n3Q0w8XG4mF1aZ0m7YhHn6uO3W2", fullName: "Ann Lee",
            email: "ann@example.com", passwordChangedAt: Date(), createdAt: Date(), isEmailVerified: false, role: "depositor")
    }

    /// Which route fails, and how.
    enum Failure: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case createUserDatabase, createUserSwiftError, loginGetUser, loginCreateSession, renewGetSession, updateUser
        case verifyEmail, createAccount, getAccount, listAccounts, transferLockAccounts, transferTx
        var testDescription: String { rawValue }
    }

    @Test("a store fault is 500 with detail \"internal server error\" and no internal text", arguments: Failure.allCases)
    func fault(_ failure: Failure) async throws {
        let store = MockStore()
        let error: any Error = failure == .createUserSwiftError ? SecretError() : Self.databaseFailure
        let q = store.querier
        switch failure {
        case .createUserDatabase, .createUserSwiftError: store.createUserTxHandler = { _ in throw error }
        case .loginGetUser: q.getUserHandler = { _ in throw error }
        case .loginCreateSession:
            // A real hash of the fixture password at cost 4, so the login gets as far as the session.
            let hash = try await PasswordHasher(cost: 4).hash(BankAPIHarness.password)
            q.getUserHandler = { name in
                var user = Self.user(name); user.hashedPassword = hash; return user
            }
            q.createSessionHandler = { _ in throw error }
        case .renewGetSession: q.getSessionHandler = { _ in throw error }
        case .updateUser:
            q.getUserHandler = { name in Self.user(name) }
            q.updateUserHandler = { _ in throw error }
        case .verifyEmail: store.verifyEmailTxHandler = { _, _ in throw error }
        case .createAccount: q.createAccountHandler = { _, _, _ in throw error }
        case .getAccount: q.getAccountHandler = { _ in throw error }
        case .listAccounts: q.listAccountsHandler = { _, _, _ in throw error }
        case .transferLockAccounts: store.transferTxAccountsHandler = { _ in throw error }
        case .transferTx:
            store.transferTxAccountsHandler = { _ in Self.lockedAccounts }
            store.transferTxHandler = { _ in throw error }
        }

        try await BankAPIHarness.withStore(store) { harness, client in
            let token = try await harness.token("ann")
            let response: TestResponse
            switch failure {
            case .createUserDatabase, .createUserSwiftError:
                response = try await client.send(.post, "/users", json: UserRoutesTests.createBody())
            case .loginGetUser, .loginCreateSession:
                response = try await client.send(
                    .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]))
            case .renewGetSession:
                let refresh = try await harness.tokenMaker.createToken(username: "ann", role: "depositor", duration: .seconds(60))
                response = try await client.send(.post, "/tokens/renew_access", json: APIClient.json(["refresh_token": refresh.token]))
            case .updateUser:
                response = try await client.send(.patch, "/users/ann", json: #"{"full_name":"Ann Smith"}"#, token: token)
            case .verifyEmail:
                response = try await client.send(.get, "/verify_email?email_id=1&secret_code=\(String(repeating: "a", count: 32))")
            case .createAccount:
                response = try await client.send(.post, "/accounts", json: #"{"currency":"USD"}"#, token: token)
            case .getAccount:
                response = try await client.send(.get, "/accounts/1", token: token)
            case .listAccounts:
                response = try await client.send(.get, "/accounts?page_id=1&page_size=5", token: token)
            case .transferLockAccounts, .transferTx:
                response = try await client.send(
                    .post, "/transfers", json: #"{"from_account_id":1,"to_account_id":2,"amount":5,"currency":"USD"}"#, token: token)
            }
            #expect(response.status == .internalServerError)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.detail == "internal server error")
            #expect(!response.text.contains(Self.secret) && !response.text.contains("XX000") && !response.text.contains("db.internal"))
            // The cause is in the log, for the operator.
            #expect(harness.logRecorder.records.contains { $0.fullText.contains(Self.secret) })
        }
    }

    @Test("every StoreError maps to its status in one place")
    func mapping() {
        let cases: [(StoreError, HTTPResponse.Status)] = [
            (.notFound, .notFound),
            (.duplicate(constraint: "users_pkey"), .conflict),
            (.duplicate(constraint: "users_email_key"), .conflict),
            (.duplicate(constraint: "owner_currency_key"), .conflict),
            (.foreignKeyViolation(constraint: "accounts_owner_fkey"), .conflict),
            (.insufficientFunds, .unprocessableContent),
            (.currencyMismatch, .unprocessableContent),
            (.invalidAmount, .badRequest),
            (.sameAccount, .unprocessableContent),
            (.invalidVerificationCode, .notFound),
            (.transactionConflict, .serviceUnavailable),
            (Self.databaseFailure, .internalServerError),
        ]
        for (error, status) in cases {
            #expect(error.apiError.status == status, "\(error)")
        }
        #expect(StoreError.transactionConflict.apiError.headers[.retryAfter] == "1")
        #expect(Self.databaseFailure.apiError == .internalServerError)
    }

    @Test(
        "POST /transfers: transferTx's own verdicts reach the client once the route's checks pass",
        arguments: [
            (StoreError.insufficientFunds, HTTPResponse.Status.unprocessableContent, "insufficient funds"),
            (.currencyMismatch, .unprocessableContent, "the accounts hold different currencies"),
            (.notFound, .notFound, "the requested resource does not exist"),
            (.transactionConflict, .serviceUnavailable, "the database is busy, try again"),
        ])
    func transferVerdicts(error: StoreError, status: HTTPResponse.Status, detail: String) async throws {
        let store = MockStore()
        store.transferTxAccountsHandler = { _ in Self.lockedAccounts }
        store.transferTxHandler = { _ in throw error }
        try await BankAPIHarness.withStore(store) { harness, client in
            let response = try await client.send(
                .post, "/transfers", json: #"{"from_account_id":1,"to_account_id":2,"amount":5,"currency":"USD"}"#,
                token: try await harness.token("ann"))
            #expect(response.status == status)
            #expect(response.detail == detail)
            if status == .serviceUnavailable { #expect(response.headers[.retryAfter] == "1") }
            #expect(store.transactionCalls == [.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 5))])
        }
    }

    @Test("login with a MockStore user: the response has the user without the hash")
    func loginWithoutHash() async throws {
        let store = MockStore()
        let hash = try await PasswordHasher(cost: 4).hash(BankAPIHarness.password)
        store.querier.getUserHandler = { name in
            var user = Self.user(name); user.hashedPassword = hash; return user
        }
        store.querier.createSessionHandler = { params in
            Session(
                id: params.id, username: params.username, refreshToken: params.refreshToken, userAgent: params.userAgent,
                clientIP: params.clientIP, isBlocked: false, expiresAt: params.expiresAt, createdAt: Date())
        }
        try await BankAPIHarness.withStore(store) { _, client in
            let response = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]))
            #expect(response.status == .ok)
            #expect(!response.text.contains(hash))
        }
    }
}
