import BankDB
import Foundation
import Testing

@Suite struct TransferTxTests {
    @Test func aTransferWritesTheTransferBothEntriesAndBothBalances() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let currency = RandomData.currency()
            let from = try await store.makeAccount(balance: Int64.random(in: 100...1_000), currency: currency)
            let to = try await store.makeAccount(balance: RandomData.money(), currency: currency)
            let amount = RandomData.amount()

            let result = try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: amount))

            #expect(result.transfer.fromAccountID == from.id)
            #expect(result.transfer.toAccountID == to.id)
            #expect(result.transfer.amount == amount)
            #expect(try await store.getTransfer(id: result.transfer.id) == result.transfer)
            #expect(result.fromEntry.accountID == from.id && result.fromEntry.amount == -amount)
            #expect(result.toEntry.accountID == to.id && result.toEntry.amount == amount)
            #expect(try await store.getEntry(id: result.fromEntry.id) == result.fromEntry)
            #expect(try await store.getEntry(id: result.toEntry.id) == result.toEntry)
            #expect(result.fromAccount.balance == from.balance - amount)
            #expect(result.toAccount.balance == to.balance + amount)
            #expect(try await store.getAccount(id: from.id) == result.fromAccount)
            #expect(try await store.getAccount(id: to.id) == result.toAccount)
        }
    }

    @Test func theWholeBalanceCanBeTransferred() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 40, currency: "EUR")
            let to = try await store.makeAccount(balance: 0, currency: "EUR")
            let result = try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: 40))
            #expect(result.fromAccount.balance == 0)
            #expect(result.toAccount.balance == 40)
        }
    }

    @Test(arguments: [Int64(0), -1, Int64.min])
    func aNonPositiveAmountIsInvalid(amount: Int64) async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 100, currency: "USD")
            let to = try await store.makeAccount(currency: "USD")
            await #expect(throws: StoreError.invalidAmount) {
                try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: amount))
            }
            try await expectNoTrace(db, accounts: [from, to])
        }
    }

    @Test func aTransferToTheSameAccountIsRefused() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount(balance: 100)
            await #expect(throws: StoreError.sameAccount) {
                try await store.transferTx(TransferTxParams(fromAccountID: account.id, toAccountID: account.id, amount: 1))
            }
            try await expectNoTrace(db, accounts: [account])
        }
    }

    @Test func aMissingAccountIsNotFound() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount(balance: 100)
            await #expect(throws: StoreError.notFound) {
                try await store.transferTx(TransferTxParams(fromAccountID: account.id, toAccountID: account.id + 1_000, amount: 1))
            }
            await #expect(throws: StoreError.notFound) {
                try await store.transferTx(TransferTxParams(fromAccountID: account.id + 1_000, toAccountID: account.id, amount: 1))
            }
            try await expectNoTrace(db, accounts: [account])
        }
    }

    @Test func differentCurrenciesAreAMismatch() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 100, currency: "USD")
            let to = try await store.makeAccount(balance: 100, currency: "CAD")
            await #expect(throws: StoreError.currencyMismatch) {
                try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: 1))
            }
            try await expectNoTrace(db, accounts: [from, to])
        }
    }

    /// The debit fails after the transfer and both entries were inserted: the rollback must take them all back.
    @Test(arguments: [false, true])
    func anOverdraftIsInsufficientFundsAndLeavesNoTrace(lowerIDPays: Bool) async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let first = try await store.makeAccount(balance: 30, currency: "USD")
            let second = try await store.makeAccount(balance: 30, currency: "USD")
            let (from, to) = lowerIDPays ? (first, second) : (second, first)
            await #expect(throws: StoreError.insufficientFunds) {
                try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: 31))
            }
            try await expectNoTrace(db, accounts: [from, to])
        }
    }

    /// The reference's test: five transfers in one direction at once. The balance each one returns
    /// must be a distinct step k·amount, k = 1…5, so every transaction saw the one before it.
    @Test func fiveConcurrentTransfersInOneDirectionSeeDistinctSteps() async throws {
        try await BankTestDatabase.with(maxConnections: 10) { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: Int64.random(in: 100...1_000), currency: "USD")
            let to = try await store.makeAccount(balance: RandomData.money(), currency: "USD")
            let amount = Int64(10)
            let n = 5

            let results = try await withThrowingTaskGroup(of: TransferTxResult.self) { group in
                for _ in 0..<n {
                    group.addTask {
                        try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: amount))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            var steps = Set<Int64>()
            for result in results {
                #expect(result.transfer.amount == amount)
                #expect(result.fromEntry.amount == -amount && result.toEntry.amount == amount)
                let fromDiff = from.balance - result.fromAccount.balance
                let toDiff = result.toAccount.balance - to.balance
                #expect(fromDiff == toDiff)
                #expect(fromDiff > 0 && fromDiff % amount == 0)
                let k = fromDiff / amount
                #expect((1...Int64(n)).contains(k))
                #expect(!steps.contains(k), "step \(k) seen twice")
                steps.insert(k)
            }
            #expect(steps == Set(1...Int64(n)))
            #expect(try await store.getAccount(id: from.id)?.balance == from.balance - Int64(n) * amount)
            #expect(try await store.getAccount(id: to.id)?.balance == to.balance + Int64(n) * amount)
        }
    }

    /// The reference's deadlock test: ten transfers at once, alternating direction, all succeed and
    /// cancel out. Without the lower-id-first order half of them would lock the rows the other way.
    @Test func tenConcurrentTransfersInAlternatingDirectionsAllSucceedAndCancelOut() async throws {
        try await BankTestDatabase.with(maxConnections: 12) { db in
            let deadlocks = Counter()
            let store = db.store { retry in if retry.reason == .deadlock { deadlocks.add() } }
            let first = try await store.makeAccount(balance: Int64.random(in: 100...1_000), currency: "EUR")
            let second = try await store.makeAccount(balance: Int64.random(in: 100...1_000), currency: "EUR")
            let amount = Int64(10)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<10 {
                    let (from, to) = i.isMultiple(of: 2) ? (first, second) : (second, first)
                    group.addTask {
                        _ = try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: amount))
                    }
                }
                try await group.waitForAll()
            }

            #expect(try await store.getAccount(id: first.id)?.balance == first.balance)
            #expect(try await store.getAccount(id: second.id)?.balance == second.balance)
            #expect(try await db.int64("SELECT count(*) FROM transfers") == 10)
            #expect(deadlocks.value == 0, "the lock order should leave PostgreSQL nothing to break")
        }
    }

    @Test func verifySeesBothAccountsAsLockedAndNilForAMissingOne() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 50, currency: "USD")
            let to = try await store.makeAccount(balance: 0, currency: "USD")
            let seen = Recorder<TransferAccounts>()
            _ = try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: 5)) {
                seen.append($0)
            }
            await #expect(throws: StoreError.notFound) {
                try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id + 100, amount: 5)) {
                    seen.append($0)
                }
            }
            var afterFirst = from
            afterFirst.balance = 45
            #expect(seen.values == [TransferAccounts(from: from, to: to), TransferAccounts(from: afterFirst, to: nil)])
        }
    }

    /// What `verify` throws comes back unchanged, before the bank's own rules, and nothing is written.
    @Test func anErrorFromVerifyRollsBackAndReachesTheCaller() async throws {
        struct NotYours: Error, Equatable {}
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 1, currency: "USD")
            let to = try await store.makeAccount(balance: 0, currency: "EUR")
            await #expect(throws: NotYours()) {
                // Also insufficient funds and a currency mismatch: verify's verdict comes first.
                try await store.transferTx(TransferTxParams(fromAccountID: from.id, toAccountID: to.id, amount: 5)) { _ in
                    throw NotYours()
                }
            }
            try await expectNoTrace(db, accounts: [from, to])
        }
    }

    /// No transfer row, no entries, and the balances as they were.
    private func expectNoTrace(_ db: BankTestDatabase, accounts: [Account]) async throws {
        #expect(try await db.int64("SELECT count(*) FROM transfers") == 0)
        #expect(try await db.int64("SELECT count(*) FROM entries") == 0)
        for account in accounts {
            #expect(try await db.queries.getAccount(id: account.id) == account)
        }
    }
}
