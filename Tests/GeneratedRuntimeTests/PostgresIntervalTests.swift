import Foundation
import Logging
import PostgresNIO
import PostgresTestSupport
import Testing

/// The generated `PostgresInterval` (sqlc.yaml's runtime-fixtures) through the real PostgreSQL:
/// every component and sign survives a round trip, alone and in arrays, NULL stays nil, and
/// PostgreSQL's own arithmetic on a stored value decodes to what it computed.
@Suite struct PostgresIntervalTests: RuntimeFixtureTests {
    @Test func intervalsRoundTripThroughPostgreSQL() async throws {
        try await withQueries { queries in
            let every = PostgresInterval(months: 1, days: 2, microseconds: 3_600_000_001)
            let grace = PostgresInterval(months: -3, days: 40, microseconds: -1_500_000)
            let backoff = [PostgresInterval(seconds: 1), PostgresInterval(days: 1), PostgresInterval(months: 14)]
            let created = try await queries.createSchedule(name: "nightly", every: every, grace: grace, backoff: backoff)
            #expect(created.every == every)
            #expect(created.grace == grace)
            #expect(created.backoff == backoff)
            #expect(try await queries.getSchedule(id: created.id) == created)

            let empty = try await queries.createSchedule(name: "empty", every: PostgresInterval(), grace: nil, backoff: [])
            #expect(empty.grace == nil)
            #expect(empty.backoff == [])
            #expect(empty.every == PostgresInterval(months: 0, days: 0, microseconds: 0))
        }
    }

    @Test func postgreSQLsArithmeticDecodes() async throws {
        try await withQueries { queries in
            let every = PostgresInterval(months: 1, days: 2, microseconds: 3_600_000_001)
            let schedule = try await queries.createSchedule(name: "monthly", every: every, grace: nil, backoff: [])
            _ = try await queries.createSchedule(name: "hourly", every: PostgresInterval(seconds: 3600), grace: nil, backoff: [])
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            let row = try #require(try await queries.nextRunAfter(start: start, id: schedule.id))
            // `interval * 2` doubles each part; PostgreSQL does not carry days into months.
            #expect(row.doubled == PostgresInterval(months: 2, days: 4, microseconds: 7_200_000_002))
            // One month and two days and an hour later, whatever the server's time zone.
            let days = row.nextRun.timeIntervalSince(start) / 86_400
            #expect(days > 31 && days < 35)
            // Intervals compare as PostgreSQL orders them: a month and two days exceed one day.
            #expect(try await queries.schedulesLongerThan(every: PostgresInterval(days: 1)).map(\.name) == ["monthly"])
        }
    }
}
