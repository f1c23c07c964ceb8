import Foundation
import NIOCore
import PostgresNIO
import Testing

/// Arrays whose element type postgres-nio has no array coding for (`numeric[]`, `bytea[]`,
/// `json[]`, `jsonb[]`, network, bit string and range arrays), through the real PostgreSQL:
/// bound as text, read back equal, used with `= ANY` and `&&`, copied.
@Suite struct WrappedArrayTests: RuntimeFixtureTests {
    static let noon = Date(timeIntervalSince1970: 1_577_883_600.5)

    static let samples: [CopySamplesParams] = [
        CopySamplesParams(
            amounts: [Decimal(string: "1.5")!, Decimal(string: "-0.000001")!, Decimal(string: "12345678901234567890.123456789")!],
            blobs: [Data(), Data([0, 255, 0x5c, 0x22, 0x2c]), Data("{x}".utf8)],
            docs: [.object(["a": .array([.number(1), .string("q\"uote\\")])]), .null, .string("")],
            rawDocs: [.bool(true), .string("{\"not\": \"an object\"}")],
            addrs: [PostgresInet(address: [192, 168, 0, 1]), PostgresInet(address: Array(repeating: 0, count: 15) + [1])],
            nets: [PostgresInet(address: [10, 0, 0, 0], prefixLength: 8)],
            macs: [PostgresMACAddress(bytes: [0x08, 0x00, 0x2b, 0x01, 0x02, 0x03])],
            masks: [PostgresBitString("0101")!, PostgresBitString("")!],
            windows: [PostgresRange(lower: .inclusive(noon), upper: .unbounded), .empty],
            spans: [PostgresRange(1..<5), PostgresRange(lower: .unbounded, upper: .exclusive(0))]),
        CopySamplesParams(
            amounts: [], blobs: nil, docs: [], rawDocs: nil, addrs: [], nets: nil, macs: [], masks: nil, windows: [],
            spans: nil),
    ]

    private static func params(of sample: Sample) -> CopySamplesParams {
        CopySamplesParams(
            amounts: sample.amounts, blobs: sample.blobs, docs: sample.docs, rawDocs: sample.rawDocs, addrs: sample.addrs,
            nets: sample.nets, macs: sample.macs, masks: sample.masks, windows: sample.windows, spans: sample.spans)
    }

    @Test func valuesRoundTrip() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for sample in Self.samples {
                let created = try await queries.createSample(
                    CreateSampleParams(
                        amounts: sample.amounts, blobs: sample.blobs, docs: sample.docs, rawDocs: sample.rawDocs,
                        addrs: sample.addrs, nets: sample.nets, macs: sample.macs, masks: sample.masks,
                        windows: sample.windows, spans: sample.spans))
                #expect(Self.params(of: created) == sample)
                #expect(try await queries.sampleAmounts(id: created.id) == sample.amounts)
                ids.append(created.id)
            }
            #expect(try await queries.samplesWithAmount(amount: Decimal(string: "1.5")!) == [ids[0]])
            #expect(try await queries.samplesWithAnyAmount(amounts: [Decimal(7), Decimal(string: "-0.000001")!]) == [ids[0]])
            #expect(try await queries.samplesWithAnyAmount(amounts: []) == [])

            #expect(try await queries.copySamples(Self.samples) == Self.samples.count)
            #expect(try await queries.listSamples().suffix(2).map(Self.params(of:)) == Self.samples)
        }
    }

    @Test func nullElementsAndSeveralDimensionsAreDecodingErrors() throws {
        // {1,NULL}: one dimension, the NULL flag, int4 elements, length 2 from 1, then 1 and NULL.
        var withNull = ByteBuffer()
        for value: Int32 in [1, 1] { withNull.writeInteger(value) }
        withNull.writeInteger(UInt32(1700))
        for value: Int32 in [2, 1, 1] { withNull.writeInteger(value) }
        withNull.writeInteger(UInt8(0))
        withNull.writeInteger(Int32(-1))
        #expect(throws: (any Error).self) {
            _ = try PostgresArray<Decimal>(from: &withNull, type: PostgresDataType(1231), format: .binary, context: .default)
        }
        var twoDimensions = ByteBuffer()
        for value: Int32 in [2, 0] { twoDimensions.writeInteger(value) }
        twoDimensions.writeInteger(UInt32(1700))
        #expect(throws: (any Error).self) {
            _ = try PostgresArray<Decimal>(from: &twoDimensions, type: PostgresDataType(1231), format: .binary, context: .default)
        }
        var empty = ByteBuffer()
        for value: Int32 in [0, 0] { empty.writeInteger(value) }
        empty.writeInteger(UInt32(1700))
        #expect(try PostgresArray<Decimal>(from: &empty, type: PostgresDataType(1231), format: .binary, context: .default).elements == [])
    }
}
