CREATE TABLE authors (
  id   bigserial PRIMARY KEY,
  name text      NOT NULL,
  bio  text
);

CREATE TABLE books (
  id        bigserial PRIMARY KEY,
  author_id bigint REFERENCES authors (id),
  title     text NOT NULL
);

-- A table without NOT NULL columns: only "all columns NULL" tells a missing row.
CREATE TABLE notes (
  book_id bigint,
  body    text
);
