-- Every call resolves against PostgreSQL's own overloads.
-- name: Prefix :one
SELECT substr(body, 1, $1) AS head, cbrt(rating) AS root FROM documents WHERE id = $2;

-- Named arguments and defaulted parameters.
-- name: Later :one
SELECT make_interval(days => $1, hours => $2) AS span;

-- name: Days :many
SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') AS d;

-- name: MedianRating :one
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY rating) AS median FROM documents;

-- Extension functions and types (citext, pg_trgm, uuid-ossp).
-- name: Similar :many
SELECT id, title, word_similarity($1, title::text) AS score FROM documents WHERE lower(title) = lower($2);

-- name: NameBasedID :one
SELECT uuid_generate_v5(uuid_ns_url(), $1) AS id;

-- A record-returning function with a column definition list, and ROWS FROM.
-- name: PayloadItems :many
SELECT r.sku, r.quantity FROM documents, jsonb_to_recordset(documents.payload -> 'items') AS r(sku text, quantity int)
WHERE documents.id = $1;

-- name: Words :many
SELECT w.word, w.n FROM ROWS FROM (regexp_split_to_table($1, '\s+'), generate_series(1, 100)) AS w(word, n);

-- PostgreSQL's own relations.
-- name: TimeZones :many
SELECT name, utc_offset, is_dst FROM pg_timezone_names WHERE name LIKE $1;

-- name: Columns :many
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1;

-- name: Concatenated :one
SELECT concat_ws(', ', VARIADIC $1::text[]) AS list, format('%s-%s', $2::int, 'x') AS label;
