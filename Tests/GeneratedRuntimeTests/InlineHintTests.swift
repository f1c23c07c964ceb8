import Foundation
import NIOCore
import PostgresNIO
import Testing

/// A type of the application's own, named by inline hints in the fixtures' queries.
struct BookTitle: PostgresCodable, Codable, Hashable, Sendable {
    var text: String

    static var psqlType: PostgresDataType { .text }
    static var psqlFormat: PostgresFormat { .binary }

    init(_ text: String) { self.text = text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .text, let text = buffer.readString(length: buffer.readableBytes) else {
            throw PostgresDecodingError.Code.typeMismatch
        }
        self.text = text
    }
}

/// Inline hints (`AS "title: BookTitle"`, `AS "latest_year!"`, `-- @param title: BookTitle`)
/// against PostgreSQL: the hinted types bind and decode, and a hint that turns out false is a
/// decoding error, not a crash.
@Suite struct InlineHintTests: RuntimeFixtureTests {
    @Test func hintedTypesBindAndDecode() async throws {
        try await withQueries { queries in
            let author = try await queries.createAuthor(name: "Ursula", bio: nil)
            let first = try await queries.createBook(authorID: author.id, title: "Always Coming Home", year: 1985)
            let second = try await queries.createBook(authorID: author.id, title: "Always Coming Home", year: nil)
            _ = try await queries.createBook(authorID: author.id, title: "Other", year: 2000)

            let rows = try await queries.booksTitled(title: BookTitle("Always Coming Home"))
            #expect(rows.map(\.id) == [first.id, second.id])
            #expect(rows.map(\.title) == [BookTitle("Always Coming Home"), BookTitle("Always Coming Home")])
            // Non-optional by the hint: `Int32`, not `Int32?`.
            let years: [Int32] = rows.map(\.latestYear)
            #expect(years == [1985, 1985])
        }
    }

    @Test func aFalseNonNullHintIsADecodingError() async throws {
        try await withQueries { queries in
            let author = try await queries.createAuthor(name: "Ted", bio: nil)
            _ = try await queries.createBook(authorID: author.id, title: "Undated", year: nil)
            try await Self.expectDecodingError(queries)
        }
    }

    private static func expectDecodingError(_ queries: Queries) async throws {
        await #expect(throws: PostgresDecodingError.self) {
            _ = try await queries.booksTitled(title: BookTitle("Undated"))
        }
    }
}
