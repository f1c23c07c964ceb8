/// The bank's data layer: every generated query (`Querier`) plus the operations that must be one
/// transaction. `SQLStore` runs them on PostgreSQL; `MockStore` lets handler tests force any outcome.
///
/// Errors are `StoreError`s, so a caller switches on `.insufficientFunds`, `.duplicate(constraint:)`, …
/// instead of reading SQLSTATEs.
///
/// ```swift
/// func transfer(_ store: any Store, from: Int64, to: Int64, amount: Int64) async throws -> Int64 {
///     let result = try await store.transferTx(TransferTxParams(fromAccountID: from, toAccountID: to, amount: amount))
///     return result.fromAccount.balance
/// }
/// ```
public protocol Store: Querier {
    /// Moves money between two accounts of the same currency: one transfer row, a negative entry on
    /// the source, a positive one on the destination, and both balances, all or nothing.
    ///
    /// `verify` runs inside the transaction on both accounts as locked (nil for an id that does not
    /// exist), before the bank's own rules: a caller's checks — who owns the source, which currency
    /// the request named — hold when the money moves, without reading the accounts beforehand.
    /// What `verify` throws rolls back and reaches the caller unchanged.
    ///
    /// Throws `StoreError.invalidAmount` (amount ≤ 0), `.sameAccount`, `.notFound` (either account),
    /// `.currencyMismatch`, `.insufficientFunds` (the source balance would drop below zero).
    func transferTx(_ params: TransferTxParams, verify: @escaping @Sendable (TransferAccounts) throws -> Void)
        async throws -> TransferTxResult

    /// Creates a user, a verify-email row with a fresh random code and the job that mails it
    /// (``VerifyEmailJob``), then runs `params.afterCreate`, all in one transaction.
    ///
    /// Throws `StoreError.duplicate(constraint: "users_pkey")` for a taken username,
    /// `.duplicate(constraint: "users_email_key")` for a taken email, or what `afterCreate` threw.
    func createUserTx(_ params: CreateUserTxParams) async throws -> CreateUserTxResult

    /// Marks the verification code used and the user's email verified, both or neither.
    ///
    /// Throws `StoreError.invalidVerificationCode` when the id and code do not match an unused,
    /// unexpired code.
    func verifyEmailTx(emailID: Int64, secretCode: String) async throws -> VerifyEmailTxResult
}

extension Store {
    /// `transferTx(_:verify:)` with the bank's own rules only.
    public func transferTx(_ params: TransferTxParams) async throws -> TransferTxResult {
        try await transferTx(params, verify: { _ in })
    }
}
