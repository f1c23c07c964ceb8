-- name: CreateDocument :one
INSERT INTO documents (workspace_id, author_id, title, body, tags)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetDocument :one
SELECT * FROM documents WHERE id = $1 AND archived_at IS NULL;

-- name: ListDocuments :many
SELECT id, title, tags, pinned, updated_at
FROM documents
WHERE workspace_id = $1
  AND archived_at IS NULL
ORDER BY pinned DESC, updated_at DESC
LIMIT $2 OFFSET $3;

-- Keyset pagination on (updated_at, id).
-- name: ListDocumentsAfter :many
SELECT id, title, updated_at
FROM documents
WHERE workspace_id = @workspace_id
  AND (updated_at, id) < (@before_updated_at::timestamptz, @before_id::bigint)
ORDER BY updated_at DESC, id DESC
LIMIT @page_size;

-- Saves an edit and snapshots the previous version in one statement.
-- name: UpdateDocumentWithRevision :one
WITH old AS (
    SELECT id, title, body FROM documents WHERE id = @id FOR UPDATE
), rev AS (
    INSERT INTO revisions (document_id, editor_id, title, body)
    SELECT old.id, @editor_id, old.title, old.body FROM old
)
UPDATE documents d
SET title = @title, body = @body, updated_at = now()
FROM old
WHERE d.id = old.id
RETURNING d.*;

-- name: SetDocumentTags :exec
UPDATE documents SET tags = $2 WHERE id = $1;

-- Adds a tag if it is not there yet.
-- name: AddDocumentTag :one
UPDATE documents
SET tags = array_append(tags, @tag::text)
WHERE id = @id AND NOT (@tag::text = ANY (tags))
RETURNING tags;

-- name: RemoveDocumentTag :one
UPDATE documents
SET tags = array_remove(tags, @tag::text)
WHERE id = @id
RETURNING tags;

-- Renames a tag across a workspace.
-- name: RenameTag :execrows
UPDATE documents
SET tags = array_replace(tags, @old_tag::text, @new_tag::text)
WHERE workspace_id = @workspace_id AND tags @> ARRAY[@old_tag::text];

-- name: ArchiveDocument :exec
UPDATE documents SET archived_at = now() WHERE id = $1;

-- name: ArchiveStaleDocuments :execrows
UPDATE documents
SET archived_at = now()
WHERE workspace_id = $1
  AND archived_at IS NULL
  AND updated_at < now() - $2::interval
  AND NOT pinned;

-- name: TogglePin :one
UPDATE documents SET pinned = NOT pinned WHERE id = $1 RETURNING id, pinned;

-- name: DeleteDocument :exec
DELETE FROM documents WHERE id = $1;

-- name: ListRevisions :many
SELECT r.id, r.title, r.created_at, u.name AS editor_name, length(r.body) AS body_length
FROM revisions r
LEFT JOIN users u ON u.id = r.editor_id
WHERE r.document_id = $1
ORDER BY r.created_at DESC;

-- Restores a document to an earlier revision.
-- name: RestoreRevision :one
UPDATE documents d
SET title = r.title, body = r.body, updated_at = now()
FROM revisions r
WHERE r.id = @revision_id AND d.id = r.document_id
RETURNING d.id, d.title, d.updated_at;

-- name: LinkDocuments :exec
INSERT INTO document_links (source_id, target_id, anchor)
VALUES ($1, $2, $3)
ON CONFLICT (source_id, target_id) DO UPDATE SET anchor = EXCLUDED.anchor;

-- Documents that link to the given one (backlinks).
-- name: ListBacklinks :many
SELECT d.id, d.title, l.anchor
FROM document_links l
JOIN documents d ON d.id = l.source_id
WHERE l.target_id = $1 AND d.archived_at IS NULL
ORDER BY d.title NULLS LAST;

-- Documents reachable from a start document by following links.
-- name: ListLinkedGraph :many
WITH RECURSIVE reach(id, depth) AS (
    SELECT @start_id::bigint, 0
    UNION
    SELECT l.target_id, r.depth + 1
    FROM document_links l
    JOIN reach r ON l.source_id = r.id
    WHERE r.depth < @max_depth::int
)
SELECT d.id, d.title, min(r.depth) AS depth
FROM reach r
JOIN documents d ON d.id = r.id
GROUP BY d.id, d.title
ORDER BY depth, d.id;

-- Orphan documents: nothing links to them.
-- name: ListOrphanDocuments :many
SELECT d.id, d.title
FROM documents d
WHERE d.workspace_id = $1
  AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.target_id = d.id)
ORDER BY d.created_at;

-- name: CountDocumentsByAuthor :many
SELECT u.id AS author_id, u.name, count(d.*) AS documents
FROM users u
JOIN documents d ON d.author_id = u.id
WHERE d.workspace_id = @workspace_id
GROUP BY u.id, u.name
HAVING count(d.*) >= @min_documents
ORDER BY documents DESC;

-- Changes the text search configuration of a document.
-- name: SetDocumentLanguage :exec
UPDATE documents SET language = @language::regconfig WHERE id = @id;

-- Bulk insert from arrays.
-- name: ImportDocuments :many
INSERT INTO documents (workspace_id, title, body)
SELECT @workspace_id, t.title, t.body
FROM unnest(@titles::text[], @bodies::text[]) AS t(title, body)
RETURNING id;
