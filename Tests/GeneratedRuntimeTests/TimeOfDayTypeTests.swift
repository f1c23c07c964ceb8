import NIOCore
import PostgresNIO
import Testing

/// `time` and `timetz` through the real PostgreSQL: bound in binary, read back equal, written by
/// `description` as PostgreSQL writes them, compared, copied.
@Suite struct TimeOfDayTypeTests: RuntimeFixtureTests {
    static let hours: [CopyOpeningHoursParams] = [
        CopyOpeningHoursParams(
            opens: PostgresTime(hour: 9, minute: 0),
            closes: PostgresTimeWithZone(time: PostgresTime(hour: 17, minute: 30, second: 5, microsecond: 500_000), utcOffsetSeconds: 7200)),
        CopyOpeningHoursParams(
            opens: PostgresTime(microseconds: 0),
            closes: PostgresTimeWithZone(time: PostgresTime(hour: 24, minute: 0), utcOffsetSeconds: -(3 * 3600 + 30 * 60))),
        CopyOpeningHoursParams(
            opens: PostgresTime(hour: 23, minute: 59, second: 59, microsecond: 1),
            closes: PostgresTimeWithZone(time: PostgresTime(hour: 6, minute: 0), utcOffsetSeconds: 5 * 3600 + 45 * 60 + 15)),
        CopyOpeningHoursParams(opens: PostgresTime(hour: 12, minute: 0, second: 0, microsecond: 120), closes: nil),
    ]

    @Test func valuesRoundTripAndPrintAsPostgreSQLDoes() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for hours in Self.hours {
                let created = try await queries.createOpeningHours(opens: hours.opens, closes: hours.closes)
                #expect(created.opens == hours.opens)
                #expect(created.closes == hours.closes)
                let texts = try #require(try await queries.openingHoursTexts(id: created.id))
                #expect(texts.opens == hours.opens.description)
                #expect(texts.closes == hours.closes?.description)
                ids.append(created.id)
            }
            #expect(Self.hours[0].closes?.description == "17:30:05.5+02")
            #expect(Self.hours[1].closes?.description == "24:00:00-03:30")
            #expect(try await queries.openAt(at: PostgresTime(hour: 10, minute: 0)) == [ids[0], ids[1]])

            #expect(try await queries.copyOpeningHours(Self.hours) == Self.hours.count)
            let copied = try await queries.listOpeningHours().suffix(Self.hours.count)
            #expect(copied.map(\.opens) == Self.hours.map(\.opens))
            #expect(copied.map(\.closes) == Self.hours.map(\.closes))
        }
    }

    @Test func malformedBinaryIsADecodingError() {
        for bytes: [UInt8] in [[], [0, 0, 0, 0, 0, 0, 0]] {
            var buffer = ByteBuffer(bytes: bytes)
            #expect(throws: (any Error).self) {
                _ = try PostgresTime(from: &buffer, type: PostgresDataType(1083), format: .binary, context: .default)
            }
        }
        var short = ByteBuffer(bytes: Array(repeating: 0, count: 8))
        #expect(throws: (any Error).self) {
            _ = try PostgresTimeWithZone(from: &short, type: PostgresDataType(1266), format: .binary, context: .default)
        }
        var wrongType = ByteBuffer(bytes: Array(repeating: 0, count: 8))
        #expect(throws: (any Error).self) {
            _ = try PostgresTime(from: &wrongType, type: .int8, format: .binary, context: .default)
        }
    }
}
