import Foundation
import PostgresNIO
import Testing

/// `:copyfrom` against PostgreSQL: every mapped type written in COPY's text format reads back as
/// the same values bound through the INSERT itself; a bad row copies nothing; 100,000 rows in one
/// call; sequences and async sequences; the mock records the rows.
@Suite struct CopyFromTests: RuntimeFixtureTests {
    /// Values that need COPY's escaping, the text form's special cases and NULLs.
    static let awkwardRows: [CopyReadingsParams] = [
        CopyReadingsParams(
            sensor: "tab\there, newline\nthere, cr\r, backslash \\ and \\N, quote \" ' and ünïcødé ✓", note: nil,
            small: .min, count: .max, total: .min, ratio: .greatestFiniteMagnitude, value: -.infinity,
            amount: Decimal(string: "-12345678901234567890.000000000000000001"), ok: false,
            tag: UUID(uuidString: "7C3A1F1E-4B2D-4C59-9A7E-0F1D2C3B4A59"), payload: Data([0, 9, 10, 13, 92, 255]),
            doc: .object(["a\tb": .array([.null, .bool(true), .number(1.5), .string("\\\"\n")])]),
            takenAt: Date(timeIntervalSince1970: 1_764_756_000.123456), localAt: Date(timeIntervalSince1970: -2_208_988_800),
            day: Date(timeIntervalSince1970: 1_000_000_000), span: PostgresInterval(months: -1, days: -2, microseconds: -3),
            weekday: .oddQuotedDay, labels: ["", "a,b", "{x}", "q\"uote", "back\\slash", "NULL", "tab\t"],
            offDays: [.oddQuotedDay, .mon]),
        CopyReadingsParams(
            sensor: "", note: "", small: 0, count: 0, total: nil, ratio: -0.0, value: .leastNonzeroMagnitude, amount: nil, ok: true,
            tag: nil, payload: Data(), doc: .string(""), takenAt: Date(timeIntervalSince1970: -62_000_000_000),
            localAt: nil, day: nil, span: PostgresInterval(months: 14, days: 2, microseconds: 3_600_000_001),
            weekday: nil, labels: [], offDays: []),
        CopyReadingsParams(
            sensor: "far future", note: "n", small: 1, count: -1, total: 42, ratio: .infinity, value: 0.1,
            amount: Decimal(0), ok: true, tag: nil, payload: nil, doc: nil,
            takenAt: Date(timeIntervalSince1970: 253_402_300_799.999999), localAt: Date(timeIntervalSince1970: 0.5),
            day: Date(timeIntervalSince1970: -86_400), span: nil, weekday: .tue, labels: ["x"], offDays: nil),
    ]

