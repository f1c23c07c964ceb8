import BankDB
import Foundation
import PostgresNIO
import Testing

/// Thousands of random transfers from many workers at once, including ones the rules must refuse,
/// followed by a full audit of the books. The figures are printed for the project's notes.
@Suite struct TransferTxStressTests {
    static let workers = 32
    /// 63 (2,016 in all) in `make test`; `make stress` sets BANKDB_STRESS_TRANSFERS_PER_WORKER to
    /// 2,000 per worker (64,000 in all).
    static let transfersPerWorker = ProcessInfo.processInfo.environment["BANKDB_STRESS_TRANSFERS_PER_WORKER"].flatMap { Int($0) } ?? 63
    static let accountCount = 10

    @Test(arguments: [IsolationLevel.readCommitted, .serializable])
    func randomConcurrentTransfersKeepTheBooksBalanced(isolation: IsolationLevel) async throws {
        try await BankTestDatabase.with(maxConnections: Self.workers + 2) { db in
            let retries = RetryTally()
            // The store's default retry policy at both levels: under SERIALIZABLE 32 workers on 10
            // rows conflict constantly (a transfer that waits for a row lock fails with 40001 once
            // the holder commits), and no transfer may end in `transactionConflict` all the same.
            let store = db.store(isolation: isolation) { retries.record($0) }
            let accounts = try await Self.makeAccounts(store)
            let initialTotals = try await Self.totalsByCurrency(db)

            let (tallies, wallTime) = try await Self.run(store, accounts: accounts)
            print(Self.report("transferTx stress [\(isolation)]", tallies, retries: retries, wallTime: wallTime))

            #expect(tallies.attempted == Self.workers * Self.transfersPerWorker)
            #expect(
                tallies.unexpected.isEmpty,
                "no conflict, deadlock or other database error may reach the caller: \(tallies.unexpected.prefix(5))")
            #expect(tallies.succeeded > 0)
            for reason in ["insufficientFunds", "sameAccount", "currencyMismatch", "invalidAmount"] {
                #expect(tallies.rejected[reason, default: 0] > 0, "the random mix should exercise \(reason)")
            }
            if isolation == .readCommitted {
                #expect(retries.count(.deadlock) == 0, "lower id first: no lock cycles")
            }

            // Rejected transfers left nothing behind: exactly one transfer row and two entries per success.
            let transferCount = try await db.int64("SELECT count(*) FROM transfers")
            #expect(transferCount == Int64(tallies.succeeded))
            #expect(try await db.int64("SELECT count(*) FROM entries") == 2 * transferCount)
            // Money is neither created nor destroyed, per currency.
            #expect(try await Self.totalsByCurrency(db) == initialTotals)
            // Every balance is its opening balance plus its entries, the entries agree with the
            // transfers, and nobody is overdrawn.
            #expect(try await db.int64("SELECT count(*) FROM accounts WHERE balance < 0") == 0)
            for account in accounts {
                let entries = try await db.int64("SELECT coalesce(sum(amount), 0)::bigint FROM entries WHERE account_id = \(account.id)")
                let received = try await db.int64(
                    "SELECT coalesce(sum(amount), 0)::bigint FROM transfers WHERE to_account_id = \(account.id)")
                let sent = try await db.int64("SELECT coalesce(sum(amount), 0)::bigint FROM transfers WHERE from_account_id = \(account.id)")
                let balance = try #require(try await store.getAccount(id: account.id)).balance
                #expect(balance == account.balance + entries)
                #expect(entries == received - sent)
            }
        }
    }

    /// Every worker's share at once; what they saw, and the wall time.
    static func run(_ store: SQLStore, accounts: [Account]) async throws -> (Tally, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
            for _ in 0..<Self.workers {
                group.addTask { try await Self.work(store, accounts: accounts) }
            }
            return try await group.reduce(into: Tally()) { $0.merge($1) }
        }
        return (tallies, clock.now - start)
    }

    /// One line for the project's notes: outcomes, retries, throughput.
    static func report(_ title: String, _ tallies: Tally, retries: RetryTally, wallTime: Duration) -> String {
        let seconds = Double(wallTime.components.seconds) + Double(wallTime.components.attoseconds) / 1e18
        let conflicts = tallies.unexpected.filter { $0 == .transactionConflict }.count
        return """
            \(title): workers \(workers), accounts \(accountCount), \
            attempted \(tallies.attempted), succeeded \(tallies.succeeded), \
            rejected \(tallies.rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")), \
            transactionConflict \(conflicts), other unexpected errors \(tallies.unexpected.count - conflicts), \
            retries \(retries.total) (serialization \(retries.count(.serializationFailure)), deadlock \(retries.count(.deadlock)), \
            most attempts of one transfer \(retries.deepestAttempt + 1)), \
            wall time \(String(format: "%.2f s", seconds)), \(String(format: "%.0f", Double(tallies.attempted) / seconds)) transfers/s
            """
    }

    /// Ten accounts over four owners and three currencies, with random opening balances.
    static func makeAccounts(_ store: SQLStore) async throws -> [Account] {
        var accounts: [Account] = []
        while accounts.count < accountCount {
            let owner = try await store.makeUser()
            for currency in RandomData.currencies where accounts.count < accountCount {
                accounts.append(try await store.makeAccount(owner: owner.username, balance: Int64.random(in: 0...500), currency: currency))
            }
        }
        return accounts
    }

    /// One worker's share: mostly pairs in one currency, 5% the same account, 15% any pair (most of
    /// them cross-currency); random amounts, sometimes more than the balance, 2% not positive.
    private static func work(_ store: SQLStore, accounts: [Account]) async throws -> Tally {
        var tally = Tally()
        for _ in 0..<transfersPerWorker {
            let from = accounts.randomElement()!
            let to: Account
            switch Int.random(in: 0..<100) {
            case 0..<5: to = from  // sameAccount
            case 5..<20: to = accounts.randomElement()!  // mostly another currency
            default: to = accounts.filter { $0.currency == from.currency && $0.id != from.id }.randomElement()!
            }
            let amount = Int.random(in: 0..<50) == 0 ? Int64.random(in: -5...0) : Int64.random(in: 1...200)
            tally.attempted += 1
            do {
                _ = try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: amount))
                tally.succeeded += 1
            } catch let error as StoreError {
                switch error {
                case .insufficientFunds, .sameAccount, .currencyMismatch, .invalidAmount:
                    tally.rejected["\(error.caseName)", default: 0] += 1
                default:
                    tally.unexpected.append(error)
                }
            }
        }
        return tally
    }

    static func totalsByCurrency(_ db: BankTestDatabase) async throws -> [String: Int64] {
        var totals: [String: Int64] = [:]
        for row in try await db.execute("SELECT currency, sum(balance)::bigint FROM accounts GROUP BY currency") {
            let (currency, total) = try row.decode((String, Int64).self)
            totals[currency] = total
        }
        return totals
    }
}

/// What a worker saw.
struct Tally: Sendable {
    var attempted = 0
    var succeeded = 0
    var rejected: [String: Int] = [:]
    var unexpected: [StoreError] = []

    mutating func merge(_ other: Tally) {
        attempted += other.attempted
        succeeded += other.succeeded
        rejected.merge(other.rejected, uniquingKeysWith: +)
        unexpected += other.unexpected
    }
}

extension StoreError {
    /// The case without its payload, for tallies.
    fileprivate var caseName: String {
        switch self {
        case .notFound: "notFound"
        case .duplicate: "duplicate"
        case .foreignKeyViolation: "foreignKeyViolation"
        case .insufficientFunds: "insufficientFunds"
        case .currencyMismatch: "currencyMismatch"
        case .invalidAmount: "invalidAmount"
        case .sameAccount: "sameAccount"
        case .invalidVerificationCode: "invalidVerificationCode"
        case .transactionConflict: "transactionConflict"
        case .database: "database"
        }
    }
}
