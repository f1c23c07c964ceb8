import Foundation
import NIOCore
import PostgresNIO
import Testing

/// Columns declared with several dimensions through the real PostgreSQL: nested Swift arrays
/// bound as text and decoded from PostgreSQL's binary arrays, copied, updated, and what happens
/// when a value has another number of dimensions than its column declares.
@Suite struct MultidimensionalArrayTests: RuntimeFixtureTests {
    static let samples: [CopyGridsParams] = [
        CopyGridsParams(
            cells: [[1, 2, 3], [4, 5, 6]],
            labels: [["a", "b \"quoted\""], ["{brace}", "back\\slash, comma"]],
            amounts: [[Decimal(string: "1.5")!], [Decimal(string: "-0.000001")!]],
            days: [[.mon, .oddQuotedDay], [.tue, .wed]],
            cube: [[[1, 2], [3, 4]], [[5, 6], [7, Int64.max]]]),
        CopyGridsParams(cells: [], labels: nil, amounts: [], days: nil, cube: []),
    ]

    private static func params(of grid: Grid) -> CopyGridsParams {
        CopyGridsParams(cells: grid.cells, labels: grid.labels, amounts: grid.amounts, days: grid.days, cube: grid.cube)
    }

    @Test func nestedArraysRoundTrip() async throws {
        try await withQueries { queries in
            var ids: [Int64] = []
            for sample in Self.samples {
                let created = try await queries.createGrid(
                    CreateGridParams(
                        cells: sample.cells, labels: sample.labels, amounts: sample.amounts, days: sample.days,
                        cube: sample.cube))
                #expect(Self.params(of: created) == sample)
                ids.append(created.id)
            }
            #expect(try await queries.gridCells(id: ids[0]) == [[1, 2, 3], [4, 5, 6]])

            try await queries.setGridLabels(labels: [["x"], ["y"], ["z"]], id: ids[1])
            #expect(try await queries.listGrids().last?.labels == [["x"], ["y"], ["z"]])

            #expect(try await queries.copyGrids(Self.samples) == Self.samples.count)
            #expect(try await queries.listGrids().suffix(2).map(Self.params(of:)) == Self.samples)
        }
    }

    @Test func raggedArraysAreRejectedByPostgreSQL() async throws {
        try await withQueries { queries in
            await Self.expectRejected(queries, cells: [[1, 2], [3]])
            let grids = try await queries.listGrids()
            #expect(grids.isEmpty)
        }
    }

    private static func expectRejected(_ queries: Queries, cells: [[Int32]]) async {
        await #expect(throws: PSQLError.self) {
            _ = try await queries.createGrid(
                CreateGridParams(cells: cells, labels: nil, amounts: nil, days: nil, cube: nil))
        }
    }

    @Test func valuesWithOtherDimensionsAreDecodingErrors() throws {
        // {1,2}: one dimension, no NULL, int4 elements, length 2 from 1, then 1 and 2.
        var oneDimension = ByteBuffer()
        for value: Int32 in [1, 0] { oneDimension.writeInteger(value) }
        oneDimension.writeInteger(UInt32(23))
        for value: Int32 in [2, 1, 4, 1, 4, 2] { oneDimension.writeInteger(value) }
        var flat = oneDimension
        #expect(try PostgresArray<Int32>(from: &flat, type: .int4Array, format: .binary, context: .default).elements == [1, 2])
        #expect(throws: (any Error).self) {
            _ = try PostgresArray<PostgresArray<Int32>>(from: &oneDimension, type: .int4Array, format: .binary, context: .default)
        }

        // {{1},{2}}: two dimensions of lengths 2 and 1.
        var twoDimensions = ByteBuffer()
        for value: Int32 in [2, 0] { twoDimensions.writeInteger(value) }
        twoDimensions.writeInteger(UInt32(23))
        for value: Int32 in [2, 1, 1, 1, 4, 1, 4, 2] { twoDimensions.writeInteger(value) }
        var nested = twoDimensions
        let decoded = try PostgresArray<PostgresArray<Int32>>(from: &nested, type: .int4Array, format: .binary, context: .default)
        #expect(decoded.elements.map(\.elements) == [[1], [2]])
        #expect(throws: (any Error).self) {
            _ = try PostgresArray<Int32>(from: &twoDimensions, type: .int4Array, format: .binary, context: .default)
        }

        // Lengths whose product overflows: an error, not a crash.
        var huge = ByteBuffer()
        for value: Int32 in [3, 0] { huge.writeInteger(value) }
        huge.writeInteger(UInt32(23))
        for _ in 0..<3 { for value: Int32 in [Int32.max, 1] { huge.writeInteger(value) } }
        #expect(throws: (any Error).self) {
            _ = try PostgresArray<PostgresArray<PostgresArray<Int32>>>(from: &huge, type: .int4Array, format: .binary, context: .default)
        }
    }
}
