import Testing

/// Enum arrays through the real PostgreSQL: bound as text (`PostgresArray`), decoded from
/// PostgreSQL's binary arrays, with NULL, empty arrays and a label that needs escaping.
@Suite struct EnumArrayTests: RuntimeFixtureTests {
    @Test func enumArraysRoundTrip() async throws {
        try await withQueries { queries in
            let first = try await queries.createShift(day: .mon, offDays: [.tue, .oddQuotedDay], maybeDays: nil)
            #expect(first.offDays == [.tue, .oddQuotedDay])
            #expect(first.maybeDays == nil)
            let second = try await queries.createShift(day: .oddQuotedDay, offDays: [], maybeDays: [.wed, .wed])
            #expect(second.offDays == [])
            #expect(second.maybeDays == [.wed, .wed])

            #expect(try await queries.shiftsOn(days: [.mon]) == [first.id])
            #expect(try await queries.shiftsOn(days: [.oddQuotedDay, .mon]) == [first.id, second.id])
            #expect(try await queries.shiftsOn(days: []) == [])
        }
    }
}
