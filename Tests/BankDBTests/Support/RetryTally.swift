import BankDB
import Foundation

/// Counts `SQLStore.onRetry` reports by reason; safe to call from concurrent transactions.
final class RetryTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [TransactionRetry.Reason: Int] = [:]
    private var attempts: [Int] = []

    func record(_ retry: TransactionRetry) {
        lock.lock()
        defer { lock.unlock() }
        counts[retry.reason, default: 0] += 1
        attempts.append(retry.failedAttempt)
    }

    func count(_ reason: TransactionRetry.Reason) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[reason, default: 0]
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.values.reduce(0, +)
    }

    /// The highest attempt number that failed and was retried.
    var deepestAttempt: Int {
        lock.lock()
        defer { lock.unlock() }
        return attempts.max() ?? 0
    }
}
