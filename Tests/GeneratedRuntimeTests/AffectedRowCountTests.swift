import Testing

/// `:execrows` returns the count PostgreSQL reports in the command tag, for MERGE (whose
/// `MERGE n` tag postgres-nio leaves unparsed) as for UPDATE; `:execresult` returns the tag.
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

    @Test func execResultReturnsTheCommandTag() async throws {
        try await withQueries { queries in
            _ = try await queries.mergeScheduleEvery(name: "minutely", every: PostgresInterval(seconds: 60))
            _ = try await queries.mergeScheduleEvery(name: "weekly", every: PostgresInterval(days: 7))
            let tag = try await queries.pruneSchedules(every: PostgresInterval(days: 1))
            #expect(tag == PostgresCommandTag(command: "DELETE", rowCount: 1))
            #expect(tag.description == "DELETE 1")
            let none = try await queries.pruneSchedules(every: PostgresInterval(days: 1))
            #expect(none.rowCount == 0)
        }
    }

    @Test func commandTagsParseAsPostgreSQLWritesThem() {
        #expect(PostgresCommandTag("INSERT 0 3") == PostgresCommandTag(command: "INSERT", rowCount: 3))
        #expect(PostgresCommandTag("MERGE 12") == PostgresCommandTag(command: "MERGE", rowCount: 12))
        #expect(PostgresCommandTag("CREATE TABLE") == PostgresCommandTag(command: "CREATE TABLE", rowCount: nil))
        #expect(PostgresCommandTag("CREATE TABLE").description == "CREATE TABLE")
    }
}
