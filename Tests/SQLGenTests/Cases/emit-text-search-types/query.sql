-- name: SearchArticles :many
SELECT id, body FROM articles WHERE words @@ @query::tsquery ORDER BY id;

-- name: CopyArticles :copyfrom
INSERT INTO articles (body, words) VALUES ($1, $2);
