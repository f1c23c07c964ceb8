/// How often and how patiently `SQLStore` reruns a transaction that failed with a serialization
/// failure (40001) or a deadlock (40P01).
///
/// The wait before attempt *n + 1* is drawn uniformly from zero up to
/// `min(maxDelay, baseDelay · 2^(n-1))` ("full jitter"), so transactions that collided once
/// spread out instead of colliding again in step.
///
/// ```swift
/// let store = SQLStore(client: client, retryPolicy: RetryPolicy(maxAttempts: 20, baseDelay: .milliseconds(2)))
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// The default bound on attempts of one transaction, the first one included.
    ///
    /// 100, measured under the heaviest contention the tests make (32 workers, 2,016 random
    /// transfers on 10 accounts at SERIALIZABLE, `RetryPolicyMeasurementTests`): with 10 attempts
    /// 2-7% of the transfers ended in `transactionConflict` (5-9% in earlier runs); with 30 none
    /// did, but the deepest transfer needed 25 to 30 attempts; with 100 none did, the deepest
    /// needed about 23 and the throughput was the best of the candidates (shorter or longer waits
    /// did no better). Under READ COMMITTED transfers wait on row locks and never rerun. A bound
    /// this high costs nothing when there is no conflict; a server bounds each request's wait.
    public static let defaultMaxAttempts = 100

    /// `defaultMaxAttempts` attempts, waits from 5 ms doubling up to 500 ms.
    public static let `default` = RetryPolicy()

    /// Attempts of one transaction, the first one included; at least 1.
    public var maxAttempts: Int
    /// The upper bound of the first wait.
    public var baseDelay: Duration
    /// The upper bound of any wait.
    public var maxDelay: Duration

    public init(
        maxAttempts: Int = RetryPolicy.defaultMaxAttempts,
        baseDelay: Duration = .milliseconds(5),
        maxDelay: Duration = .milliseconds(500)
    ) {
        precondition(maxAttempts >= 1, "a transaction needs at least one attempt")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// A random wait after the given failed attempt (1-based).
    func delay(afterAttempt attempt: Int) -> Duration {
        // Cap the exponent so the doubling cannot overflow before the maximum applies.
        let ceiling = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        let nanoseconds = ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds))
    }
}
