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
}
