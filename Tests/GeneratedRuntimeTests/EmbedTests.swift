import Foundation
import Testing

/// `sqlc.embed(t)` against PostgreSQL: each table's row comes back as its model, nil where an
/// outer join found no row, including for a table whose columns may all be NULL.
@Suite struct EmbedTests: RuntimeFixtureTests {
    @Test func leftJoinedRowsAreNilWhenMissing() async throws {
        try await withQueries { queries in
            let ursula = try await queries.createAuthor(name: "Ursula", bio: nil)
            let ted = try await queries.createAuthor(name: "Ted", bio: "short stories")
            let dispossessed = try await queries.createBook(authorID: ursula.id, title: "The Dispossessed", year: 1974)
            let lathe = try await queries.createBook(authorID: ursula.id, title: "The Lathe of Heaven", year: nil)

            let rows = try await queries.listAuthorsWithBooks()
            #expect(rows.map(\.author) == [ursula, ursula, ted])
            #expect(rows.map(\.book) == [dispossessed, lathe, nil])
        }
    }

    @Test func allNullRowOfATableWithoutNotNullColumnsIsNil() async throws {
        try await withQueries { queries in
            let author = try await queries.createAuthor(name: "Ursula", bio: nil)
            let annotated = try await queries.createBook(authorID: author.id, title: "Annotated", year: nil)
            _ = try await queries.createBook(authorID: author.id, title: "Plain", year: nil)
            try await queries.createBookNote(bookID: annotated.id, body: nil)

            let rows = try await queries.listBooksWithNotes()
            #expect(rows.map(\.title) == ["Annotated", "Plain"])
            // The note exists with a NULL body: one column is set, so it is there.
            #expect(rows[0].bookNote == BookNote(bookID: annotated.id, body: nil))
            #expect(rows[1].bookNote == nil)
        }
    }

    @Test func innerJoinGivesBothModels() async throws {
        try await withQueries { queries in
            let author = try await queries.createAuthor(name: "Ted", bio: "short stories")
            let book = try await queries.createBook(authorID: author.id, title: "Stories of Your Life", year: 2002)
            let row = try #require(try await queries.getBookWithAuthor(id: book.id))
            #expect(row.book == book)
            #expect(row.author == author)
            #expect(try await queries.getBookWithAuthor(id: book.id + 1) == nil)

            // The row encodes as nested objects named after the properties.
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any]
            #expect((json?["author"] as? [String: Any])?["name"] as? String == "Ted")
            #expect((json?["book"] as? [String: Any])?["title"] as? String == "Stories of Your Life")
        }
    }
}
