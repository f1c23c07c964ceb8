-- name: CreateShipment :one
INSERT INTO shipments (
    reference, origin_depot_id, recipient_name, recipient_phone, address, postal_code,
    latitude, longitude, weight_kg, volume_m3, declared_value, cod_amount, priority,
    requires_signature, window_start, window_end, tags, attributes, promised_date
) VALUES (
    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19
)
RETURNING *;

-- name: GetShipment :one
SELECT * FROM shipments
WHERE id = $1;

-- Public tracking page: the shipment and its latest event.
-- name: TrackShipment :one
SELECT s.tracking_code, s.status, s.promised_date, s.delivered_at,
       e.status AS last_event_status, e.occurred_at AS last_event_at, e.note AS last_event_note
FROM shipments s
LEFT JOIN LATERAL (
    SELECT se.status, se.occurred_at, se.note
    FROM shipment_events se
    WHERE se.shipment_id = s.id
    ORDER BY se.occurred_at DESC, se.id DESC
    LIMIT 1
) e ON true
WHERE s.tracking_code = $1;

-- name: GetShipmentByReference :one
SELECT * FROM shipments
WHERE reference = $1 AND origin_depot_id = $2;

-- Search with optional filters, newest first, keyset paginated.
-- name: SearchShipments :many
SELECT id, tracking_code, reference, status, recipient_name, postal_code, priority, created_at
FROM shipments
WHERE origin_depot_id = sqlc.arg(depot_id)
  AND (sqlc.narg(status)::shipment_status IS NULL OR status = sqlc.narg(status))
  AND (sqlc.narg(postal_code)::text IS NULL OR postal_code = sqlc.narg(postal_code))
  AND (sqlc.narg(tag)::text IS NULL OR tags @> ARRAY[sqlc.narg(tag)::text])
  AND (sqlc.narg(recipient)::text IS NULL OR recipient_name ILIKE '%' || sqlc.narg(recipient)::text || '%')
  AND (sqlc.narg(created_after)::timestamptz IS NULL OR created_at >= sqlc.narg(created_after))
  AND (created_at, id) < (sqlc.arg(before_created_at)::timestamptz, sqlc.arg(before_id)::bigint)
ORDER BY created_at DESC, id DESC
LIMIT sqlc.arg(page_size)::int;

-- Offset-paginated list for the back office.
-- name: ListShipmentsPage :many
SELECT id, tracking_code, status, recipient_name, weight_kg, created_at,
       count(*) OVER () AS total_count
FROM shipments
WHERE origin_depot_id = $1
ORDER BY created_at DESC
LIMIT $2 OFFSET $3;

-- name: GetShipmentsByIDs :many
SELECT * FROM shipments
WHERE id = ANY ($1::bigint[])
ORDER BY id;

-- name: GetShipmentsByTrackingCodes :many
SELECT id, tracking_code, status
FROM shipments
WHERE tracking_code = ANY (@codes::uuid[]);

-- name: UpdateShipmentAddress :one
UPDATE shipments
SET address = @address,
    postal_code = @postal_code,
    latitude = @latitude,
    longitude = @longitude,
    updated_at = now()
WHERE id = @id AND status IN ('created', 'awaiting_pickup', 'picked_up', 'in_transit')
RETURNING *;

-- name: UpdateDeliveryWindow :execrows
UPDATE shipments
SET window_start = sqlc.narg(window_start),
    window_end = sqlc.narg(window_end),
    updated_at = now()
WHERE id = sqlc.arg(id);

-- name: AddShipmentTags :exec
UPDATE shipments
SET tags = ARRAY(SELECT DISTINCT unnest(tags || $2::text[]) ORDER BY 1),
    updated_at = now()
WHERE id = $1;

-- name: MergeShipmentAttributes :one
UPDATE shipments
SET attributes = attributes || @patch::jsonb, updated_at = now()
WHERE id = @id
RETURNING attributes;