    @Test func copiedValuesReadBackAsBoundOnes() async throws {
        try await withQueries { queries in
            #expect(try await queries.copyReadings(Self.awkwardRows) == Self.awkwardRows.count)
            for row in Self.awkwardRows { try await queries.insertReading(InsertReadingParams(row)) }
            let stored = try await queries.listReadings()
            #expect(stored.count == 2 * Self.awkwardRows.count)
            let copied = stored.prefix(Self.awkwardRows.count).map { WithoutID($0) }
            let bound = stored.suffix(Self.awkwardRows.count).map { WithoutID($0) }
            for (copiedRow, boundRow) in zip(copied, bound) { #expect(copiedRow == boundRow) }
            #expect(copied[0].reading.sensor == Self.awkwardRows[0].sensor)
            #expect(copied[0].reading.labels == Self.awkwardRows[0].labels)
        }
    }

    @Test func aBadRowCopiesNothingAndSaysWhichLine() async throws {
        try await withQueries { queries in try await Self.copyWithABadRow(queries) }
    }

    private static func copyWithABadRow(_ queries: Queries) async throws {
        var rows = awkwardRows
        rows[1].sensor = "bad\u{0}byte"  // text cannot hold NUL: PostgreSQL rejects the second line
        let error = await #expect(throws: PSQLError.self) { try await queries.copyReadings(rows) }
        #expect(String(reflecting: try #require(error)).contains("line 2"))
        #expect(try await queries.countReadings() == 0)
        // The connection is back out of COPY mode and serves the next call.
        #expect(try await queries.copyReadings(awkwardRows.prefix(1)) == 1)
    }

    @Test func anAsyncSequenceThatFailsCopiesNothing() async throws {
        try await withQueries { queries in try await Self.copyAsyncSequences(queries) }
    }

    private struct SourceFailed: Error {}

    private static func copyAsyncSequences(_ queries: Queries) async throws {
        let (names, continuation) = AsyncThrowingStream.makeStream(of: String.self)
        for name in ["alpha", "beta"] { continuation.yield(name) }
        continuation.finish(throwing: SourceFailed())
        await #expect(throws: SourceFailed.self) { try await queries.copySensorNames(names) }
        #expect(try await queries.listSensors() == [])

        let (more, next) = AsyncStream.makeStream(of: String.self)
        for name in ["gamma", "alpha", "beta"] { next.yield(name) }
        next.finish()
        let copied = try await queries.copySensorNames(more)
        #expect(copied == 3)
        #expect(try await queries.listSensors() == ["alpha", "beta", "gamma"])
    }

    /// 100,000 rows in one call (the figure it prints is for reading, not asserted).
    @Test func aHundredThousandRows() async throws {
        try await withQueries { queries in
            let base = Self.awkwardRows[2]
            let rows = (0..<100_000).lazy.map { index in
                var row = base
                row.sensor = "sensor \(index)"
                row.count = Int32(index)
                row.labels = ["l\(index % 7)"]
                return row
            }
            let clock = ContinuousClock()
            let start = clock.now
            let copied = try await queries.copyReadings(rows)
            let elapsed = clock.now - start
            #expect(copied == 100_000)
            #expect(try await queries.countReadings() == 100_000)
            // The same rows through the INSERT one at a time, for the rate beside it.
            let insertStart = clock.now
            for row in rows.prefix(2_000) { try await queries.insertReading(InsertReadingParams(row)) }
            let insertElapsed = clock.now - insertStart
            #expect(try await queries.countReadings() == 102_000)
            print("copyfrom: 100000 rows at \(Self.rate(100_000, elapsed)) rows/s; :exec: 2000 rows at \(Self.rate(2_000, insertElapsed)) rows/s")
        }
    }

    private static func rate(_ rows: Int, _ elapsed: Duration) -> Int {
        Int(Double(rows) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    @Test func insideATransactionTheCopyRollsBack() async throws {
        try await withQueries { queries in
            let client = try #require(queries.db as? PostgresClient)
            try await client.withConnection { connection in
                _ = try await connection.query("BEGIN", logger: queries.logger)
                #expect(try await Queries(connection).copySensorNames(["one", "two"]) == 2)
                #expect(try await Queries(connection).listSensors() == ["one", "two"])
                _ = try await connection.query("ROLLBACK", logger: queries.logger)
            }
            #expect(try await queries.listSensors() == [])
        }
    }

    @Test func theMockRecordsTheRows() async throws {
        let mock = MockQuerier()
        mock.copySensorNamesHandler = { names in names.count }
        #expect(try await mock.copySensorNames(["a", "b"].lazy.map { $0 + "!" }) == 2)
        // `Call` is not Hashable here: a fixture query takes a type of the tests' own (BookTitle).
        #expect(mock.calls.count == 1)
        guard case .copySensorNames(let rows) = mock.calls.first else {
            Issue.record("recorded \(mock.calls)")
            return
        }
        #expect(rows == ["a!", "b!"])
    }
}

/// A reading without its `id`, to compare the rows two paths stored.
private struct WithoutID: Equatable {
    var reading: Reading
    init(_ reading: Reading) {
        var reading = reading
        reading.id = 0
        self.reading = reading
    }
}

extension InsertReadingParams {
    init(_ row: CopyReadingsParams) {
        self.init(
            sensor: row.sensor, note: row.note, small: row.small, count: row.count, total: row.total, ratio: row.ratio,
            value: row.value, amount: row.amount, ok: row.ok, tag: row.tag, payload: row.payload, doc: row.doc,
            takenAt: row.takenAt, localAt: row.localAt, day: row.day, span: row.span, weekday: row.weekday,
            labels: row.labels, offDays: row.offDays)
    }
}
