-- Full-text search with web-style syntax ("quoted phrases", -exclusions, or).
-- name: SearchDocuments :many
SELECT id, title, ts_rank(search, websearch_to_tsquery('english', @query)) AS rank
FROM documents
WHERE workspace_id = @workspace_id
  AND archived_at IS NULL
  AND search @@ websearch_to_tsquery('english', @query)
ORDER BY rank DESC
LIMIT @max_results;

-- Same search with highlighted snippets.
-- name: SearchDocumentsWithSnippets :many
SELECT d.id,
       d.title,
       ts_headline('english', d.body, q.query, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2') AS snippet,
       ts_rank_cd(d.search, q.query, 32) AS rank
FROM documents d,
     websearch_to_tsquery('english', $2) AS q(query)
WHERE d.workspace_id = $1
  AND d.search @@ q.query
ORDER BY rank DESC
LIMIT 25;

-- Prefix search for search-as-you-type: to_tsquery with :* on the last word.
-- name: SearchDocumentsPrefix :many
SELECT id, title
FROM documents
WHERE workspace_id = $1
  AND search @@ to_tsquery('english', $2 || ':*')
ORDER BY updated_at DESC
LIMIT 10;

-- Weighted search: title matches count more than body matches.
-- name: SearchDocumentsWeighted :many
SELECT id, title,
       ts_rank(setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
               setweight(to_tsvector('english', body), 'D'),
               plainto_tsquery('english', @query)) AS rank
FROM documents
WHERE workspace_id = @workspace_id
  AND search @@ plainto_tsquery('english', @query)
ORDER BY rank DESC, id
LIMIT 50;

-- Search using the document's own language configuration.
-- name: SearchDocumentsInLanguage :many
SELECT id, title, language::text AS language
FROM documents
WHERE to_tsvector(language, body) @@ plainto_tsquery(language, @query)
  AND workspace_id = @workspace_id;

-- Full-text search restricted to documents carrying all given tags.
-- name: SearchDocumentsWithTags :many
SELECT id, title, tags
FROM documents
WHERE workspace_id = @workspace_id
  AND search @@ websearch_to_tsquery('english', @query)
  AND tags @> @required_tags::text[]
ORDER BY ts_rank(search, websearch_to_tsquery('english', @query)) DESC;

-- Documents carrying any of the given tags.
-- name: ListDocumentsWithAnyTag :many
SELECT id, title, tags
FROM documents
WHERE workspace_id = $1 AND tags && $2::text[]
ORDER BY updated_at DESC;

-- name: ListDocumentsWithTag :many
SELECT id, title
FROM documents
WHERE $1::text = ANY (tags)
ORDER BY id;

-- Fuzzy title search with pg_trgm, for typos.
-- name: FuzzySearchTitles :many
SELECT id, title, similarity(title, $1) AS sim
FROM documents
WHERE title % $1
ORDER BY sim DESC
LIMIT 10;

-- Best-matching word inside the title.
-- name: WordSimilaritySearch :many
SELECT id, title, word_similarity(@needle::text, title) AS score
FROM documents
WHERE @needle::text <% title
ORDER BY score DESC, title
LIMIT @max_results::int;

-- Nearest titles by trigram distance.
-- name: NearestTitles :many
SELECT id, title, title <-> @target::text AS distance
FROM documents
WHERE workspace_id = @workspace_id
ORDER BY title <-> @target::text
LIMIT 5;

-- Accent-insensitive substring search on titles.
-- name: SearchTitlesUnaccent :many
SELECT id, title
FROM documents
WHERE unaccent(coalesce(title, '')) ILIKE '%' || unaccent(sqlc.arg(fragment)::text) || '%'
ORDER BY title;

-- Case-insensitive pattern search on the body with an optional workspace filter.
-- name: GrepDocuments :many
SELECT id, title, position(lower(@pattern::text) IN lower(body)) AS first_hit
FROM documents
WHERE body ILIKE '%' || @pattern::text || '%'
  AND (sqlc.narg(workspace_id)::bigint IS NULL OR workspace_id = sqlc.narg(workspace_id))
ORDER BY id
LIMIT 100;

-- Regex search (POSIX, case-insensitive).
-- name: RegexSearchDocuments :many
SELECT id, title, (regexp_match(body, $1, 'i'))[1] AS first_match
FROM documents
WHERE body ~* $1;

-- Combined ranking: full-text rank plus title similarity.
-- name: HybridSearch :many
WITH q AS (
    SELECT websearch_to_tsquery('english', @query) AS tsq
)
SELECT d.id,
       d.title,
       ts_rank(d.search, q.tsq) * 0.7 + similarity(coalesce(d.title, ''), @query) * 0.3 AS score
FROM documents d, q
WHERE d.workspace_id = @workspace_id
  AND (d.search @@ q.tsq OR d.title % @query)
ORDER BY score DESC
LIMIT @max_results;

-- "Did you mean": the closest words from the indexed vocabulary.
-- name: SuggestSpelling :many
SELECT word, ndoc, similarity(word, $1) AS sim
FROM ts_stat('SELECT search FROM documents')
WHERE word % $1
ORDER BY sim DESC, ndoc DESC
LIMIT 5;

-- Lexemes of a single document.
-- name: DocumentLexemes :many
SELECT lexeme, positions, weights
FROM documents, unnest(search) AS u
WHERE documents.id = $1
ORDER BY lexeme;

-- Parses a user query to show what would be searched.
-- name: ExplainQuery :one
SELECT websearch_to_tsquery('english', $1)::text AS parsed,
       numnode(websearch_to_tsquery('english', $1)) AS nodes,
       querytree(websearch_to_tsquery('english', $1)) AS tree;

-- Documents similar to a given one by shared lexemes.
-- name: RelatedDocuments :many
SELECT other.id, other.title,
       ts_rank(other.search, to_tsquery('english', array_to_string(tsvector_to_array(src.search), ' | '))) AS rank
FROM documents src
JOIN documents other ON other.workspace_id = src.workspace_id AND other.id <> src.id
WHERE src.id = $1
  AND other.search @@ to_tsquery('english', array_to_string(tsvector_to_array(src.search), ' | '))
ORDER BY rank DESC
LIMIT 5;

-- Search across the titles of revisions too.
-- name: SearchIncludingRevisions :many
SELECT 'document' AS kind, id, title FROM documents
WHERE title ILIKE '%' || @q::text || '%'
UNION ALL
SELECT 'revision', document_id, title FROM revisions
WHERE title ILIKE '%' || @q::text || '%'
ORDER BY kind, id;

-- name: SaveSearch :one
INSERT INTO saved_searches (user_id, workspace_id, name, query, tags)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (user_id, name) DO UPDATE
SET query = EXCLUDED.query, tags = EXCLUDED.tags
RETURNING id, (xmax = 0) AS inserted;

-- name: ListSavedSearches :many
SELECT * FROM saved_searches WHERE user_id = $1 ORDER BY name;

-- Runs a saved search by id.
-- name: RunSavedSearch :many
SELECT d.id, d.title, ts_rank(d.search, websearch_to_tsquery('english', s.query)) AS rank
FROM saved_searches s
JOIN documents d ON d.workspace_id = s.workspace_id
WHERE s.id = $1
  AND d.search @@ websearch_to_tsquery('english', s.query)
  AND (s.tags IS NULL OR d.tags @> s.tags)
ORDER BY rank DESC;

-- name: DeleteSavedSearch :exec
DELETE FROM saved_searches WHERE id = $1 AND user_id = $2;

-- name: LogSearch :exec
INSERT INTO search_log (user_id, workspace_id, query, result_count, took_ms)
VALUES ($1, $2, $3, $4, $5);
