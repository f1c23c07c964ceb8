import Foundation

/// A `Store` for tests of the code above the data layer (HTTP handlers): query methods go to the
/// generated `MockQuerier` (set its `…Handler` closures, read its `calls`), the three transactions
/// to the `…Handler` closures here. An unset handler throws `MockQuerierError`. Thread-safe.
///
/// ```swift
/// let store = MockStore()
/// store.transferTxHandler = { _ in throw StoreError.insufficientFunds }
/// store.querier.getAccountHandler = { id in Account(id: id, owner: "ann", balance: 5, currency: "USD", createdAt: .now) }
/// // … call the handler under test with `store`, then:
/// #expect(store.transactionCalls == [.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 10))])
/// ```
public final class MockStore: Store, QuerierForwarding, @unchecked Sendable {
    /// One recorded transaction call with its arguments (`createUserTx` without its closure).
    public enum TransactionCall: Sendable, Hashable {
        case transferTx(TransferTxParams)
        case createUserTx(username: String, hashedPassword: String, fullName: String, email: String)
        case verifyEmailTx(emailID: Int64, secretCode: String)
    }

    /// Answers every `Querier` method and records those calls.
    public let querier: MockQuerier

    private let lock = NSLock()
    private var recordedTransactionCalls: [TransactionCall] = []
    private var storedTransferTxHandler: (@Sendable (TransferTxParams) async throws -> TransferTxResult)?
    private var storedTransferTxAccountsHandler: (@Sendable (TransferTxParams) async throws -> TransferAccounts)?
    private var storedCreateUserTxHandler: (@Sendable (CreateUserTxParams) async throws -> CreateUserTxResult)?
    private var storedVerifyEmailTxHandler: (@Sendable (Int64, String) async throws -> VerifyEmailTxResult)?

    public init(querier: MockQuerier = MockQuerier()) {
        self.querier = querier
    }

    /// The transaction calls received so far, in order.
    public var transactionCalls: [TransactionCall] {
        withLock { recordedTransactionCalls }
    }

    /// Answers `transferTx`; unset, it throws `MockQuerierError`.
    public var transferTxHandler: (@Sendable (TransferTxParams) async throws -> TransferTxResult)? {
        get { withLock { storedTransferTxHandler } }
        set { withLock { storedTransferTxHandler = newValue } }
    }

    /// The accounts `transferTx` hands to its `verify` closure, as if read under their locks; unset,
    /// `verify` is not called.
    public var transferTxAccountsHandler: (@Sendable (TransferTxParams) async throws -> TransferAccounts)? {
        get { withLock { storedTransferTxAccountsHandler } }
        set { withLock { storedTransferTxAccountsHandler = newValue } }
    }

    /// Answers `createUserTx`; it receives the params, so it can call `afterCreate` like the real store does.
    public var createUserTxHandler: (@Sendable (CreateUserTxParams) async throws -> CreateUserTxResult)? {
        get { withLock { storedCreateUserTxHandler } }
        set { withLock { storedCreateUserTxHandler = newValue } }
    }

    /// Answers `verifyEmailTx(emailID:secretCode:)`; unset, it throws `MockQuerierError`.
    public var verifyEmailTxHandler: (@Sendable (Int64, String) async throws -> VerifyEmailTxResult)? {
        get { withLock { storedVerifyEmailTxHandler } }
        set { withLock { storedVerifyEmailTxHandler = newValue } }
    }

    public func forward<T>(_ call: (MockQuerier) async throws -> T) async throws -> T {
        try await call(querier)
    }

    public func transferTx(
        _ params: TransferTxParams, verify: @escaping @Sendable (TransferAccounts) throws -> Void
    ) async throws -> TransferTxResult {
        let (accountsHandler, handler) = withLock {
            recordedTransactionCalls.append(.transferTx(params))
            return (storedTransferTxAccountsHandler, storedTransferTxHandler)
        }
        if let accountsHandler {
            try verify(try await accountsHandler(params))
        }
        guard let handler else { throw MockQuerierError(method: "transferTx") }
        return try await handler(params)
    }

    public func createUserTx(_ params: CreateUserTxParams) async throws -> CreateUserTxResult {
        let handler = withLock {
            recordedTransactionCalls.append(
                .createUserTx(
                    username: params.username, hashedPassword: params.hashedPassword, fullName: params.fullName, email: params.email))
            return storedCreateUserTxHandler
        }
        guard let handler else { throw MockQuerierError(method: "createUserTx") }
        return try await handler(params)
    }

    public func verifyEmailTx(emailID: Int64, secretCode: String) async throws -> VerifyEmailTxResult {
        let handler = withLock {
            recordedTransactionCalls.append(.verifyEmailTx(emailID: emailID, secretCode: secretCode))
            return storedVerifyEmailTxHandler
        }
        guard let handler else { throw MockQuerierError(method: "verifyEmailTx") }
        return try await handler(emailID, secretCode)
    }

    private func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
