-- Each book with its author: both rows always exist.
-- name: ListBooksWithAuthors :many
SELECT sqlc.embed(books), sqlc.embed(authors)
FROM books JOIN authors ON authors.id = books.author_id
ORDER BY books.id;

-- Every author, with a book if they have one: the book is optional.
-- name: ListAuthorsWithBooks :many
SELECT sqlc.embed(a), b.title AS latest_title, sqlc.embed(b)
FROM authors a LEFT JOIN books b ON b.author_id = a.id
ORDER BY a.id;

-- WHERE rules out the missing row: the book is not optional.
-- name: GetAuthorWithSomeBook :one
SELECT sqlc.embed(a), sqlc.embed(b)
FROM authors a LEFT JOIN books b ON b.author_id = a.id
WHERE a.id = @author_id AND b.id IS NOT NULL
LIMIT 1;

-- One table embedded twice: the properties take the aliases' names.
-- name: ListCoAuthors :many
SELECT sqlc.embed(first), sqlc.embed(second)
FROM authors first JOIN authors second ON first.id < second.id;

-- An embed of a table without NOT NULL columns under an outer join.
-- name: ListBooksWithNotes :many
SELECT books.id, sqlc.embed(notes)
FROM books LEFT JOIN notes ON notes.book_id = books.id;
