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
    /// Throws `StoreError.invalidAmount` (amount ≤ 0), `.sameAccount`, `.notFound` (either account),
    /// `.currencyMismatch`, `.insufficientFunds` (the source balance would drop below zero).
    func transferTx(_ params: TransferTxParams) async throws -> TransferTxResult

    /// Creates a user and a verify-email row with a fresh random code, then runs `params.afterCreate`,
    /// all in one transaction.
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
