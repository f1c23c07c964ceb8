/// What went wrong in a `Store` call, in terms a caller can switch on without knowing SQLSTATEs.
///
/// `SQLStore` turns every error of the database layer into a `StoreError` (errors thrown by your
/// own closures, and cancellation, pass through unchanged). The descriptions never contain SQL or
/// values, so they are safe to log or to show.
///
/// ```swift
/// do {
///     _ = try await store.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 10))
/// } catch StoreError.insufficientFunds {
///     // 422
/// } catch StoreError.duplicate(let constraint) where constraint == "owner_currency_key" {
///     // 409
/// }
/// ```
public enum StoreError: Error, Sendable, Equatable {
    /// A row the operation needs does not exist (an account of a transfer, a user).
    case notFound
    /// A unique constraint rejected the write (SQLSTATE 23505): `users_pkey` (the username),
    /// `users_email_key`, `owner_currency_key` (a second account in a currency).
    case duplicate(constraint: String)
    /// A foreign key rejected the write (SQLSTATE 23503), e.g. `accounts_owner_fkey` for an account
    /// whose owner does not exist.
    case foreignKeyViolation(constraint: String)
    /// The debit would take the balance below zero.
    case insufficientFunds
    /// The two accounts of a transfer hold different currencies.
    case currencyMismatch
    /// A transfer amount that is zero or negative.
    case invalidAmount
    /// A transfer from an account to itself.
    case sameAccount
    /// The email verification code is wrong, already used or expired.
    case invalidVerificationCode
    /// The transaction kept failing on serialization failures or deadlocks until the retry bound;
    /// nothing was written, and trying again later may succeed.
    case transactionConflict
    /// Any other database error: a constraint without its own case, a lost connection, a decoding failure.
    case database(DatabaseFailure)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound: "not found"
        case .duplicate(let constraint): "duplicate value (\(constraint))"
        case .foreignKeyViolation(let constraint): "missing referenced row (\(constraint))"
        case .insufficientFunds: "insufficient funds"
        case .currencyMismatch: "currency mismatch"
        case .invalidAmount: "amount must be positive"
        case .sameAccount: "cannot transfer to the same account"
        case .invalidVerificationCode: "invalid, used or expired verification code"
        case .transactionConflict: "transaction conflicted with concurrent ones; try again"
        case .database(let failure): failure.description
        }
    }
}
