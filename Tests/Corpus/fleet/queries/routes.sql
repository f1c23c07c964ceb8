-- name: CreateRoute :one
INSERT INTO routes (depot_id, service_date, code, planned_km, metadata)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetRoute :one
SELECT * FROM routes
WHERE id = $1;

-- Routes of a depot for a date, with optional status filter and stop counts.
-- name: ListRoutesForDay :many
SELECT r.id, r.code, r.status, r.shift_id, r.planned_km,
       count(rs.id) AS stops,
       count(rs.id) FILTER (WHERE rs.departed_at IS NOT NULL) AS stops_done
FROM routes r
LEFT JOIN route_stops rs ON rs.route_id = r.id
WHERE r.depot_id = sqlc.arg(depot_id)
  AND r.service_date = sqlc.arg(service_date)
  AND (sqlc.narg(status)::route_status IS NULL OR r.status = sqlc.narg(status))
GROUP BY r.id
ORDER BY r.code;

-- name: AssignRouteToShift :one
UPDATE routes
SET shift_id = $2, status = 'planned'
WHERE id = $1 AND status IN ('draft', 'planned')
RETURNING *;

-- name: StartRoute :one
UPDATE routes
SET status = 'in_progress', started_at = now()
WHERE id = $1 AND status = 'planned'
RETURNING id, started_at;

-- Finishes a route; actual distance comes from the stops driven.
-- name: FinishRoute :one
UPDATE routes
SET status = 'completed', finished_at = now(), actual_km = @actual_km
WHERE id = @id AND status = 'in_progress'
RETURNING id, started_at, finished_at, finished_at - started_at AS duration;

-- name: CancelRoute :execrows
UPDATE routes
SET status = 'cancelled'
WHERE id = $1 AND status IN ('draft', 'planned');

-- name: SetRouteMetadataKey :exec
UPDATE routes
SET metadata = jsonb_set(metadata, @path::text[], @value::jsonb, true)
WHERE id = @id;

-- name: DeleteDraftRoutesBefore :execrows
DELETE FROM routes
WHERE status = 'draft' AND service_date < $1;

-- name: AddStop :one
INSERT INTO route_stops (route_id, shipment_id, sequence, kind, latitude, longitude, eta, service_time, notes)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING *;

-- Appends a stop at the end of the route.
-- name: AppendStop :one
INSERT INTO route_stops (route_id, shipment_id, sequence, kind, latitude, longitude)
SELECT @route_id, @shipment_id,
       COALESCE(max(sequence), 0) + 1,
       @kind, @latitude, @longitude
FROM route_stops
WHERE route_id = @route_id
RETURNING id, sequence;

-- Adds a stop per shipment, in the order the ids are given.
-- name: AddStopsForShipments :many
INSERT INTO route_stops (route_id, shipment_id, sequence, kind, latitude, longitude)
SELECT $1, s.id, ids.ord::int, 'dropoff', s.latitude, s.longitude
FROM unnest($2::bigint[]) WITH ORDINALITY AS ids (shipment_id, ord)
JOIN shipments s ON s.id = ids.shipment_id
WHERE s.latitude IS NOT NULL AND s.longitude IS NOT NULL
RETURNING id, shipment_id, sequence;

-- Ordered stops with distance from the previous stop (haversine, km).
-- name: ListRouteStops :many
SELECT id, sequence, kind, shipment_id, latitude, longitude, eta, arrived_at, departed_at,
       6371.0 * 2 * asin(sqrt(
           power(sin(radians(latitude - lag(latitude) OVER w) / 2), 2)
           + cos(radians(lag(latitude) OVER w)) * cos(radians(latitude))
             * power(sin(radians(longitude - lag(longitude) OVER w) / 2), 2)
       )) AS leg_km
FROM route_stops
WHERE route_id = $1
WINDOW w AS (ORDER BY sequence)
ORDER BY sequence;

-- Total straight-line length of a route.
-- name: RouteLength :one
WITH legs AS (
    SELECT latitude, longitude,
           lag(latitude) OVER (ORDER BY sequence) AS prev_lat,
           lag(longitude) OVER (ORDER BY sequence) AS prev_lng
    FROM route_stops
    WHERE route_id = $1
)
SELECT COALESCE(sum(
           6371.0 * 2 * asin(sqrt(
               power(sin(radians(latitude - prev_lat) / 2), 2)
               + cos(radians(prev_lat)) * cos(radians(latitude))
                 * power(sin(radians(longitude - prev_lng) / 2), 2)
           ))
       ), 0)::double precision AS total_km,
       count(*) AS stops
FROM legs;

-- Renumbers stops as 1..n after removals, keeping their order.
-- name: ResequenceStops :execrows
UPDATE route_stops rs
SET sequence = n.new_sequence
FROM (
    SELECT id, row_number() OVER (ORDER BY sequence)::int AS new_sequence
    FROM route_stops
    WHERE route_id = $1
) n
WHERE rs.id = n.id AND rs.sequence <> n.new_sequence;

-- Moves one stop to a new position, shifting the others.
-- name: MoveStop :execrows
UPDATE route_stops
SET sequence = CASE
        WHEN id = @stop_id THEN @new_sequence::int
        WHEN @new_sequence::int < @old_sequence::int THEN sequence + 1
        ELSE sequence - 1
    END
WHERE route_id = @route_id
  AND sequence BETWEEN LEAST(@new_sequence::int, @old_sequence::int) AND GREATEST(@new_sequence::int, @old_sequence::int);

