-- name: InsertGPSPing :exec
INSERT INTO gps_pings (vehicle_id, driver_id, recorded_at, latitude, longitude, speed_kmh, heading, accuracy_m, ignition_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- Bulk insert of a batch of pings sent by a tracker (timestamps as Unix epoch seconds).
-- name: InsertGPSPingBatch :execrows
INSERT INTO gps_pings (vehicle_id, recorded_at, latitude, longitude, speed_kmh)
SELECT @vehicle_id, to_timestamp(t.epoch), t.latitude, t.longitude, t.speed_kmh::real
FROM unnest(
    @epochs::double precision[],
    @latitudes::double precision[],
    @longitudes::double precision[],
    @speeds::double precision[]
) AS t (epoch, latitude, longitude, speed_kmh);

-- name: GetLatestPing :one
SELECT * FROM gps_pings
WHERE vehicle_id = $1
ORDER BY recorded_at DESC
LIMIT 1;

-- Latest known position of every vehicle of a depot.
-- name: ListFleetPositions :many
SELECT DISTINCT ON (g.vehicle_id)
       g.vehicle_id, v.plate_number, g.latitude, g.longitude, g.speed_kmh, g.recorded_at,
       now() - g.recorded_at AS staleness
FROM gps_pings g
JOIN vehicles v ON v.id = g.vehicle_id
WHERE v.depot_id = $1
  AND g.recorded_at > now() - interval '1 day'
ORDER BY g.vehicle_id, g.recorded_at DESC;

-- Track of a vehicle for a time range.
-- name: ListVehicleTrack :many
SELECT recorded_at, latitude, longitude, speed_kmh, heading
FROM gps_pings
WHERE vehicle_id = $1
  AND recorded_at BETWEEN $2 AND $3
ORDER BY recorded_at;

-- Distance driven per vehicle and day from consecutive pings.
-- name: DailyDistanceFromPings :many
WITH legs AS (
    SELECT vehicle_id, recorded_at,
           latitude, longitude,
           lag(latitude) OVER w AS prev_lat,
           lag(longitude) OVER w AS prev_lng
    FROM gps_pings
    WHERE recorded_at >= @since::timestamptz
      AND vehicle_id = ANY (@vehicle_ids::bigint[])
    WINDOW w AS (PARTITION BY vehicle_id, date_trunc('day', recorded_at) ORDER BY recorded_at)
)
SELECT vehicle_id,
       date_trunc('day', recorded_at)::date AS day,
       round(sum(
           6371.0 * 2 * asin(sqrt(
               power(sin(radians(latitude - prev_lat) / 2), 2)
               + cos(radians(prev_lat)) * cos(radians(latitude))
                 * power(sin(radians(longitude - prev_lng) / 2), 2)
           ))
       )::numeric, 2) AS km
FROM legs
WHERE prev_lat IS NOT NULL
GROUP BY vehicle_id, date_trunc('day', recorded_at)
ORDER BY vehicle_id, day;

-- Speeding episodes: pings above the limit, with the maximum per hour.
-- name: ListSpeedingHours :many
SELECT vehicle_id,
       date_trunc('hour', recorded_at) AS hour,
       count(*) AS pings_over_limit,
       max(speed_kmh) AS max_speed
FROM gps_pings
WHERE speed_kmh > @limit_kmh::real
  AND recorded_at >= @since::timestamptz
GROUP BY vehicle_id, date_trunc('hour', recorded_at)
HAVING count(*) >= 3
ORDER BY max_speed DESC;

-- Vehicles idling: ignition on, speed zero, for several consecutive pings.
-- name: ListIdlingVehicles :many
SELECT vehicle_id, min(recorded_at) AS idle_since, count(*) AS pings
FROM (
    SELECT vehicle_id, recorded_at, ignition_on, speed_kmh,
           row_number() OVER (PARTITION BY vehicle_id ORDER BY recorded_at DESC) AS rn
    FROM gps_pings
    WHERE recorded_at > now() - $1::interval
) recent
WHERE rn <= 20 AND ignition_on AND COALESCE(speed_kmh, 0) < 1
GROUP BY vehicle_id
HAVING count(*) >= $2::int
ORDER BY idle_since;

-- Vehicles currently inside a circle around a depot.
-- name: ListVehiclesAtDepot :many
SELECT p.vehicle_id, p.latitude, p.longitude, p.recorded_at
FROM depots d
CROSS JOIN LATERAL (
    SELECT DISTINCT ON (g.vehicle_id) g.vehicle_id, g.latitude, g.longitude, g.recorded_at
    FROM gps_pings g
    JOIN vehicles v ON v.id = g.vehicle_id
    WHERE v.depot_id = d.id AND g.recorded_at > now() - interval '30 minutes'
    ORDER BY g.vehicle_id, g.recorded_at DESC
) p
WHERE d.id = @depot_id
  AND 6371000.0 * 2 * asin(sqrt(
          power(sin(radians(p.latitude - d.latitude) / 2), 2)
          + cos(radians(d.latitude)) * cos(radians(p.latitude))
            * power(sin(radians(p.longitude - d.longitude) / 2), 2)
      )) <= @radius_m::double precision;

-- Ping coverage: pings per 15-minute bucket for the last day.
-- name: PingCoverage :many
SELECT b.bucket, count(g.id) AS pings
FROM generate_series(
         date_trunc('hour', now()) - interval '1 day',
         date_trunc('hour', now()),
         interval '15 minutes'
     ) AS b (bucket)
LEFT JOIN gps_pings g
       ON g.vehicle_id = $1
      AND g.recorded_at >= b.bucket
      AND g.recorded_at < b.bucket + interval '15 minutes'
GROUP BY b.bucket
ORDER BY b.bucket;

-- name: DeletePingsBefore :execrows
DELETE FROM gps_pings
WHERE recorded_at < $1;

-- Keeps only every nth ping older than a day (downsampling).
-- name: DownsampleOldPings :execrows
DELETE FROM gps_pings g
USING (
    SELECT id, row_number() OVER (PARTITION BY vehicle_id, date_trunc('minute', recorded_at) ORDER BY recorded_at) AS rn
    FROM gps_pings
    WHERE recorded_at < now() - interval '1 day'
) ranked
WHERE g.id = ranked.id AND ranked.rn > 1;

-- name: CreateFuelLog :one
INSERT INTO fuel_logs (vehicle_id, driver_id, fueled_at, fuel, liters, price_per_liter, odometer_km, station, receipt_image, full_tank)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING id, fueled_at, liters * price_per_liter AS total_cost;

-- name: ListFuelLogs :many
SELECT id, fueled_at, fuel, liters, price_per_liter, odometer_km, station, full_tank
FROM fuel_logs
WHERE vehicle_id = $1
ORDER BY fueled_at DESC
LIMIT $2 OFFSET $3;

-- Fuel economy between consecutive full-tank fill-ups, litres per 100 km.
-- name: FuelEconomy :many
SELECT id, fueled_at, odometer_km,
       odometer_km - lag(odometer_km) OVER w AS km_since_last,
       CASE WHEN odometer_km - lag(odometer_km) OVER w > 0
            THEN round(liters * 100 / (odometer_km - lag(odometer_km) OVER w), 2)
       END AS liters_per_100km
FROM fuel_logs
WHERE vehicle_id = $1 AND full_tank
WINDOW w AS (ORDER BY fueled_at)
ORDER BY fueled_at;

-- Fuel spend per depot and month.
-- name: FuelSpendByMonth :many
SELECT v.depot_id,
       date_trunc('month', f.fueled_at)::date AS month,
       f.fuel,
       sum(f.liters) AS liters,
       sum(f.liters * f.price_per_liter)::numeric(12,2) AS spend,
       round(avg(f.price_per_liter), 3) AS avg_price
FROM fuel_logs f
JOIN vehicles v ON v.id = f.vehicle_id
WHERE f.fueled_at >= $1
GROUP BY v.depot_id, month, f.fuel
ORDER BY v.depot_id, month, f.fuel;

-- Fill-ups larger than the tank: likely fraud or typos.
-- name: ListSuspiciousFuelLogs :many
SELECT f.id, f.vehicle_id, v.plate_number, f.liters, v.fuel_tank_liters, f.fueled_at
FROM fuel_logs f
JOIN vehicles v ON v.id = f.vehicle_id
WHERE f.liters > v.fuel_tank_liters * 1.05
   OR EXISTS (
       SELECT 1 FROM fuel_logs f2
       WHERE f2.vehicle_id = f.vehicle_id
         AND f2.id <> f.id
         AND f2.fueled_at BETWEEN f.fueled_at - interval '2 hours' AND f.fueled_at + interval '2 hours'
   )
ORDER BY f.fueled_at DESC;

-- Updates odometers from the latest fuel log where it is ahead.
-- name: SyncOdometersFromFuelLogs :execrows
UPDATE vehicles v
SET odometer_km = latest.odometer_km, updated_at = now()
FROM (
    SELECT DISTINCT ON (vehicle_id) vehicle_id, odometer_km
    FROM fuel_logs
    ORDER BY vehicle_id, fueled_at DESC
) latest
WHERE v.id = latest.vehicle_id AND latest.odometer_km > v.odometer_km;

-- name: GetFuelReceipt :one
SELECT receipt_image
FROM fuel_logs
WHERE id = $1 AND receipt_image IS NOT NULL;

-- One rating per shipment; a second submission replaces the first.
-- name: RateDriver :one
INSERT INTO driver_ratings (driver_id, shipment_id, score, comment)
VALUES (@driver_id, @shipment_id, @score, @comment)
ON CONFLICT (shipment_id) DO UPDATE
SET score = EXCLUDED.score,
    comment = EXCLUDED.comment,
    rated_at = now()
RETURNING *;

-- name: ListDriverRatings :many
SELECT r.id, r.shipment_id, r.score, r.comment, r.rated_at
FROM driver_ratings r
WHERE r.driver_id = $1
  AND ($2::timestamptz IS NULL OR r.rated_at < $2)
ORDER BY r.rated_at DESC
LIMIT $3;

-- Rating distribution and averages per driver.
-- name: DriverRatingSummary :many
SELECT d.id, d.full_name,
       count(r.id) AS ratings,
       round(avg(r.score), 2) AS avg_score,
       count(*) FILTER (WHERE r.score <= 2) AS low_scores,
       array_agg(DISTINCT r.score::int ORDER BY r.score::int) FILTER (WHERE r.id IS NOT NULL) AS scores_seen
FROM drivers d
LEFT JOIN driver_ratings r ON r.driver_id = d.id AND r.rated_at >= sqlc.arg(since)::timestamptz
WHERE d.home_depot_id = sqlc.arg(depot_id)
GROUP BY d.id, d.full_name
ORDER BY avg_score DESC NULLS LAST;

-- Top rated drivers per depot (at least n ratings).
-- name: TopDriversPerDepot :many
SELECT depot_id, driver_id, full_name, avg_score, position
FROM (
    SELECT d.home_depot_id AS depot_id, d.id AS driver_id, d.full_name,
           avg(r.score)::double precision AS avg_score,
           row_number() OVER (PARTITION BY d.home_depot_id ORDER BY avg(r.score) DESC, count(*) DESC) AS position
    FROM drivers d
    JOIN driver_ratings r ON r.driver_id = d.id
    GROUP BY d.home_depot_id, d.id, d.full_name
    HAVING count(*) >= @min_ratings::int
) ranked
WHERE position <= @top_n::int
ORDER BY depot_id, position;

-- 30-day moving average of a driver's score, per day with ratings.
-- name: DriverRatingTrend :many
SELECT rated_at::date AS day,
       avg(score)::real AS day_avg,
       avg(avg(score)) OVER (ORDER BY rated_at::date RANGE BETWEEN interval '29 days' PRECEDING AND CURRENT ROW)::real AS moving_avg
FROM driver_ratings
WHERE driver_id = $1
GROUP BY rated_at::date
ORDER BY day;
