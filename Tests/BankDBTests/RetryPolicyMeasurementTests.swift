import BankDB
import Foundation
import Testing

/// Measures retry policies under the stress test's SERIALIZABLE load (32 workers, 2,016 random
/// transfers on 10 accounts): how many transfers end in `transactionConflict`, how many retries
/// it took, and the throughput. It chose `RetryPolicy.default`; run it again when the policy or
/// the transfer's statements change:
///
///     BANKDB_MEASURE_RETRY=1 swift test --filter RetryPolicyMeasurementTests
///
/// Off by default: it takes a few minutes and asserts nothing but that the books balance.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["BANKDB_MEASURE_RETRY"] == "1"))
struct RetryPolicyMeasurementTests {
    static let candidates: [(String, RetryPolicy)] = [
        ("10 attempts, 5 ms..500 ms (old default)", RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(5), maxDelay: .milliseconds(500))),
        ("30 attempts, 5 ms..500 ms", RetryPolicy(maxAttempts: 30, baseDelay: .milliseconds(5), maxDelay: .milliseconds(500))),
        ("100 attempts, 5 ms..500 ms", RetryPolicy(maxAttempts: 100, baseDelay: .milliseconds(5), maxDelay: .milliseconds(500))),
        ("30 attempts, 1 ms..100 ms", RetryPolicy(maxAttempts: 30, baseDelay: .milliseconds(1), maxDelay: .milliseconds(100))),
        ("30 attempts, 2 ms..50 ms", RetryPolicy(maxAttempts: 30, baseDelay: .milliseconds(2), maxDelay: .milliseconds(50))),
        ("30 attempts, 10 ms..1 s", RetryPolicy(maxAttempts: 30, baseDelay: .milliseconds(10), maxDelay: .seconds(1))),
        ("current default (100 attempts, 5 ms..500 ms)", .default),
    ]

    @Test(arguments: 0..<candidates.count)
    func measure(candidate: Int) async throws {
        let (name, policy) = Self.candidates[candidate]
        for isolation in [IsolationLevel.serializable, .readCommitted] {
            try await BankTestDatabase.with(maxConnections: TransferTxStressTests.workers + 2) { db in
                let retries = RetryTally()
                let store = db.store(isolation: isolation, retryPolicy: policy) { retries.record($0) }
                let accounts = try await TransferTxStressTests.makeAccounts(store)
                let totals = try await TransferTxStressTests.totalsByCurrency(db)
                let (tallies, wallTime) = try await TransferTxStressTests.run(store, accounts: accounts)
                print(TransferTxStressTests.report("retry policy \(name) [\(isolation)]", tallies, retries: retries, wallTime: wallTime))
                #expect(try await TransferTxStressTests.totalsByCurrency(db) == totals)
            }
        }
    }
}
