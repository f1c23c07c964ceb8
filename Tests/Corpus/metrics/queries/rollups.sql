-- Rolls raw measurements of one hour up into the hourly table (idempotent upsert).
-- name: RollupHour :execrows
INSERT INTO measurements_hourly (bucket, device_id, metric, samples, min_value, max_value, avg_value, sum_value)
SELECT date_trunc('hour', ts), device_id, metric, count(*), min(value), max(value), avg(value), sum(value)
FROM measurements
WHERE ts >= @hour_start::timestamptz AND ts < @hour_start::timestamptz + interval '1 hour'
GROUP BY 1, 2, 3
ON CONFLICT (device_id, metric, bucket) DO UPDATE
SET samples = EXCLUDED.samples,
    min_value = EXCLUDED.min_value,
    max_value = EXCLUDED.max_value,
    avg_value = EXCLUDED.avg_value,
    sum_value = EXCLUDED.sum_value;

-- Rolls up everything newer than the latest hourly bucket.
-- name: RollupPending :execrows
INSERT INTO measurements_hourly AS h (bucket, device_id, metric, samples, min_value, max_value, avg_value, sum_value)
SELECT date_trunc('hour', m.ts) AS bucket, m.device_id, m.metric,
       count(*), min(m.value), max(m.value), avg(m.value), sum(m.value)
FROM measurements m
WHERE m.ts >= coalesce((SELECT max(bucket) FROM measurements_hourly), '-infinity')
  AND m.ts < date_trunc('hour', now())
GROUP BY 1, 2, 3
ON CONFLICT (device_id, metric, bucket) DO UPDATE
SET samples = EXCLUDED.samples,
    min_value = least(h.min_value, EXCLUDED.min_value),
    max_value = greatest(h.max_value, EXCLUDED.max_value),
    avg_value = EXCLUDED.avg_value,
    sum_value = EXCLUDED.sum_value
WHERE h.samples IS DISTINCT FROM EXCLUDED.samples;

-- Hourly rollups of a device, re-aggregated to days.
-- name: DailyFromHourly :many
SELECT date_trunc('day', bucket) AS day,
       metric,
       sum(samples) AS samples,
       min(min_value) AS min_value,
       max(max_value) AS max_value,
       sum(sum_value) / nullif(sum(samples), 0) AS avg_value
FROM measurements_hourly
WHERE device_id = $1 AND bucket >= $2
GROUP BY 1, 2
ORDER BY 1, 2;

-- name: GetHourlySeries :many
SELECT bucket, samples, min_value, max_value, avg_value
FROM measurements_hourly
WHERE device_id = $1 AND metric = $2 AND bucket BETWEEN $3 AND $4
ORDER BY bucket;

-- Deletes hourly rollups older than the given age.
-- name: PurgeHourly :execrows
DELETE FROM measurements_hourly WHERE bucket < now() - @max_age::interval;

-- Daily statistics from the materialized view.
-- name: GetDailyStats :many
SELECT day, metric, samples, avg_value, min_value, max_value, p95
FROM daily_device_stats
WHERE device_id = $1 AND day >= $2
ORDER BY day, metric;

-- Devices whose p95 exceeded a threshold on a given day.
-- name: DevicesOverP95 :many
SELECT s.device_id, d.serial, s.p95
FROM daily_device_stats s
JOIN devices d ON d.id = s.device_id
WHERE s.metric = $1 AND s.day = date_trunc('day', $2::timestamptz) AND s.p95 > $3
ORDER BY s.p95 DESC;

-- Day-over-day change of the daily average from the view.
-- name: DailyTrend :many
SELECT day,
       avg_value,
       avg_value - lag(avg_value) OVER (ORDER BY day) AS change,
       round(((avg_value / nullif(lag(avg_value) OVER (ORDER BY day), 0) - 1) * 100)::numeric, 2) AS pct_change
FROM daily_device_stats
WHERE device_id = $1 AND metric = $2
ORDER BY day;

-- Site-wide daily totals from the view.
-- name: SiteDailyTotals :many
SELECT v.day, v.metric, sum(v.samples) AS samples, avg(v.avg_value) AS mean_of_means, max(v.p95) AS worst_p95
FROM daily_device_stats v
JOIN devices d ON d.id = v.device_id
WHERE d.site_id = $1
GROUP BY v.day, v.metric
ORDER BY v.day DESC, v.metric
LIMIT $2;

-- Age of the newest data in the view (staleness of the last refresh).
-- name: DailyStatsFreshness :one
SELECT max(day) AS newest_day, now() - max(day) AS lag FROM daily_device_stats;

-- Percentiles of a metric across all devices over a window.
-- name: MetricPercentiles :one
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS p50,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY value) AS p90,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY value) AS p99,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY value) AS median_sample,
       mode() WITHIN GROUP (ORDER BY round(value::numeric, 1)) AS most_common
FROM measurements
WHERE metric = $1 AND ts >= now() - $2::interval;

-- Several percentiles at once as an array.
-- name: MetricPercentileArray :one
SELECT percentile_cont(ARRAY[0.5, 0.9, 0.99]::float8[]) WITHIN GROUP (ORDER BY value) AS percentiles
FROM measurements
WHERE device_id = $1 AND metric = $2;

-- Histogram of values into equal-width buckets.
-- name: ValueHistogram :many
SELECT width_bucket(value, @low::float8, @high::float8, @buckets::int) AS bucket,
       count(*) AS n,
       min(value) AS from_value,
       max(value) AS to_value
FROM measurements
WHERE device_id = @device_id AND metric = @metric
GROUP BY 1
ORDER BY 1;
