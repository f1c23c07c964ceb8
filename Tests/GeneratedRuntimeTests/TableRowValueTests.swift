import Foundation
import Testing

/// A table's row as one value against PostgreSQL (`SELECT a FROM authors a`, `array_agg(b)`, a
/// parameter of a row type): the model reads and writes PostgreSQL's record forms.
@Suite struct TableRowValueTests: RuntimeFixtureTests {
    @Test func rowsAndArraysOfRowsDecodeIntoModels() async throws {
        try await withQueries { queries in
            let ursula = try await queries.createAuthor(name: "Ursula", bio: nil)
            let ted = try await queries.createAuthor(name: "Ted \"the\" (quoted), writer", bio: "short\\stories")
            let dispossessed = try await queries.createBook(authorID: ursula.id, title: "The Dispossessed", year: 1974)
            let lathe = try await queries.createBook(authorID: ursula.id, title: "The Lathe of Heaven", year: nil)
            try await queries.createBookNote(bookID: lathe.id, body: nil)

            let grouped = try await queries.authorsWithBooks()
            #expect(grouped.map(\.id) == [ursula.id])
            #expect(grouped.first?.books == [dispossessed, lathe])

            // Whole rows under outer joins: nil where no row matched; a matched row whose columns
            // are all NULL is still a row (PostgreSQL's whole-row value is not NULL).
            let rows = try await queries.authorRowsWithNote()
            #expect(rows.map(\.a) == [ursula, ursula, ted])
            #expect(rows.map(\.book) == [dispossessed, lathe, nil])
            #expect(rows.map(\.note) == [nil, BookNote(bookID: lathe.id, body: nil), nil])
        }
    }

    @Test func rowsBindAsRecords() async throws {
        try await withQueries { queries in
            let author = try await queries.createAuthor(name: "Ted", bio: nil)
            let first = try await queries.createBook(authorID: author.id, title: "Stories, \"Your\" Life", year: 2002)
            let second = try await queries.createBook(authorID: author.id, title: "Exhalation", year: nil)
            #expect(try await queries.booksLike(books: [first, second]) == [first.id, second.id])
            var changed = second
            changed.title = "Other"
            #expect(try await queries.booksLike(books: [changed]) == [])
            #expect(try await queries.booksLike(books: []) == [])

            let odd = Author(id: 7, name: "back\\slash \"and\" (parens), commas", bio: nil)
            #expect(try await queries.authorFromRecord(author: odd) == odd.name)
        }
    }
}
