-- Set-returning functions in FROM give their named columns.
-- name: EventFields :many
SELECT e.id, kv.key, kv.value FROM events e, jsonb_each(e.payload) AS kv WHERE e.id = $1;

-- name: EventItems :many
SELECT item.value FROM events, jsonb_array_elements(events.payload -> 'items') AS item;

-- name: TextElements :many
SELECT t.value FROM jsonb_array_elements_text($1) AS t;

-- name: EventKeys :many
SELECT DISTINCT k FROM events, jsonb_object_keys(payload) AS k ORDER BY k;

-- Several arrays side by side; the shorter one is padded with NULL.
-- name: TagScores :many
SELECT tag, score FROM events, unnest(tags, scores) AS u(tag, score) WHERE events.id = $1;

-- name: NumberedPairs :many
SELECT * FROM jsonb_each_text(@document) WITH ORDINALITY;
