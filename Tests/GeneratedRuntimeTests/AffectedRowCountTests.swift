import Testing

/// `:execrows` returns the count PostgreSQL reports in the command tag, for MERGE (whose
/// `MERGE n` tag postgres-nio leaves unparsed) as for UPDATE.
@Suite struct AffectedRowCountTests: RuntimeFixtureTests {
    @Test func mergeAndUpdateReportTheRowsTheyTouched() async throws {
        try await withQueries { queries in
            let hour = PostgresInterval(seconds: 3600)
            let inserted = try await queries.mergeScheduleEvery(name: "hourly", every: hour)
            #expect(inserted == 1)
            #expect(try await queries.mergeScheduleEvery(name: "daily", every: PostgresInterval(days: 1)) == 1)
            // Matched this time: updated in place, still one row.
            #expect(try await queries.mergeScheduleEvery(name: "hourly", every: PostgresInterval(seconds: 1800)) == 1)
            #expect(try await queries.renameSchedules(suffix: "-x", every: PostgresInterval(seconds: 60)) == 2)
            #expect(try await queries.renameSchedules(suffix: "-y", every: PostgresInterval(days: 2)) == 0)
        }
    }
}
