import Foundation
import PostgresNIO
import Testing

/// Ranges and multiranges through the real PostgreSQL: every kind of bound, read back as
/// PostgreSQL stores them, written by `description` as PostgreSQL writes them, used in an
/// operator, copied.
@Suite struct RangeTypeTests: RuntimeFixtureTests {
    /// 2020-01-01 13:00:00.5 UTC and a month later, and the two days at UTC midnight.
    static let noon = Date(timeIntervalSince1970: 1_577_883_600.5)
    static let monthLater = Date(timeIntervalSince1970: 1_580_515_200)
    static let newYear = Date(timeIntervalSince1970: 1_577_836_800)
    static let february = Date(timeIntervalSince1970: 1_580_515_200)

    static let bookings: [CopyBookingsParams] = [
        // Inclusive upper bounds of discrete ranges come back as exclusive ones.
        CopyBookingsParams(
            seats: PostgresRange(lower: .inclusive(1), upper: .inclusive(4)),
            serials: PostgresRange(lower: .exclusive(-9_223_372_036_854_775_807), upper: .unbounded),
            price: PostgresRange(lower: .exclusive(Decimal(string: "-0.5")!), upper: .inclusive(Decimal(string: "99.999")!)),
            during: PostgresRange(noon..<monthLater),
            localDuring: PostgresRange(lower: .unbounded, upper: .inclusive(noon)),
            days: PostgresRange(lower: .inclusive(newYear), upper: .inclusive(february)),
            seatSets: PostgresMultirange([
                PostgresRange(5..<7), PostgresRange(1..<3), PostgresRange(lower: .inclusive(2), upper: .inclusive(3)),
            ]),
            freeDays: PostgresMultirange([])),
        CopyBookingsParams(
            seats: .empty, serials: PostgresRange(lower: .unbounded, upper: .unbounded), price: .empty,
            during: PostgresRange(lower: .unbounded, upper: .exclusive(noon)), localDuring: nil, days: .empty,
            seatSets: PostgresMultirange([.empty]), freeDays: PostgresMultirange([PostgresRange(newYear..<february)])),
    ]

    /// What PostgreSQL stores for `bookings[0]`: discrete ranges canonical, multiranges merged.
    static func stored(_ booking: CopyBookingsParams) -> CopyBookingsParams {
        var stored = booking
        if booking.seats == PostgresRange(lower: .inclusive(1), upper: .inclusive(4)) {
            stored.seats = PostgresRange(1..<5)
            stored.serials = PostgresRange(lower: .inclusive(-9_223_372_036_854_775_806), upper: .unbounded)
            stored.days = PostgresRange(lower: .inclusive(newYear), upper: .exclusive(february.addingTimeInterval(86_400)))
            stored.seatSets = PostgresMultirange([PostgresRange(1..<4), PostgresRange(5..<7)])
        } else {
            stored.seatSets = PostgresMultirange([])
        }
        return stored
    }

    private static func params(of booking: Booking) -> CopyBookingsParams {
        CopyBookingsParams(
            seats: booking.seats, serials: booking.serials, price: booking.price, during: booking.during,
            localDuring: booking.localDuring, days: booking.days, seatSets: booking.seatSets, freeDays: booking.freeDays)
    }

    @Test func valuesRoundTripAsPostgreSQLStoresThem() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for booking in Self.bookings {
                let created = try await queries.createBooking(
                    CreateBookingParams(
                        seats: booking.seats, serials: booking.serials, price: booking.price, during: booking.during,
                        localDuring: booking.localDuring, days: booking.days, seatSets: booking.seatSets,
                        freeDays: booking.freeDays))
                #expect(Self.params(of: created) == Self.stored(booking))
                let texts = try #require(try await queries.bookingTexts(id: created.id))
                #expect(texts.seats == created.seats.description)
                #expect(texts.serials == created.serials?.description)
                #expect(texts.price == created.price?.description)
                #expect(texts.seatSets == created.seatSets?.description)
                ids.append(created.id)
            }
            #expect(try await queries.bookingsDuring(during: PostgresRange(lower: .inclusive(Self.noon), upper: .unbounded)) == [ids[0]])
            #expect(try await queries.bookingsDuring(during: PostgresRange(lower: .unbounded, upper: .inclusive(Self.noon))) == ids)
            #expect(try await queries.bookingsDuring(during: .empty) == [])

            #expect(try await queries.copyBookings(Self.bookings) == Self.bookings.count)
            let copied = try await queries.listBookings().suffix(2).map(Self.params(of:))
            #expect(copied == Self.bookings.map(Self.stored))
        }
    }

    @Test func malformedBinaryIsADecodingError() throws {
        for bytes: [UInt8] in [[], [0x00, 0, 0, 0, 4, 0, 0], [0x02, 0xff, 0xff, 0xff, 0xff]] {
            var buffer = ByteBuffer(bytes: bytes)
            #expect(throws: (any Error).self) {
                _ = try PostgresRange<Int32>(from: &buffer, type: PostgresDataType(3904), format: .binary, context: .default)
            }
        }
        var wrongType = ByteBuffer(bytes: [0x01])
        #expect(throws: (any Error).self) {
            _ = try PostgresRange<Int32>(from: &wrongType, type: .int4, format: .binary, context: .default)
        }
    }
}
