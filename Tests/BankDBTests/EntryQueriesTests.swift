import BankDB
import Foundation
import Testing

@Suite struct EntryQueriesTests {
    @Test func createThenGetReturnsTheSameEntry() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            let amount = Int64.random(in: -1_000...1_000)
            let entry = try await store.createEntry(accountID: account.id, amount: amount)
            #expect(entry.accountID == account.id)
            #expect(entry.amount == amount)
            #expect(try await store.getEntry(id: entry.id) == entry)
            #expect(try await store.getEntry(id: entry.id + 1) == nil)
        }
    }

    @Test func listPagesAreDisjointOrderedAndOnlyTheAccounts() async throws {
        try await BankTestDatabase.with { db in
            let store = db.store()
            let account = try await store.makeAccount()
            let other = try await store.makeAccount()
            var created: [Entry] = []
            for _ in 0..<7 {
                created.append(try await store.createEntry(accountID: account.id, amount: RandomData.amount()))
                _ = try await store.createEntry(accountID: other.id, amount: RandomData.amount())
            }
            var pages: [[Entry]] = []
            for offset in stride(from: Int64(0), to: 9, by: 3) {
                pages.append(try await store.listEntries(accountID: account.id, limit: 3, offset: offset))
            }
            #expect(pages.map(\.count) == [3, 3, 1])
            #expect(pages.joined().map(\.id) == created.map(\.id))
            #expect(Set(pages[0].map(\.id)).isDisjoint(with: pages[1].map(\.id)))
            #expect(try await store.listEntries(accountID: account.id, limit: 3, offset: 9).isEmpty)
        }
    }

    @Test func anEntryForAMissingAccountIsAForeignKeyViolation() async throws {
        try await BankTestDatabase.with { db in
            await #expect(throws: StoreError.foreignKeyViolation(constraint: "entries_account_id_fkey")) {
                try await db.store().createEntry(accountID: 999_999, amount: 1)
            }
        }
    }
}
