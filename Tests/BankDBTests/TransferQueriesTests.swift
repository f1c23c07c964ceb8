import BankDB
import Foundation
import Testing

@Suite struct TransferQueriesTests {
    @Test func createThenGetReturnsTheSameTransfer() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount()
            let to = try await store.makeAccount()
            let amount = RandomData.amount()
            let transfer = try await store.createTransfer(fromAccountID: from.id, toAccountID: to.id, amount: amount)
            #expect(transfer.fromAccountID == from.id)
            #expect(transfer.toAccountID == to.id)
            #expect(transfer.amount == amount)
            #expect(try await store.getTransfer(id: transfer.id) == transfer)
            #expect(try await store.getTransfer(id: transfer.id + 1) == nil)
        }
    }

    @Test func listFindsBothDirectionsInPages() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let a = try await store.makeAccount()
            let b = try await store.makeAccount()
            let c = try await store.makeAccount()
            var involvingA: [Transfer] = []
            for _ in 0..<3 {
                involvingA.append(try await store.makeTransfer(from: a, to: b))
                involvingA.append(try await store.makeTransfer(from: c, to: a))
                _ = try await store.makeTransfer(from: b, to: c)  // not a's
            }
            let first = try await store.listTransfers(fromAccountID: a.id, toAccountID: a.id, limit: 4, offset: 0)
            let second = try await store.listTransfers(fromAccountID: a.id, toAccountID: a.id, limit: 4, offset: 4)
            #expect(first.count == 4)
            #expect(second.count == 2)
            #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)))
            #expect((first + second).map(\.id) == involvingA.map(\.id))
        }
    }

    @Test func nonPositiveAmountsAreRejectedByTheCheckConstraint() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount()
            let to = try await store.makeAccount()
            // No case of its own: the store's transferTx refuses such amounts before any SQL runs.
            await #expect(throws: StoreError.database(DatabaseFailure(sqlState: "23514", underlying: CancellationError()))) {
                try await store.createTransfer(fromAccountID: from.id, toAccountID: to.id, amount: 0)
            }
        }
    }

    @Test func aTransferToAMissingAccountIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount()
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "transfers_to_account_id_fkey")) {
                try await store.createTransfer(fromAccountID: from.id, toAccountID: from.id + 100, amount: 1)
            }
        }
    }

    @Test func postTransferWritesTheTransferBothEntriesAndBothBalances() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 100)
            let to = try await store.makeAccount(balance: 7)
            let posted = try #require(try await store.postTransfer(fromAccountID: from.id, toAccountID: to.id, amount: 30))
            #expect(posted.fromBalance == 70 && posted.toBalance == 37)
            #expect(
                try await store.getTransfer(id: posted.transferID)
                    == Transfer(id: posted.transferID, fromAccountID: from.id, toAccountID: to.id, amount: 30, createdAt: posted.transferCreatedAt))
            #expect(
                try await store.getEntry(id: posted.fromEntryID)
                    == Entry(id: posted.fromEntryID, accountID: from.id, amount: -30, createdAt: posted.fromEntryCreatedAt))
            #expect(
                try await store.getEntry(id: posted.toEntryID)
                    == Entry(id: posted.toEntryID, accountID: to.id, amount: 30, createdAt: posted.toEntryCreatedAt))
            #expect(try await store.getAccount(id: from.id)?.balance == 70)
            #expect(try await store.getAccount(id: to.id)?.balance == 37)
        }
    }

    /// The debit refuses and the statement returns no row; its other parts have run, which is why
    /// it belongs in a transaction that rolls back on nil (as `transferTx` does).
    @Test func postTransferReturnsNilWhenTheDebitWouldOverdraw() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let from = try await store.makeAccount(balance: 10)
            let to = try await store.makeAccount(balance: 0)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.execTx { q in
                    guard try await q.postTransfer(fromAccountID: from.id, toAccountID: to.id, amount: 11) != nil else { throw Refused() }
                }
            }
            #expect(try await store.getAccount(id: from.id) == from)
            #expect(try await store.getAccount(id: to.id) == to)
            #expect(try await db.int64("SELECT count(*) FROM transfers") == 0)
            #expect(try await db.int64("SELECT count(*) FROM entries") == 0)
        }
    }
}
