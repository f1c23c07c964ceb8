-- Queues dispatch work for a shipment unless one is already open.
-- name: EnqueueDispatch :one
INSERT INTO dispatch_jobs (depot_id, shipment_id, priority, run_after)
VALUES ($1, $2, $3, COALESCE($4, now()))
ON CONFLICT (shipment_id) WHERE state IN ('pending', 'claimed') DO NOTHING
RETURNING *;

-- Queues every unrouted shipment of a depot.
-- name: EnqueueDepotBacklog :execrows
INSERT INTO dispatch_jobs (depot_id, shipment_id, priority)
SELECT s.origin_depot_id, s.id, 6 - s.priority
FROM shipments s
WHERE s.origin_depot_id = $1
  AND s.status = 'awaiting_pickup'
  AND NOT EXISTS (
      SELECT 1 FROM dispatch_jobs j
      WHERE j.shipment_id = s.id AND j.state IN ('pending', 'claimed')
  );

-- Claims up to n jobs for a worker; concurrent workers skip each other's rows.
-- name: ClaimDispatchJobs :many
UPDATE dispatch_jobs j
SET state = 'claimed', claimed_by = @worker::text, claimed_at = now(), attempts = j.attempts + 1
FROM (
    SELECT id
    FROM dispatch_jobs
    WHERE depot_id = @depot_id
      AND state = 'pending'
      AND run_after <= now()
    ORDER BY priority DESC, run_after, id
    LIMIT @batch_size::int
    FOR UPDATE SKIP LOCKED
) picked
WHERE j.id = picked.id
RETURNING j.id, j.shipment_id, j.priority, j.attempts;

