import PostgresNIO
import Testing

/// `:batchone`, `:batchmany` and `:batchexec` against PostgreSQL: every item's outcome comes
/// back in order, a failing item in the middle loses nothing of the others, and inside a
/// transaction the failure aborts the items after it.
@Suite struct BatchTests: RuntimeFixtureTests {
    @Test func aFailingItemKeepsTheOthersResults() async throws {
        try await withQueries { queries in
            // The middle item breaks the CHECK (at most three days off).
            let created = try await queries.createShifts([
                CreateShiftsParams(day: .mon, offDays: [.tue]),
                CreateShiftsParams(day: .tue, offDays: [.mon, .tue, .wed, .oddQuotedDay]),
                CreateShiftsParams(day: .mon, offDays: []),
            ])
            #expect(created.count == 3)
            let first = try created[0].get()
            let third = try created[2].get()
            #expect(third > first)
            #expect(throws: PSQLError.self) { try created[1].get() }

            let byDay = try await queries.shiftIDsOn([.mon, .tue, .wed])
            #expect(try byDay.map { try $0.get() } == [[first, third], [], []])

            let deleted = try await queries.deleteShifts([first, 999_999])
            #expect(deleted.count == 2)
            #expect(deleted.allSatisfy { (try? $0.get()) != nil })
            #expect(try await queries.shiftIDsOn([.mon]).map { try $0.get() } == [[third]])
        }
    }

    @Test func insideATransactionAFailureAbortsTheRest() async throws {
        try await withQueries { queries in
            let client = try #require(queries.db as? PostgresClient)
            let results = try await client.withConnection { connection in
                _ = try await connection.query("BEGIN", logger: queries.logger)
                let inTransaction = Queries(connection)
                let results = try await inTransaction.createShifts([
                    CreateShiftsParams(day: .wed, offDays: []),
                    CreateShiftsParams(day: .wed, offDays: [.mon, .tue, .wed, .oddQuotedDay]),
                    CreateShiftsParams(day: .wed, offDays: []),
                ])
                _ = try await connection.query("ROLLBACK", logger: queries.logger)
                return results
            }
            #expect((try? results[0].get()) != nil)
            #expect((try? results[1].get()) == nil)
            // "current transaction is aborted": the item after the failure fails too.
            #expect((try? results[2].get()) == nil)
            #expect(try await queries.shiftIDsOn([.wed]).map { try $0.get() } == [[]])
        }
    }
}