-- name: ArriveAtStop :one
UPDATE route_stops
SET arrived_at = now()
WHERE id = $1 AND arrived_at IS NULL
RETURNING id, eta, arrived_at, arrived_at - eta AS delay;

-- name: DepartStop :exec
UPDATE route_stops
SET departed_at = now()
WHERE id = $1 AND arrived_at IS NOT NULL;

-- name: RemoveStop :execrows
DELETE FROM route_stops
WHERE id = $1 AND arrived_at IS NULL;

-- Removes stops whose shipment was cancelled.
-- name: RemoveCancelledStops :execrows
DELETE FROM route_stops rs
USING shipments s
WHERE rs.shipment_id = s.id
  AND s.status = 'cancelled'
  AND rs.route_id = $1
  AND rs.arrived_at IS NULL;

-- Next stop the driver should go to.
-- name: GetNextStop :one
SELECT rs.id, rs.sequence, rs.kind, rs.latitude, rs.longitude, rs.eta,
       s.recipient_name, s.address, s.requires_signature, s.cod_amount
FROM route_stops rs
LEFT JOIN shipments s ON s.id = rs.shipment_id
WHERE rs.route_id = $1 AND rs.departed_at IS NULL
ORDER BY rs.sequence
LIMIT 1;

-- Recomputes ETAs from a start time by accumulating service times and a fixed speed.
-- name: RecomputeETAs :execrows
WITH ordered AS (
    SELECT id, sequence, service_time,
           6371.0 * 2 * asin(sqrt(
               power(sin(radians(latitude - COALESCE(lag(latitude) OVER w, latitude)) / 2), 2)
               + cos(radians(COALESCE(lag(latitude) OVER w, latitude))) * cos(radians(latitude))
                 * power(sin(radians(longitude - COALESCE(lag(longitude) OVER w, longitude)) / 2), 2)
           )) AS leg_km
    FROM route_stops
    WHERE route_id = @route_id
    WINDOW w AS (ORDER BY sequence)
), timed AS (
    SELECT id,
           sum(leg_km) OVER (ORDER BY sequence ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS km_so_far,
           COALESCE(sum(service_time) OVER (ORDER BY sequence ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), interval '0') AS service_so_far
    FROM ordered
)
UPDATE route_stops rs
SET eta = @start_at::timestamptz
          + timed.service_so_far
          + make_interval(secs => timed.km_so_far / @speed_kmh::double precision * 3600)
FROM timed
WHERE rs.id = timed.id;

-- Stops that ran late, with lateness percentiles per route.
-- name: RouteLatenessStats :many
SELECT r.id, r.code,
       count(rs.id) AS stops,
       count(rs.id) FILTER (WHERE rs.arrived_at > rs.eta) AS late_stops,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM rs.arrived_at - rs.eta)) AS p90_delay_seconds
FROM routes r
JOIN route_stops rs ON rs.route_id = r.id
WHERE r.depot_id = $1 AND r.service_date BETWEEN $2 AND $3
  AND rs.arrived_at IS NOT NULL AND rs.eta IS NOT NULL
GROUP BY r.id, r.code
HAVING count(rs.id) FILTER (WHERE rs.arrived_at > rs.eta) > 0
ORDER BY late_stops DESC;

-- Route sheet for the driver app as JSON: the route and its ordered stops.
-- name: GetRouteSheet :one
SELECT jsonb_build_object(
    'route', r.code,
    'date', r.service_date,
    'status', r.status,
    'stops', COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
                   'seq', rs.sequence,
                   'kind', rs.kind,
                   'lat', rs.latitude,
                   'lng', rs.longitude,
                   'eta', rs.eta,
                   'recipient', s.recipient_name
               ) ORDER BY rs.sequence)
        FROM route_stops rs
        LEFT JOIN shipments s ON s.id = rs.shipment_id
        WHERE rs.route_id = r.id
    ), '[]'::jsonb)
) AS sheet
FROM routes r
WHERE r.id = $1;

-- Copies a route (and its stops) to another date as a draft.
-- name: CloneRoute :one
WITH new_route AS (
    INSERT INTO routes (depot_id, service_date, code, planned_km, metadata)
    SELECT depot_id, @service_date, code, planned_km, metadata || jsonb_build_object('cloned_from', id)
    FROM routes
    WHERE id = @source_id
    RETURNING id
), copied AS (
    INSERT INTO route_stops (route_id, shipment_id, sequence, kind, latitude, longitude, service_time, notes)
    SELECT new_route.id, rs.shipment_id, rs.sequence, rs.kind, rs.latitude, rs.longitude, rs.service_time, rs.notes
    FROM route_stops rs, new_route
    WHERE rs.route_id = @source_id
    RETURNING 1
)
SELECT new_route.id, (SELECT count(*) FROM copied) AS stops_copied
FROM new_route;

-- Routes that have stops but no shift yet, oldest first.
-- name: ListUnassignedRoutes :many
SELECT r.id, r.depot_id, r.service_date, r.code
FROM routes r
WHERE r.shift_id IS NULL
  AND r.status IN ('draft', 'planned')
  AND EXISTS (SELECT 1 FROM route_stops rs WHERE rs.route_id = r.id)
ORDER BY r.service_date, r.code
LIMIT $1 OFFSET $2;

-- Planned vs actual distance per route, with the ratio.
-- name: RouteDistanceVariance :many
SELECT id, code, service_date, planned_km, actual_km,
       CASE WHEN planned_km > 0 THEN round(actual_km / planned_km, 3) END AS ratio
FROM routes
WHERE depot_id = $1 AND status = 'completed' AND service_date >= $2
ORDER BY ratio DESC NULLS LAST;
