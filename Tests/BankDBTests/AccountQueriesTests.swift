import BankDB
import Foundation
import PostgresNIO
import Testing

/// The account queries against a real PostgreSQL, through `SQLStore` so errors arrive as `StoreError`.
@Suite struct AccountQueriesTests {
    @Test func createThenGetReturnsTheSameAccount() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let user = try await store.makeUser()
            let balance = RandomData.money()
            let currency = RandomData.currency()
            let account = try await store.createAccount(owner: user.username, balance: balance, currency: currency)
            #expect(account.id > 0)
            #expect(account.owner == user.username)
            #expect(account.balance == balance)
            #expect(account.currency == currency)
            #expect(abs(account.createdAt.timeIntervalSinceNow) < 60)
            #expect(try await store.getAccount(id: account.id) == account)
            #expect(try await store.getAccountForUpdate(id: account.id) == account)
        }
    }

    @Test func getOfAMissingAccountIsNil() async throws {
        try await BankTestDatabase.with { db async throws in
            let store = db.store()
            #expect(try await store.getAccount(id: Int64.random(in: 1...1_000_000)) == nil)
            #expect(try await store.getAccountForUpdate(id: Int64.random(in: 1...1_000_000)) == nil)
            #expect(try await store.updateAccount(id: 42, balance: 1) == nil)
            #expect(try await store.addAccountBalance(amount: 1, id: 42) == nil)
            #expect(try await store.addAccountBalanceNoOverdraft(amount: 1, id: 42) == nil)
        }
    }

    @Test func listPagesAreDisjointOrderedAndOnlyTheOwners() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let owner = try await store.makeUser()
            var created: [Account] = []
            for currency in RandomData.currencies {
                created.append(try await store.makeAccount(owner: owner.username, currency: currency))
            }
            _ = try await store.makeAccount()  // someone else's

            let first = try await store.listAccounts(owner: owner.username, limit: 2, offset: 0)
            let second = try await store.listAccounts(owner: owner.username, limit: 2, offset: 2)
            let third = try await store.listAccounts(owner: owner.username, limit: 2, offset: 4)
            #expect(first.count == 2)
            #expect(second.count == 1)
            #expect(third.isEmpty)
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            #expect(first + second == created.sorted { $0.id < $1.id })
            #expect((first + second).allSatisfy { $0.owner == owner.username })
            #expect(try await store.listAccounts(owner: RandomData.username(), limit: 5, offset: 0).isEmpty)
        }
    }

    @Test func updateSetsTheBalanceOnly() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            let balance = RandomData.money()
            let updated = try #require(try await store.updateAccount(id: account.id, balance: balance))
            var expected = account
            expected.balance = balance
            #expect(updated == expected)
            #expect(try await store.getAccount(id: account.id) == expected)
        }
    }

    @Test func addBalanceAddsSignedAmounts() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount(balance: 100)
            #expect(try await store.addAccountBalance(amount: 30, id: account.id)?.balance == 130)
            // The plain query has no overdraft rule: it is the credit side of a transfer.
            #expect(try await store.addAccountBalance(amount: -200, id: account.id)?.balance == -70)
        }
    }

    @Test func addBalanceNoOverdraftRefusesToGoBelowZero() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount(balance: 50)
            #expect(try await store.addAccountBalanceNoOverdraft(amount: -51, id: account.id) == nil)
            #expect(try await store.getAccount(id: account.id)?.balance == 50)
            #expect(try await store.addAccountBalanceNoOverdraft(amount: -50, id: account.id)?.balance == 0)
            #expect(try await store.addAccountBalanceNoOverdraft(amount: -1, id: account.id) == nil)
            #expect(try await store.addAccountBalanceNoOverdraft(amount: 7, id: account.id)?.balance == 7)
        }
    }

    @Test func deleteRemovesTheAccount() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            let other = try await store.makeAccount()
            try await store.deleteAccount(id: account.id)
            #expect(try await store.getAccount(id: account.id) == nil)
            #expect(try await store.getAccount(id: other.id) == other)
            // Deleting what is not there is not an error for an :exec query.
            try await store.deleteAccount(id: account.id)
        }
    }

    @Test func deletingAnAccountWithEntriesIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            _ = try await store.createEntry(accountID: account.id, amount: 5)
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "entries_account_id_fkey")) {
                try await store.deleteAccount(id: account.id)
            }
        }
    }

    @Test func aSecondAccountInACurrencyIsADuplicate() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            await #expect(throws: StoreError.duplicate(constraint: "owner_currency_key")) {
                try await store.createAccount(owner: account.owner, balance: 0, currency: account.currency)
            }
            let otherCurrency = RandomData.currencies.first { $0 != account.currency }!
            #expect(try await store.createAccount(owner: account.owner, balance: 0, currency: otherCurrency).owner == account.owner)
        }
    }

    @Test func anAccountForAMissingUserIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "accounts_owner_fkey")) {
                try await store.createAccount(owner: RandomData.owner(), balance: RandomData.money(), currency: RandomData.currency())
            }
        }
    }

    @Test func thePairForUpdateComesBackInIDOrderWhicheverWayItIsAsked() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let first = try await store.makeAccount()
            let second = try await store.makeAccount()
            #expect(try await store.getAccountPairForUpdate(firstID: second.id, secondID: first.id) == [first, second])
            #expect(try await store.getAccountPairForUpdate(firstID: first.id, secondID: second.id) == [first, second])
            #expect(try await store.getAccountPairForUpdate(firstID: first.id, secondID: second.id + 100) == [first])
            #expect(try await store.getAccountPairForUpdate(firstID: first.id, secondID: first.id) == [first])
        }
    }

    /// While a transaction holds the pair, another connection cannot lock either row.
    @Test func thePairForUpdateLocksBothRowsUntilTheTransactionEnds() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let first = try await store.makeAccount()
            let second = try await store.makeAccount()
            let lockedElsewhere: @Sendable (Int64) async throws -> Bool = { id in
                do {
                    _ = try await db.execute("SELECT id FROM accounts WHERE id = \(id) FOR NO KEY UPDATE NOWAIT")
                    return false
                } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55P03" {
                    return true
                }
            }
            try await store.execTx { q in
                _ = try await q.getAccountPairForUpdate(firstID: second.id, secondID: first.id)
                #expect(try await lockedElsewhere(first.id))
                #expect(try await lockedElsewhere(second.id))
            }
            #expect(try await lockedElsewhere(first.id) == false)
        }
    }
}
