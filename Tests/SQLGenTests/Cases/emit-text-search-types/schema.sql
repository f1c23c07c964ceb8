CREATE TABLE articles (
    id bigserial PRIMARY KEY,
    body text NOT NULL,
    words tsvector NOT NULL
);
