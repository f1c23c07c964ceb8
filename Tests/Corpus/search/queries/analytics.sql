-- Most frequent searches in a workspace over a period.
-- name: TopSearches :many
SELECT lower(query) AS query, count(*) AS times, avg(result_count)::float8 AS avg_results
FROM search_log
WHERE workspace_id = $1 AND searched_at >= $2
GROUP BY lower(query)
ORDER BY times DESC
LIMIT 20;

-- Searches that found nothing, to find gaps in the content.
-- name: ZeroResultSearches :many
SELECT query, count(*) AS times, max(searched_at) AS last_seen
FROM search_log
WHERE workspace_id = $1 AND result_count = 0
GROUP BY query
ORDER BY times DESC;

-- Search latency percentiles per day.
-- name: SearchLatencyByDay :many
SELECT date_trunc('day', searched_at) AS day,
       count(*) AS searches,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY took_ms) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY took_ms) AS p99
FROM search_log
WHERE workspace_id = $1
GROUP BY 1
ORDER BY 1;

-- Users who searched most, with their distinct queries.
-- name: SearchersLeaderboard :many
SELECT u.id, u.name, count(*) AS searches,
       string_agg(DISTINCT l.query, ' | ') AS queries
FROM search_log l
JOIN users u ON u.id = l.user_id
WHERE l.workspace_id = $1
GROUP BY u.id, u.name
ORDER BY searches DESC
LIMIT 10;

-- Word counts per document, computed from the tsvector.
-- name: DocumentStats :many
SELECT id, title,
       length(search) AS lexemes,
       array_length(regexp_split_to_array(trim(body), '\s+'), 1) AS words,
       octet_length(body) AS bytes
FROM documents
WHERE workspace_id = $1
ORDER BY words DESC NULLS LAST;

-- Purges old search log entries.
-- name: PurgeSearchLog :execrows
DELETE FROM search_log WHERE searched_at < now() - make_interval(days => @keep_days::int);

-- Workspace overview for a dashboard.
-- name: WorkspaceOverview :one
SELECT
    (SELECT count(*) FROM documents WHERE workspace_id = w.id) AS documents,
    (SELECT count(*) FROM documents WHERE workspace_id = w.id AND archived_at IS NOT NULL) AS archived,
    (SELECT count(DISTINCT t) FROM documents, unnest(tags) t WHERE workspace_id = w.id) AS tags,
    (SELECT count(*) FROM search_log WHERE workspace_id = w.id AND searched_at > now() - interval '7 days') AS searches_last_week,
    w.created_at
FROM workspaces w
WHERE w.id = $1;

-- Documents edited per author per week, with a running total.
-- name: EditsPerWeek :many
SELECT date_trunc('week', r.created_at)::date AS week,
       r.editor_id,
       count(*) AS edits,
       sum(count(*)) OVER (PARTITION BY r.editor_id ORDER BY date_trunc('week', r.created_at)::date) AS running_total
FROM revisions r
JOIN documents d ON d.id = r.document_id
WHERE d.workspace_id = $1
GROUP BY 1, 2
ORDER BY 1, 2;

-- The latest revision of each document (DISTINCT ON).
-- name: LatestRevisions :many
SELECT DISTINCT ON (document_id) document_id, id AS revision_id, created_at
FROM revisions
WHERE document_id = ANY ($1::bigint[])
ORDER BY document_id, created_at DESC;

-- Search terms that are trending this week compared with last week.
-- name: TrendingSearches :many
WITH this_week AS (
    SELECT lower(query) AS q, count(*) AS n FROM search_log
    WHERE workspace_id = $1 AND searched_at >= now() - interval '7 days'
    GROUP BY 1
), last_week AS (
    SELECT lower(query) AS q, count(*) AS n FROM search_log
    WHERE workspace_id = $1 AND searched_at >= now() - interval '14 days' AND searched_at < now() - interval '7 days'
    GROUP BY 1
)
SELECT t.q AS query, t.n AS this_week, coalesce(l.n, 0) AS last_week,
       round((t.n - coalesce(l.n, 0))::numeric / greatest(coalesce(l.n, 0), 1), 2) AS growth
FROM this_week t
LEFT JOIN last_week l USING (q)
ORDER BY growth DESC
LIMIT 10;
