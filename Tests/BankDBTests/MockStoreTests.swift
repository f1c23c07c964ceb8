import BankDB
import Foundation
import Testing

/// What the server's handler tests do with `MockStore`: force an outcome, call the handler, check
/// the status and the calls. `TransferHandler` stands in for the server's route.
@Suite struct MockStoreTests {
    /// A minimal transfer handler written only against `Store`, mapping errors to HTTP statuses
    /// the way the server does.
    struct TransferHandler {
        let store: any Store

        func handle(from: Int64, to: Int64, amount: Int64, owner: String) async -> Int {
            do {
                guard let account = try await store.getAccount(id: from) else { return 404 }
                guard account.owner == owner else { return 403 }
                _ = try await store.transferTx(TransferTxParams(fromAccountID: from, toAccountID: to, amount: amount))
                return 200
            } catch let error as StoreError {
                switch error {
                case .notFound: return 404
                case .duplicate: return 409
                case .insufficientFunds, .currencyMismatch: return 422
                case .invalidAmount, .sameAccount: return 400
                default: return 500
                }
            } catch {
                return 500
            }
        }
    }

    private static func account(id: Int64, owner: String = "ann") -> Account {
        Account(id: id, owner: owner, balance: 10, currency: "USD", createdAt: Date())
    }

    @Test(arguments: [
        (StoreError.insufficientFunds, 422), (.currencyMismatch, 422), (.notFound, 404), (.sameAccount, 400),
        (.transactionConflict, 500), (.database(DatabaseFailure(sqlState: "08006", underlying: CancellationError())), 500),
    ])
    func forcedTransferErrorsComeBackAsThrown(error: StoreError, status: Int) async throws {
        let store = MockStore()
        store.querier.getAccountHandler = { Self.account(id: $0) }
        store.transferTxHandler = { _ in throw error }

        #expect(await TransferHandler(store: store).handle(from: 1, to: 2, amount: 5, owner: "ann") == status)
        #expect(store.querier.calls == [.getAccount(id: 1)])
        #expect(store.transactionCalls == [.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 5))])
    }

    @Test func forcedQueryErrorsComeBackAsThrown() async throws {
        let store = MockStore()
        store.querier.getAccountHandler = { _ in throw StoreError.database(DatabaseFailure(sqlState: nil, underlying: CancellationError())) }
        #expect(await TransferHandler(store: store).handle(from: 1, to: 2, amount: 5, owner: "ann") == 500)
        #expect(store.transactionCalls.isEmpty)

        await #expect(throws: StoreError.duplicate(constraint: "owner_currency_key")) {
            store.querier.createAccountHandler = { _, _, _ in throw StoreError.duplicate(constraint: "owner_currency_key") }
            _ = try await store.createAccount(owner: "ann", balance: 0, currency: "USD")
        }
    }

    @Test func theHappyPathAndTheGuardsBeforeTheTransaction() async throws {
        let store = MockStore()
        store.querier.getAccountHandler = { id in id == 1 ? Self.account(id: 1) : nil }
        store.transferTxHandler = { params in
            let transfer = Transfer(
                id: 9, fromAccountID: params.fromAccountID, toAccountID: params.toAccountID, amount: params.amount, createdAt: Date())
            let entry = Entry(id: 1, accountID: params.fromAccountID, amount: -params.amount, createdAt: Date())
            return TransferTxResult(
                transfer: transfer, fromEntry: entry, toEntry: entry, fromAccount: Self.account(id: 1), toAccount: Self.account(id: 2))
        }
        let handler = TransferHandler(store: store)
        #expect(await handler.handle(from: 1, to: 2, amount: 5, owner: "ann") == 200)
        #expect(await handler.handle(from: 1, to: 2, amount: 5, owner: "bob") == 403)
        #expect(await handler.handle(from: 3, to: 2, amount: 5, owner: "ann") == 404)
        #expect(store.transactionCalls.count == 1)
    }

    @Test func unsetHandlersThrowAndTheOtherTransactionsAreForwarded() async throws {
        let store = MockStore()
        await #expect(throws: MockQuerierError.self) {
            _ = try await store.verifyEmailTx(emailID: 1, secretCode: "x")
        }
        await #expect(throws: MockQuerierError.self) {
            _ = try await store.getUser(username: "ann")
        }

        store.verifyEmailTxHandler = { _, _ in throw StoreError.invalidVerificationCode }
        await #expect(throws: StoreError.invalidVerificationCode) {
            _ = try await store.verifyEmailTx(emailID: 7, secretCode: "code")
        }
        store.createUserTxHandler = { _ in throw StoreError.duplicate(constraint: "users_pkey") }
        await #expect(throws: StoreError.duplicate(constraint: "users_pkey")) {
            _ = try await store.createUserTx(CreateUserTxParams(username: "ann", hashedPassword: "h", fullName: "Ann", email: "a@b.c"))
        }
        #expect(
            store.transactionCalls == [
                .verifyEmailTx(emailID: 1, secretCode: "x"), .verifyEmailTx(emailID: 7, secretCode: "code"),
                .createUserTx(username: "ann", hashedPassword: "h", fullName: "Ann", email: "a@b.c"),
            ])
    }
}
