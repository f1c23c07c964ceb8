import PostgresNIO
import Testing

/// `bit(n)` and `bit varying` through the real PostgreSQL: bound in binary (lengths that are and
/// are not multiples of eight), read back equal, printed as PostgreSQL prints them, copied.
@Suite struct BitStringTests: RuntimeFixtureTests {
    @Test func bitStringsRoundTrip() async throws {
        try await withQueries { queries in try await Self.roundTrip(queries) }
    }

    private static func roundTrip(_ queries: Queries) async throws {
        let samples: [(String, String?)] = [("1011", "110010101"), ("0000", ""), ("1111", nil), ("0110", "10000000")]
        for (mask, bits) in samples {
            let maskValue = try #require(PostgresBitString(mask))
            let bitsValue = try bits.map { try #require(PostgresBitString($0)) }
            let created = try await queries.createFlags(mask: maskValue, bits: bitsValue)
            #expect(created.mask == maskValue)
            #expect(created.bits == bitsValue)
            let texts = try #require(try await queries.flagTexts(id: created.id))
            #expect(texts.mask == mask)
            #expect(texts.bits == bits)
            #expect(texts.masked == String(zip(mask, "0110").map { $0 == "1" && $1 == "1" ? "1" : "0" }))
        }
        #expect(PostgresBitString("10a") == nil)
        // bit(4) takes exactly four bits: PostgreSQL's own error.
        await #expect(throws: PSQLError.self) {
            try await queries.createFlags(mask: PostgresBitString(bits: [true]), bits: nil)
        }
        let copied = try await queries.copyFlags([
            CopyFlagsParams(mask: PostgresBitString(bits: [true, false, true, false]), bits: PostgresBitString("110010101")),
            CopyFlagsParams(mask: PostgresBitString(bits: [false, false, false, true]), bits: nil),
        ])
        #expect(copied == 2)
        #expect(try await queries.countFlagsWithBits(bits: try #require(PostgresBitString("110010101"))) == 2)
    }
}
