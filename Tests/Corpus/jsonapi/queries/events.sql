-- Appends an event to a stream with optimistic concurrency on version.
-- name: AppendEvent :one
INSERT INTO events (tenant_id, stream, type, version, payload, metadata, correlation_id)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id, occurred_at;

-- Appends with the next version computed in SQL.
-- name: AppendEventNextVersion :one
INSERT INTO events (tenant_id, stream, type, version, payload)
SELECT @tenant_id, @stream, @type, coalesce(max(version), 0) + 1, @payload
FROM events
WHERE tenant_id = @tenant_id AND stream = @stream
RETURNING *;

-- name: GetStream :many
SELECT id, type, version, payload, metadata, occurred_at
FROM events
WHERE tenant_id = $1 AND stream = $2 AND version > $3
ORDER BY version;

-- Events whose payload contains the given JSON document (uses the GIN index).
-- name: FindEventsByPayload :many
SELECT id, stream, type, payload
FROM events
WHERE tenant_id = $1 AND payload @> $2
ORDER BY id DESC
LIMIT 100;

-- Events of a customer by a nested key.
-- name: FindEventsByCustomer :many
SELECT id, type, payload -> 'customer' AS customer, occurred_at
FROM events
WHERE tenant_id = @tenant_id
  AND payload #>> '{customer,id}' = @customer_id::text
ORDER BY occurred_at;

-- Sum of order amounts per day, reading a numeric out of the payload.
-- name: DailyRevenue :many
SELECT date_trunc('day', occurred_at) AS day,
       sum((payload ->> 'amount')::numeric) AS revenue,
       count(*) AS orders
FROM events
WHERE tenant_id = $1 AND type = 'order.placed'
  AND occurred_at >= $2 AND occurred_at < $3
GROUP BY 1
ORDER BY 1;

