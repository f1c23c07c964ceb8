-- Tag cloud: every tag in a workspace with its count.
-- name: TagCounts :many
SELECT tag, count(*) AS documents
FROM documents, unnest(tags) AS tag
WHERE workspace_id = $1 AND archived_at IS NULL
GROUP BY tag
ORDER BY documents DESC, tag;

-- Tag autocomplete by prefix, case-insensitive.
-- name: AutocompleteTags :many
SELECT DISTINCT t.tag
FROM documents d
CROSS JOIN LATERAL unnest(d.tags) AS t(tag)
WHERE d.workspace_id = $1 AND t.tag ILIKE $2 || '%'
ORDER BY t.tag
LIMIT 20;

-- Tags that appear together, with how often.
-- name: TagCooccurrence :many
SELECT a.tag AS tag_a, b.tag AS tag_b, count(*) AS together
FROM documents d
CROSS JOIN LATERAL unnest(d.tags) AS a(tag)
CROSS JOIN LATERAL unnest(d.tags) AS b(tag)
WHERE d.workspace_id = $1 AND a.tag < b.tag
GROUP BY a.tag, b.tag
HAVING count(*) > 1
ORDER BY together DESC
LIMIT 50;

-- Documents grouped by tag with their ids.
-- name: DocumentsByTag :many
SELECT tag, array_agg(id ORDER BY id) AS document_ids, count(*)::int AS n
FROM (SELECT id, unnest(tags) AS tag FROM documents WHERE workspace_id = $1) s
GROUP BY tag
ORDER BY tag;

-- A comma separated list of titles for each tag.
-- name: TagTitleList :many
SELECT t.tag, string_agg(coalesce(d.title, '(untitled)'), ', ' ORDER BY d.title) AS titles
FROM documents d, unnest(d.tags) WITH ORDINALITY AS t(tag, pos)
WHERE d.workspace_id = $1
GROUP BY t.tag;

-- The first tag of each document.
-- name: PrimaryTags :many
SELECT id, tags[1] AS primary_tag, cardinality(tags) AS tag_count, array_length(tags, 1) AS len
FROM documents
WHERE workspace_id = $1;

-- All distinct tags of a workspace as one array.
-- name: AllTags :one
SELECT coalesce(array_agg(DISTINCT tag ORDER BY tag), '{}')::text[] AS tags
FROM documents, unnest(tags) tag
WHERE workspace_id = $1;

-- Untagged documents.
-- name: ListUntaggedDocuments :many
SELECT id, title FROM documents
WHERE workspace_id = $1 AND tags = '{}'
ORDER BY created_at;

-- Merges several tags into one.
-- name: MergeTags :execrows
UPDATE documents
SET tags = ARRAY(
    SELECT DISTINCT CASE WHEN t = ANY (@from_tags::text[]) THEN @into_tag::text ELSE t END
    FROM unnest(tags) AS t
)
WHERE workspace_id = @workspace_id AND tags && @from_tags::text[];

-- Normalises tags to lowercase, deduplicated and sorted.
-- name: NormalizeTags :execrows
UPDATE documents
SET tags = (SELECT coalesce(array_agg(DISTINCT lower(t) ORDER BY lower(t)), '{}') FROM unnest(tags) t)
WHERE workspace_id = $1;

-- Tags similar to a given one (to catch duplicates like "postgres"/"postgresql").
-- name: SimilarTags :many
SELECT DISTINCT tag, similarity(tag, $1) AS sim
FROM documents, unnest(tags) AS tag
WHERE tag % $1 AND tag <> $1
ORDER BY sim DESC;

-- Documents that share at least N tags with a given document.
-- name: DocumentsSharingTags :many
SELECT o.id, o.title,
       (SELECT count(*) FROM unnest(o.tags) t WHERE t = ANY (s.tags)) AS shared
FROM documents s
JOIN documents o ON o.id <> s.id AND o.tags && s.tags
WHERE s.id = @document_id
  AND (SELECT count(*) FROM unnest(o.tags) t WHERE t = ANY (s.tags)) >= @min_shared::int
ORDER BY shared DESC;
