/// One rerun of a `SQLStore` transaction, reported to `SQLStore.onRetry` before the wait.
///
/// ```swift
/// let store = SQLStore(client: client) { retry in
///     logger.debug("retrying transaction", metadata: ["reason": "\(retry.reason)", "attempt": "\(retry.failedAttempt)"])
/// }
/// ```
public struct TransactionRetry: Sendable, Hashable {
    /// Why the transaction is rerun.
    public enum Reason: Sendable, Hashable, CaseIterable {
        /// SQLSTATE 40001: under REPEATABLE READ or SERIALIZABLE a concurrent transaction won.
        case serializationFailure
        /// SQLSTATE 40P01: PostgreSQL broke a lock cycle by aborting this transaction.
        case deadlock
    }

    public var reason: Reason
    /// The attempt that failed, 1 for the first.
    public var failedAttempt: Int
    /// How long the store waits before the next attempt.
    public var delay: Duration

    public init(reason: Reason, failedAttempt: Int, delay: Duration) {
        self.reason = reason
        self.failedAttempt = failedAttempt
        self.delay = delay
    }
}