-- Revenue per currency, from nested money objects.
-- name: RevenueByCurrency :many
SELECT payload #>> '{total,currency}' AS currency,
       sum((payload #>> '{total,amount}')::numeric(14, 2)) AS total,
       avg((payload -> 'total' ->> 'amount')::float8) AS average
FROM events
WHERE tenant_id = $1 AND type = 'order.placed'
GROUP BY 1
ORDER BY total DESC;

-- Line items of all orders, one row per item (LATERAL over the array).
-- name: ListOrderLineItems :many
SELECT e.id AS event_id,
       item ->> 'sku' AS sku,
       (item ->> 'quantity')::int AS quantity,
       (item ->> 'price')::numeric AS price
FROM events e
CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'items') AS item
WHERE e.tenant_id = $1 AND e.type = 'order.placed'
ORDER BY e.id;

-- Best-selling SKUs, with ordinality to find the first item of each order.
-- name: TopSkus :many
SELECT i.value ->> 'sku' AS sku,
       sum((i.value ->> 'quantity')::int) AS units,
       count(*) FILTER (WHERE i.ordinality = 1) AS first_in_order
FROM events e,
     jsonb_array_elements(e.payload -> 'items') WITH ORDINALITY AS i(value, ordinality)
WHERE e.tenant_id = @tenant_id AND e.type = 'order.placed'
GROUP BY 1
ORDER BY units DESC
LIMIT @max_results;

-- Typed view of the payload via jsonb_to_record.
-- name: ListSignups :many
SELECT e.id, r.email, r.plan, r.referrer
FROM events e,
     jsonb_to_record(e.payload) AS r(email text, plan text, referrer text)
WHERE e.tenant_id = $1 AND e.type = 'user.signed_up'
ORDER BY e.id;

-- Items as typed rows via jsonb_to_recordset.
-- name: ListOrderItemsTyped :many
SELECT e.id, x.sku, x.quantity, x.price
FROM events e
JOIN LATERAL jsonb_to_recordset(e.payload -> 'items') AS x(sku text, quantity int, price numeric) ON true
WHERE e.id = $1;

-- Distinct payload keys used by an event type (schema discovery).
-- name: PayloadKeys :many
SELECT DISTINCT jsonb_object_keys(payload) AS key
FROM events
WHERE tenant_id = $1 AND type = $2
ORDER BY key;

-- Events matching a jsonpath predicate.
-- name: EventsMatchingPath :many
SELECT id, type, payload
FROM events
WHERE tenant_id = $1 AND payload @? $2::jsonpath
ORDER BY id;

-- Values extracted with jsonpath.
-- name: ExtractWithPath :many
SELECT id, jsonb_path_query(payload, '$.items[*] ? (@.price > $min).sku', jsonb_build_object('min', $2::numeric)) AS sku
FROM events
WHERE tenant_id = $1;

-- First value matching a jsonpath.
-- name: ExtractFirstWithPath :one
SELECT jsonb_path_query_first(payload, $2::jsonpath) AS value
FROM events
WHERE id = $1;

-- Events of several types, with payload reduced to a few keys.
-- name: ListEventSummaries :many
SELECT id,
       type,
       jsonb_build_object('id', payload -> 'id', 'status', payload -> 'status', 'at', occurred_at) AS summary
FROM events
WHERE tenant_id = $1 AND type = ANY ($2::text[])
ORDER BY occurred_at DESC
LIMIT $3;

-- A stream as one JSON array, for export.
-- name: ExportStream :one
SELECT coalesce(jsonb_agg(jsonb_build_object('type', type, 'version', version, 'data', payload) ORDER BY version), '[]'::jsonb) AS events
FROM events
WHERE tenant_id = $1 AND stream = $2;

-- Streams with their latest state, folding payloads with ||.
-- name: LatestStreamState :many
SELECT DISTINCT ON (stream) stream, version, payload, occurred_at
FROM events
WHERE tenant_id = $1
ORDER BY stream, version DESC;

-- Events that are missing a required key.
-- name: EventsMissingKey :many
SELECT id, type FROM events
WHERE tenant_id = $1 AND NOT (payload ? $2::text)
LIMIT 100;

-- Events carrying all of the given keys.
-- name: EventsWithAllKeys :many
SELECT id, type FROM events
WHERE tenant_id = $1 AND payload ?& $2::text[]
LIMIT 100;

-- Strips nulls and pretty-prints an event, for debugging.
-- name: PrettyEvent :one
SELECT jsonb_pretty(jsonb_strip_nulls(payload)) AS pretty, pg_column_size(payload) AS bytes
FROM events
WHERE id = $1;

-- Metadata as json (not jsonb) to keep key order.
-- name: EventEnvelope :one
SELECT json_build_object('id', id, 'stream', stream, 'type', type, 'payload', payload, 'meta', metadata) AS envelope
FROM events
WHERE id = $1;

-- Redacts a key from every payload of a stream (GDPR).
-- name: RedactStreamKey :execrows
UPDATE events
SET payload = payload - @key::text,
    metadata = coalesce(metadata, '{}') || jsonb_build_object('redacted', to_jsonb(now()))
WHERE tenant_id = @tenant_id AND stream = @stream AND payload ? @key::text;

-- Events in the same correlation chain.
-- name: ListCorrelatedEvents :many
SELECT e.id, e.type, e.stream, e.payload
FROM events e
WHERE e.correlation_id = (SELECT correlation_id FROM events WHERE events.id = $1)
ORDER BY e.id;

-- Count of events per type as a JSON object, per stream.
-- name: StreamTypeHistogram :many
SELECT stream, jsonb_object_agg(type, n) AS histogram
FROM (
    SELECT stream, type, count(*) AS n
    FROM events
    WHERE tenant_id = $1
    GROUP BY stream, type
) s
GROUP BY stream
ORDER BY stream;

-- name: DeleteStream :execrows
DELETE FROM events WHERE tenant_id = $1 AND stream = $2;