-- Claims a single job, any depot.
-- name: ClaimNextDispatchJob :one
WITH next AS (
    SELECT id
    FROM dispatch_jobs
    WHERE state = 'pending' AND run_after <= now()
    ORDER BY priority DESC, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE dispatch_jobs
SET state = 'claimed', claimed_by = $1, claimed_at = now(), attempts = attempts + 1
WHERE id = (SELECT id FROM next)
RETURNING *;

-- name: CompleteDispatchJob :execrows
UPDATE dispatch_jobs
SET state = 'done'
WHERE id = $1 AND state = 'claimed' AND claimed_by = $2;

-- Fails a job; retries with exponential backoff until the attempt limit.
-- name: FailDispatchJob :one
UPDATE dispatch_jobs
SET state = CASE WHEN attempts >= @max_attempts::int THEN 'failed'::dispatch_state ELSE 'pending'::dispatch_state END,
    last_error = @error::text,
    run_after = now() + make_interval(secs => power(2, attempts)::double precision * 30),
    claimed_by = NULL,
    claimed_at = NULL
WHERE id = @id
RETURNING id, state, run_after;

-- Releases claims held for too long by dead workers.
-- name: ReleaseStaleClaims :execrows
UPDATE dispatch_jobs
SET state = 'pending', claimed_by = NULL, claimed_at = NULL
WHERE state = 'claimed' AND claimed_at < now() - $1::interval;

-- Queue depth and age per depot.
-- name: DispatchQueueStats :many
SELECT depot_id, state, count(*) AS jobs,
       min(created_at) AS oldest,
       max(now() - created_at) AS max_age,
       avg(attempts)::double precision AS avg_attempts
FROM dispatch_jobs
GROUP BY depot_id, state
ORDER BY depot_id, state;

-- Removes finished jobs of delivered shipments.
-- name: PurgeFinishedDispatchJobs :execrows
DELETE FROM dispatch_jobs j
USING shipments s
WHERE j.shipment_id = s.id
  AND j.state IN ('done', 'failed')
  AND s.status IN ('delivered', 'returned', 'cancelled')
  AND j.created_at < now() - interval '7 days';

-- Recomputes the KPIs of one depot and day from raw data and stores them.
-- name: ComputeDailyKPIs :one
WITH bounds AS (
    SELECT @day::date::timestamptz AS day_start, (@day::date + 1)::timestamptz AS day_end
), created AS (
    SELECT count(*)::int AS n
    FROM shipments s, bounds b
    WHERE s.origin_depot_id = @depot_id AND s.created_at >= b.day_start AND s.created_at < b.day_end
), delivered AS (
    SELECT count(*)::int AS n,
           (count(*) FILTER (WHERE s.promised_date IS NULL OR s.delivered_at::date <= s.promised_date))::numeric
               / NULLIF(count(*), 0) AS on_time
    FROM shipments s, bounds b
    WHERE s.origin_depot_id = @depot_id AND s.delivered_at >= b.day_start AND s.delivered_at < b.day_end
), failed AS (
    SELECT count(*)::int AS n
    FROM shipment_events e
    JOIN shipments s ON s.id = e.shipment_id, bounds b
    WHERE s.origin_depot_id = @depot_id AND e.status = 'failed_attempt'
      AND e.occurred_at >= b.day_start AND e.occurred_at < b.day_end
), km AS (
    SELECT COALESCE(sum(r.actual_km), 0) AS total
    FROM routes r
    WHERE r.depot_id = @depot_id AND r.service_date = @day::date AND r.status = 'completed'
), fuel AS (
    SELECT COALESCE(sum(f.liters), 0) AS total
    FROM fuel_logs f
    JOIN vehicles v ON v.id = f.vehicle_id, bounds b
    WHERE v.depot_id = @depot_id AND f.fueled_at >= b.day_start AND f.fueled_at < b.day_end
), rating AS (
    SELECT avg(r.score)::real AS avg_score
    FROM driver_ratings r
    JOIN drivers d ON d.id = r.driver_id, bounds b
    WHERE d.home_depot_id = @depot_id AND r.rated_at >= b.day_start AND r.rated_at < b.day_end
)
INSERT INTO daily_kpis (depot_id, day, shipments_created, shipments_delivered, failed_attempts, on_time_rate, km_driven, fuel_liters, avg_rating)
SELECT @depot_id, @day::date, created.n, delivered.n, failed.n, round(delivered.on_time, 4), km.total, fuel.total, rating.avg_score
FROM created, delivered, failed, km, fuel, rating
ON CONFLICT (depot_id, day) DO UPDATE
SET shipments_created = EXCLUDED.shipments_created,
    shipments_delivered = EXCLUDED.shipments_delivered,
    failed_attempts = EXCLUDED.failed_attempts,
    on_time_rate = EXCLUDED.on_time_rate,
    km_driven = EXCLUDED.km_driven,
    fuel_liters = EXCLUDED.fuel_liters,
    avg_rating = EXCLUDED.avg_rating,
    computed_at = now()
RETURNING *;

-- name: UpsertDailyKPI :exec
INSERT INTO daily_kpis (depot_id, day, shipments_created, shipments_delivered, failed_attempts, on_time_rate, km_driven, fuel_liters, avg_rating)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (depot_id, day) DO UPDATE
SET shipments_created = EXCLUDED.shipments_created,
    shipments_delivered = EXCLUDED.shipments_delivered,
    failed_attempts = EXCLUDED.failed_attempts,
    on_time_rate = EXCLUDED.on_time_rate,
    km_driven = EXCLUDED.km_driven,
    fuel_liters = EXCLUDED.fuel_liters,
    avg_rating = EXCLUDED.avg_rating,
    computed_at = now();

-- name: GetDailyKPI :one
SELECT * FROM daily_kpis
WHERE depot_id = $1 AND day = $2;

-- One row per day of the range, zero-filled where nothing was computed.
-- name: ListDailyKPIs :many
SELECT g.day::date AS day,
       COALESCE(k.shipments_created, 0) AS shipments_created,
       COALESCE(k.shipments_delivered, 0) AS shipments_delivered,
       COALESCE(k.failed_attempts, 0) AS failed_attempts,
       k.on_time_rate,
       COALESCE(k.km_driven, 0) AS km_driven
FROM generate_series(@from_day::date, @to_day::date, interval '1 day') AS g (day)
LEFT JOIN daily_kpis k ON k.depot_id = @depot_id AND k.day = g.day::date
ORDER BY g.day;

-- Week-over-week deliveries with the change against the previous week.
-- name: WeeklyDeliveryTrend :many
SELECT date_trunc('week', day)::date AS week,
       sum(shipments_delivered) AS delivered,
       sum(shipments_delivered) - lag(sum(shipments_delivered)) OVER (ORDER BY date_trunc('week', day)) AS change
FROM daily_kpis
WHERE depot_id = $1 AND day >= $2
GROUP BY date_trunc('week', day)
ORDER BY week;

-- 7-day rolling sums of deliveries and failures.
-- name: RollingKPIs :many
SELECT day,
       shipments_delivered,
       sum(shipments_delivered) OVER seven AS delivered_7d,
       sum(failed_attempts) OVER seven AS failed_7d,
       avg(on_time_rate) OVER seven AS on_time_7d
FROM daily_kpis
WHERE depot_id = $1 AND day BETWEEN $2 AND $3
WINDOW seven AS (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
ORDER BY day;

-- Depot league table for a month.
-- name: DepotLeagueTable :many
SELECT d.code, d.name,
       sum(k.shipments_delivered) AS delivered,
       round(avg(k.on_time_rate), 4) AS on_time_rate,
       CASE WHEN sum(k.km_driven) > 0 THEN round(sum(k.fuel_liters) * 100 / sum(k.km_driven), 2) END AS liters_per_100km,
       dense_rank() OVER (ORDER BY avg(k.on_time_rate) DESC NULLS LAST) AS rank
FROM daily_kpis k
JOIN depots d ON d.id = k.depot_id
WHERE k.day >= date_trunc('month', @month::date)::date
  AND k.day < (date_trunc('month', @month::date) + interval '1 month')::date
GROUP BY d.id, d.code, d.name
ORDER BY rank, d.code;

-- Weekday profile: average deliveries per day of week.
-- name: WeekdayProfile :many
SELECT extract(isodow FROM day)::int AS iso_weekday,
       to_char(day, 'Dy') AS weekday_name,
       avg(shipments_delivered)::double precision AS avg_delivered,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY shipments_delivered) AS median_delivered
FROM daily_kpis
WHERE depot_id = $1 AND day >= current_date - 90
GROUP BY 1, 2
ORDER BY 1;

-- Days whose delivery count is unusually low versus the trailing 28-day average.
-- name: ListAnomalousDays :many
WITH scored AS (
    SELECT depot_id, day, shipments_delivered,
           avg(shipments_delivered) OVER w AS trailing_avg,
           stddev_samp(shipments_delivered) OVER w AS trailing_sd
    FROM daily_kpis
    WHERE day >= current_date - 120
    WINDOW w AS (PARTITION BY depot_id ORDER BY day ROWS BETWEEN 28 PRECEDING AND 1 PRECEDING)
)
SELECT depot_id, day, shipments_delivered, trailing_avg,
       (shipments_delivered - trailing_avg) / NULLIF(trailing_sd, 0) AS z_score
FROM scored
WHERE trailing_sd > 0
  AND (shipments_delivered - trailing_avg) / trailing_sd < -(@threshold::numeric)
ORDER BY day DESC;

-- Deletes KPI rows older than the retention window.
-- name: PurgeOldKPIs :execrows
DELETE FROM daily_kpis
WHERE day < current_date - @keep_days::int;

-- Dashboard header: one row of fleet-wide numbers for today.
-- name: FleetDashboard :one
SELECT
    (SELECT count(*) FROM vehicles WHERE status = 'active') AS active_vehicles,
    (SELECT count(*) FROM driver_shifts WHERE status = 'on_duty') AS drivers_on_duty,
    (SELECT count(*) FROM shipments WHERE status = 'out_for_delivery') AS out_for_delivery,
    (SELECT count(*) FROM shipments WHERE delivered_at >= date_trunc('day', now())) AS delivered_today,
    (SELECT count(*) FROM dispatch_jobs WHERE state = 'pending') AS pending_jobs,
    (SELECT count(DISTINCT vehicle_id) FROM gps_pings WHERE recorded_at > now() - interval '10 minutes') AS vehicles_reporting;
