-- MERGE (PostgreSQL 15): WHEN NOT MATCHED sees only the source; values take the column types.
-- name: MergeStaging :execrows
MERGE INTO items i USING staging s ON i.id = s.id
WHEN MATCHED AND s.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = i.qty + s.qty, name = coalesce(s.name, $1)
WHEN NOT MATCHED THEN INSERT (id, name, qty) VALUES (s.id, coalesce(s.name, $2), coalesce(s.qty, $3));

-- A parameter source, a condition on NOT MATCHED, and INSERT without a column list.
-- name: UpsertItem :exec
MERGE INTO items AS t
USING (SELECT $1::bigint AS id, $2::text AS name) AS src ON t.id = src.id
WHEN MATCHED THEN UPDATE SET name = src.name, data = $3
WHEN NOT MATCHED AND $5 THEN DO NOTHING
WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.name, $4);

-- Assigning to an element: array subscripts are integer, the value is the element type;
-- jsonb subscripts are text.
-- name: SetTag :exec
UPDATE items SET tags[$1] = $2, data['k'] = $3 WHERE id = $4;

-- name: SetTagSlice :exec
UPDATE items SET tags[$1:$2] = $3 WHERE id = $4;

-- name: CopyFromStaging :exec
UPDATE items SET (name, qty) = (SELECT s.name, s.qty FROM staging s WHERE s.id = items.id) WHERE id = $1;

-- name: ReadData :many
SELECT data[$1] AS value, data['a']['b'] AS nested, tags[1] AS first_tag FROM items;