-- Changes the status and records the tracking event atomically.
-- name: TransitionShipment :one
WITH updated AS (
    UPDATE shipments
    SET status = @status::shipment_status,
        attempts = attempts + CASE WHEN @status::shipment_status = 'failed_attempt' THEN 1 ELSE 0 END,
        delivered_at = CASE WHEN @status::shipment_status = 'delivered' THEN now() ELSE delivered_at END,
        updated_at = now()
    WHERE id = @shipment_id
    RETURNING id, status
), ev AS (
    INSERT INTO shipment_events (shipment_id, status, depot_id, driver_id, latitude, longitude, note)
    SELECT id, status, sqlc.narg(depot_id), sqlc.narg(driver_id), sqlc.narg(latitude), sqlc.narg(longitude), sqlc.narg(note)
    FROM updated
    RETURNING id, occurred_at
)
SELECT updated.id, updated.status, ev.id AS event_id, ev.occurred_at
FROM updated, ev;

-- Stores the signature / photo captured at delivery.
-- name: SetProofOfDelivery :exec
UPDATE shipments
SET proof_of_delivery = $2, updated_at = now()
WHERE id = $1 AND status = 'delivered';

-- name: GetProofOfDelivery :one
SELECT proof_of_delivery, length(proof_of_delivery) AS size_bytes
FROM shipments
WHERE id = $1;

-- name: CancelShipment :execrows
UPDATE shipments
SET status = 'cancelled', updated_at = now()
WHERE id = $1 AND status IN ('created', 'awaiting_pickup');

-- Bulk cancel of unshipped shipments by reference.
-- name: CancelShipmentsByReference :many
UPDATE shipments
SET status = 'cancelled', updated_at = now()
WHERE origin_depot_id = $1
  AND reference = ANY ($2::text[])
  AND status IN ('created', 'awaiting_pickup')
RETURNING id, reference;

-- name: InsertShipmentEvent :one
INSERT INTO shipment_events (shipment_id, status, occurred_at, depot_id, driver_id, latitude, longitude, note, payload)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING *;

-- Full history with time since the previous event.
-- name: ListShipmentEvents :many
SELECT id, status, occurred_at, depot_id, driver_id, note,
       occurred_at - lag(occurred_at) OVER (ORDER BY occurred_at, id) AS since_previous,
       row_number() OVER (ORDER BY occurred_at, id) AS step
FROM shipment_events
WHERE shipment_id = $1
ORDER BY occurred_at, id;

-- Latest event of each of many shipments.
-- name: LatestEventsForShipments :many
SELECT s.id AS shipment_id, e.id AS event_id, e.status, e.occurred_at
FROM shipments s
CROSS JOIN LATERAL (
    SELECT se.id, se.status, se.occurred_at
    FROM shipment_events se
    WHERE se.shipment_id = s.id
    ORDER BY se.occurred_at DESC, se.id DESC
    LIMIT 1
) e
WHERE s.id = ANY (@ids::bigint[]);

-- Shipments that have not moved for a while, excluding final states.
-- name: ListStuckShipments :many
SELECT s.id, s.tracking_code, s.status, max(e.occurred_at) AS last_event_at
FROM shipments s
LEFT JOIN shipment_events e ON e.shipment_id = s.id
WHERE s.status NOT IN ('delivered', 'returned', 'cancelled')
  AND s.origin_depot_id = $1
GROUP BY s.id
HAVING COALESCE(max(e.occurred_at), s.created_at) < now() - $2::interval
ORDER BY last_event_at NULLS FIRST;

-- Shipments ready to be put on a route: paid up, not on any open route.
-- name: ListUnroutedShipments :many
SELECT s.id, s.priority, s.weight_kg, s.volume_m3, s.latitude, s.longitude, s.window_start, s.window_end
FROM shipments s
WHERE s.origin_depot_id = $1
  AND s.status IN ('awaiting_pickup', 'picked_up', 'in_transit')
  AND s.latitude IS NOT NULL
  AND NOT EXISTS (
      SELECT 1
      FROM route_stops rs
      JOIN routes r ON r.id = rs.route_id
      WHERE rs.shipment_id = s.id AND r.status IN ('draft', 'planned', 'in_progress')
  )
ORDER BY s.priority, s.window_end NULLS LAST, s.id;

-- Shipments within a radius of a point (haversine, km).
-- name: ListShipmentsNear :many
SELECT id, tracking_code, status, distance_km
FROM (
    SELECT id, tracking_code, status,
           6371.0 * 2 * asin(sqrt(
               power(sin(radians(latitude - @lat::double precision) / 2), 2)
               + cos(radians(@lat::double precision)) * cos(radians(latitude))
                 * power(sin(radians(longitude - @lng::double precision) / 2), 2)
           )) AS distance_km
    FROM shipments
    WHERE latitude IS NOT NULL
      AND status = 'out_for_delivery'
) near
WHERE distance_km <= @radius_km::double precision
ORDER BY distance_km;

