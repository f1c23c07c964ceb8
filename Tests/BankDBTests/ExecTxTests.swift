import BankDB
import Foundation
import PostgresNIO
import Testing

/// `SQLStore.execTx`: isolation, rollback, and which failures are retried how often, with genuine
/// PostgreSQL errors produced by a second connection.
@Suite struct ExecTxTests {
    private static let fastRetries = RetryPolicy(maxAttempts: RetryPolicy.defaultMaxAttempts, baseDelay: .milliseconds(1))

    @Test(arguments: IsolationLevel.allCases)
    func theTransactionRunsAtTheRequestedIsolationLevel(isolation: IsolationLevel) async throws {
        try await BankTestDatabase.with { db in
            let level = try await db.store().execTx(isolation: isolation) { q in
                let rows = try await Self.connection(q).query("SHOW transaction_isolation", logger: BankTestDatabase.logger).collect()
                return try rows[0].decode(String.self)
            }
            let expected: [IsolationLevel: String] = [
                .readCommitted: "read committed", .repeatableRead: "repeatable read", .serializable: "serializable",
            ]
            #expect(level == expected[isolation])
        }
    }

    @Test func aThrowingBodyRollsEverythingBack() async throws {
        struct Boom: Error {}
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount(balance: 10)
            await #expect(throws: Boom.self) {
                try await store.execTx { q in
                    _ = try await q.addAccountBalance(amount: 5, id: account.id)
                    _ = try await q.createEntry(accountID: account.id, amount: 5)
                    throw Boom()
                }
            }
            #expect(try await store.getAccount(id: account.id) == account)
            #expect(try await db.int64("SELECT count(*) FROM entries") == 0)
        }
    }

    /// The body swallows a failed statement and returns: PostgreSQL answers COMMIT with ROLLBACK,
    /// which must surface as an error rather than as success.
    @Test func aCommitThatRolledBackIsAnError() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let existing = try await store.makeUser()
            let newcomer = RandomData.username()
            await #expect(throws: StoreError.database(DatabaseFailure(sqlState: "25P02", underlying: CancellationError()))) {
                try await store.execTx { q in
                    _ = try await q.makeUser(username: newcomer)
                    _ = try? await q.makeUser(username: existing.username)  // 23505, ignored
                }
            }
            #expect(try await store.getUser(username: newcomer) == nil)
        }
    }

    /// The same through the raw connection: a statement the generated queries do not cover fails,
    /// the body swallows it; COMMIT's outcome is read, so the lost work is an error.
    @Test func aSwallowedFailureOnTheRawConnectionIsAnErrorToo() async throws {
        try await BankTestDatabase.with { db async throws in
            let store = db.store()
            let newcomer = RandomData.username()
            await #expect(throws: StoreError.database(DatabaseFailure(sqlState: "25P02", underlying: CancellationError()))) {
                try await store.execTx { q in
                    _ = try await q.makeUser(username: newcomer)
                    let connection = try Self.connection(q)
                    _ = try? await connection.query("SELECT 1 / 0", logger: BankTestDatabase.logger).collect()
                }
            }
            #expect(try await store.getUser(username: newcomer) == nil)
        }
    }

    /// A real 40001: the body reads (taking its snapshot), another connection commits a change to
    /// the row, the body writes it. The second attempt runs without interference and succeeds.
    @Test(arguments: [IsolationLevel.repeatableRead, .serializable])
    func aSerializationFailureIsRetriedAndSucceeds(isolation: IsolationLevel) async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store(retryPolicy: Self.fastRetries) { retries.record($0) }
            let account = try await store.makeAccount(balance: 100)
            let attempts = Counter()

            let balance = try await store.execTx(isolation: isolation) { q in
                attempts.add()
                _ = try await q.getAccount(id: account.id)
                if attempts.value == 1 {
                    _ = try await db.queries.addAccountBalance(amount: 1, id: account.id)  // another connection, committed
                }
                return try #require(try await q.addAccountBalance(amount: 10, id: account.id)).balance
            }

            #expect(attempts.value == 2)
            #expect(retries.count(.serializationFailure) == 1)
            #expect(retries.total == 1)
            #expect(balance == 111)
            #expect(try await store.getAccount(id: account.id)?.balance == 111)
        }
    }

    /// A real 40001 that PostgreSQL raises only at COMMIT (write skew under SERIALIZABLE: two
    /// transactions each read both rows and write a different one; the second to commit is
    /// cancelled as the pivot "during commit attempt"). The whole body runs again.
    @Test func aSerializationFailureAtCommitIsRetried() async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store(retryPolicy: Self.fastRetries) { retries.record($0) }
            let a = try await store.makeAccount(balance: 0)
            let b = try await store.makeAccount(balance: 0)
            let other = try await PostgresConnection.connect(
                configuration: db.url.connectionConfiguration(), id: 99, logger: BankTestDatabase.logger)
            defer { Task { try? await other.close() } }
            @Sendable func otherRuns(_ sql: String) async throws {
                _ = try await other.query(PostgresQuery(unsafeSQL: sql), logger: BankTestDatabase.logger).collect()
            }
            let attempts = Counter()
            let completedBodies = Counter()

            try await store.execTx(isolation: .serializable) { q in
                attempts.add()
                let interfere = attempts.value == 1
                if interfere {
                    try await otherRuns("BEGIN ISOLATION LEVEL SERIALIZABLE")
                    try await otherRuns("SELECT sum(balance) FROM accounts WHERE id IN (\(a.id), \(b.id))")
                }
                _ = try await q.getAccount(id: a.id)
                _ = try await q.getAccount(id: b.id)
                if interfere {
                    try await otherRuns("UPDATE accounts SET balance = balance + 1 WHERE id = \(a.id)")
                }
                _ = try await q.addAccountBalance(amount: 1, id: b.id)
                if interfere {
                    try await otherRuns("COMMIT")
                }
                completedBodies.add()
            }

            // Both bodies ran to the end: the first attempt failed after its body, at COMMIT.
            #expect(attempts.value == 2)
            #expect(completedBodies.value == 2)
            #expect(retries.count(.serializationFailure) == 1)
            #expect(try await store.getAccount(id: a.id)?.balance == 1)
            #expect(try await store.getAccount(id: b.id)?.balance == 1)
        }
    }

    /// A real 40P01: two transactions lock two rows in opposite orders. PostgreSQL aborts one of
    /// them; it is rerun and both end up committed.
    @Test func aDeadlockIsRetriedAndBothTransactionsCommit() async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store(retryPolicy: Self.fastRetries) { retries.record($0) }
            let a = try await store.makeAccount(balance: 0)
            let b = try await store.makeAccount(balance: 0)
            let barrier = Barrier(parties: 2)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for (first, second) in [(a, b), (b, a)] {
                    group.addTask {
                        let attempts = Counter()
                        try await store.execTx { q in
                            attempts.add()
                            _ = try await q.addAccountBalance(amount: 1, id: first.id)
                            if attempts.value == 1 {
                                await barrier.arriveAndWait()  // both hold their first row now
                            }
                            _ = try await q.addAccountBalance(amount: 1, id: second.id)
                        }
                    }
                }
                try await group.waitForAll()
            }

            // At least one rerun; on a loaded machine PostgreSQL's deadlock check can fire on a
            // rerun too, and what matters is that every rerun ends in a commit.
            #expect(retries.count(.deadlock) >= 1)
            #expect(try await store.getAccount(id: a.id)?.balance == 2)
            #expect(try await store.getAccount(id: b.id)?.balance == 2)
        }
    }

    @Test func aUniqueViolationIsNotRetried() async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store { retries.record($0) }
            let user = try await store.makeUser()
            let attempts = Counter()
            await #expect(throws: StoreError.duplicate(constraint: "users_pkey")) {
                try await store.execTx(isolation: .serializable) { q in
                    attempts.add()
                    _ = try await q.makeUser(username: user.username)
                }
            }
            #expect(attempts.value == 1)
            #expect(retries.total == 0)
        }
    }

    @Test func aBusinessRuleErrorIsNotRetried() async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store { retries.record($0) }
            let attempts = Counter()
            await #expect(throws: StoreError.insufficientFunds) {
                try await store.execTx { _ in
                    attempts.add()
                    throw StoreError.insufficientFunds
                }
            }
            #expect(attempts.value == 1)
            #expect(retries.total == 0)
        }
    }

    /// Every attempt meets a genuine 40001; the body runs exactly `maxAttempts` times, then the
    /// caller gets `transactionConflict` and none of the transaction's writes.
    @Test(arguments: [1, 4])
    func theRetryBoundIsHonoured(maxAttempts: Int) async throws {
        try await BankTestDatabase.with { db in
            let retries = RetryTally()
            let store = db.store(retryPolicy: Self.fastRetries) { retries.record($0) }
            let account = try await store.makeAccount(balance: 100)
            let attempts = Counter()

            await #expect(throws: StoreError.transactionConflict) {
                try await store.execTx(isolation: .repeatableRead, maxAttempts: maxAttempts) { q in
                    attempts.add()
                    _ = try await q.getAccount(id: account.id)
                    _ = try await db.queries.addAccountBalance(amount: 1, id: account.id)
                    _ = try await q.addAccountBalance(amount: 10, id: account.id)
                }
            }

            #expect(attempts.value == maxAttempts)
            #expect(retries.count(.serializationFailure) == maxAttempts - 1)
            #expect(retries.deepestAttempt == maxAttempts - 1)
            // Only the interfering connection's increments are there.
            #expect(try await store.getAccount(id: account.id)?.balance == 100 + Int64(maxAttempts))
        }
    }

    /// The transaction's own connection, for statements the generated queries do not have.
    private static func connection(_ q: Queries) throws -> PostgresConnection {
        try #require((q.db as? TransactionConnection)?.connection)
    }
}
