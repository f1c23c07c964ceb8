-- name: CreateDocument :one
INSERT INTO documents (body, language, owner_table, type_oid, flushed_at, filter, areas)
VALUES (@body, @language, @owner_table, @type_oid, @flushed_at, @filter, @areas)
RETURNING *;

-- A name is passed as text and converted by PostgreSQL.
-- name: SetLanguage :exec
UPDATE documents SET language = sqlc.arg(language)::text::regconfig WHERE id = @id;

-- name: MatchingDocuments :many
SELECT id, language::text AS language_name FROM documents
WHERE jsonb_path_exists(sqlc.arg(document)::jsonb, filter)
ORDER BY id;

-- name: CurrentWALPosition :one
SELECT pg_current_wal_lsn() AS position;