-- Status counts per depot.
-- name: ShipmentStatusCounts :many
SELECT origin_depot_id, status, count(*) AS total, sum(weight_kg) AS total_weight_kg
FROM shipments
WHERE created_at >= $1
GROUP BY origin_depot_id, status
ORDER BY origin_depot_id, status;

-- Time from creation to delivery: median and 95th percentile per depot.
-- name: DeliveryLeadTimes :many
SELECT origin_depot_id,
       count(*) AS delivered,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered_at - created_at) AS median_lead_time,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p95_lead_seconds
FROM shipments
WHERE status = 'delivered' AND delivered_at >= $1
GROUP BY origin_depot_id;

-- On-time delivery: delivered on or before the promised date.
-- name: OnTimeDeliveryRate :one
SELECT count(*) FILTER (WHERE delivered_at::date <= promised_date) AS on_time,
       count(*) AS total,
       (count(*) FILTER (WHERE delivered_at::date <= promised_date))::numeric / NULLIF(count(*), 0) AS rate
FROM shipments
WHERE origin_depot_id = $1
  AND status = 'delivered'
  AND promised_date IS NOT NULL
  AND delivered_at >= $2;

-- Cash on delivery collected per driver for a day.
-- name: CodCollectedByDriver :many
SELECT e.driver_id, d.full_name, count(*) AS deliveries, sum(s.cod_amount) AS cod_total
FROM shipment_events e
JOIN shipments s ON s.id = e.shipment_id
JOIN drivers d ON d.id = e.driver_id
WHERE e.status = 'delivered'
  AND e.occurred_at >= @day::date
  AND e.occurred_at < @day::date + 1
  AND s.cod_amount > 0
GROUP BY e.driver_id, d.full_name
ORDER BY cod_total DESC;

-- Event feed across shipments: combines tracking events and rating submissions.
-- name: ShipmentActivityFeed :many
SELECT 'event' AS kind, e.shipment_id, e.occurred_at AS at, e.status::text AS detail
FROM shipment_events e
WHERE e.shipment_id = ANY ($1::bigint[])
UNION ALL
SELECT 'rating' AS kind, r.shipment_id, r.rated_at AS at, r.score::text AS detail
FROM driver_ratings r
WHERE r.shipment_id = ANY ($1::bigint[])
ORDER BY at DESC
LIMIT $2;

-- Deletes events older than the retention for shipments in a final state.
-- name: PurgeOldEvents :execrows
DELETE FROM shipment_events e
USING shipments s
WHERE e.shipment_id = s.id
  AND s.status IN ('delivered', 'returned', 'cancelled')
  AND e.occurred_at < now() - @retention::interval;

-- Returns shipments that failed delivery too often back to the sender.
-- name: ReturnFailedShipments :many
WITH returned AS (
    UPDATE shipments
    SET status = 'returned', updated_at = now()
    WHERE status = 'failed_attempt' AND attempts >= $1
    RETURNING id, origin_depot_id
)
INSERT INTO shipment_events (shipment_id, status, depot_id, note)
SELECT id, 'returned', origin_depot_id, 'max delivery attempts reached'
FROM returned
RETURNING shipment_id, id AS event_id;

-- Export of a shipment with its events as JSON.
-- name: ExportShipmentJSON :one
SELECT row_to_json(s)::jsonb
       || jsonb_build_object('events', (
              SELECT COALESCE(jsonb_agg(jsonb_build_object('status', e.status, 'at', e.occurred_at) ORDER BY e.occurred_at), '[]'::jsonb)
              FROM shipment_events e
              WHERE e.shipment_id = s.id
          )) AS document
FROM (
    SELECT id, tracking_code, status, recipient_name, address, weight_kg, created_at
    FROM shipments
    WHERE id = $1
) s;

-- Shipments by attribute from the JSON document.
-- name: ListShipmentsByAttribute :many
SELECT id, tracking_code, attributes ->> @key::text AS value
FROM shipments
WHERE attributes ? @key::text
  AND origin_depot_id = @depot_id
ORDER BY id DESC
LIMIT 100;

-- name: DeleteShipment :exec
DELETE FROM shipments
WHERE id = $1 AND status = 'cancelled';
