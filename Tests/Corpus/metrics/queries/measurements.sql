-- name: InsertMeasurement :exec
INSERT INTO measurements (ts, device_id, metric, value)
VALUES ($1, $2, $3, $4)
ON CONFLICT (device_id, metric, ts) DO UPDATE SET value = EXCLUDED.value;

-- Bulk insert of a batch from parallel arrays.
-- name: InsertMeasurementBatch :execrows
INSERT INTO measurements (ts, device_id, metric, value)
SELECT * FROM unnest(@ts::timestamptz[], @device_ids::bigint[], @metrics::text[], @values::float8[])
ON CONFLICT DO NOTHING;

-- The latest value of every metric of a device.
-- name: LatestValues :many
SELECT DISTINCT ON (metric) metric, ts, value
FROM measurements
WHERE device_id = $1
ORDER BY metric, ts DESC;

-- Raw series of one metric between two instants.
-- name: GetSeries :many
SELECT ts, value
FROM measurements
WHERE device_id = @device_id AND metric = @metric
  AND ts >= @from_ts AND ts < @to_ts
ORDER BY ts;

-- The last N points of a series, oldest first.
-- name: GetLastPoints :many
SELECT ts, value FROM (
    SELECT ts, value FROM measurements
    WHERE device_id = $1 AND metric = $2
    ORDER BY ts DESC
    LIMIT $3
) recent
ORDER BY ts;

-- Series bucketed with date_trunc to a unit ('minute', 'hour', 'day').
-- name: BucketedSeries :many
SELECT date_trunc(@unit::text, ts) AS bucket,
       avg(value) AS avg,
       min(value) AS min,
       max(value) AS max,
       count(*) AS samples
FROM measurements
WHERE device_id = @device_id AND metric = @metric
  AND ts >= @from_ts AND ts < @to_ts
GROUP BY bucket
ORDER BY bucket;

-- Series bucketed to an arbitrary stride with date_bin.
-- name: BinnedSeries :many
SELECT date_bin(@stride::interval, ts, TIMESTAMPTZ '2000-01-01') AS bucket,
       avg(value)::float8 AS avg_value,
       stddev_samp(value) AS stddev
FROM measurements
WHERE device_id = @device_id AND metric = @metric
  AND ts >= @from_ts::timestamptz AND ts < @to_ts::timestamptz
GROUP BY 1
ORDER BY 1;

-- 15-minute buckets the classic way (epoch arithmetic), as time_bucket would do.
-- name: QuarterHourSeries :many
SELECT to_timestamp(floor(EXTRACT(epoch FROM ts) / 900) * 900) AS bucket,
       avg(value) AS avg_value
FROM measurements
WHERE device_id = $1 AND metric = $2 AND ts > now() - interval '1 day'
GROUP BY 1
ORDER BY 1;

-- Gap-filled hourly series: every hour appears, empty ones with NULL.
-- name: GapFilledHourly :many
SELECT g.bucket, m.avg_value, coalesce(m.samples, 0) AS samples
FROM generate_series(date_trunc('hour', @from_ts::timestamptz),
                     date_trunc('hour', @to_ts::timestamptz),
                     interval '1 hour') AS g(bucket)
LEFT JOIN (
    SELECT date_trunc('hour', ts) AS bucket, avg(value) AS avg_value, count(*) AS samples
    FROM measurements
    WHERE device_id = @device_id AND metric = @metric
      AND ts >= @from_ts::timestamptz AND ts < @to_ts::timestamptz
    GROUP BY 1
) m ON m.bucket = g.bucket
ORDER BY g.bucket;

-- Gap-filled series with a step given as an interval parameter, carrying the last value forward.
-- name: GapFilledCarryForward :many
WITH buckets AS (
    SELECT bucket FROM generate_series(@from_ts::timestamptz, @to_ts::timestamptz, @step::interval) AS bucket
), agg AS (
    SELECT date_bin(@step::interval, ts, @from_ts::timestamptz) AS bucket, avg(value) AS avg_value
    FROM measurements
    WHERE device_id = @device_id AND metric = @metric AND ts >= @from_ts::timestamptz AND ts < @to_ts::timestamptz
    GROUP BY 1
), joined AS (
    SELECT b.bucket, a.avg_value, count(a.avg_value) OVER (ORDER BY b.bucket) AS grp
    FROM buckets b LEFT JOIN agg a USING (bucket)
)
SELECT bucket, avg_value, first_value(avg_value) OVER (PARTITION BY grp ORDER BY bucket) AS filled_value
FROM joined
ORDER BY bucket;

-- Moving average over the last 6 points.
-- name: MovingAverage :many
SELECT ts,
       value,
       avg(value) OVER (ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS moving_avg,
       max(value) OVER (ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS moving_max
FROM measurements
WHERE device_id = $1 AND metric = $2 AND ts >= $3
ORDER BY ts;

-- Time-based moving average over the previous hour.
-- name: MovingAverageByTime :many
SELECT ts,
       avg(value) OVER w AS hour_avg,
       count(*) OVER w AS hour_samples
FROM measurements
WHERE device_id = $1 AND metric = $2 AND ts >= $3
WINDOW w AS (ORDER BY ts RANGE BETWEEN INTERVAL '1 hour' PRECEDING AND CURRENT ROW)
ORDER BY ts;

-- Rate of change between consecutive points (a counter's per-second rate).
-- name: CounterRate :many
SELECT ts,
       value - lag(value) OVER (ORDER BY ts) AS delta,
       (value - lag(value) OVER (ORDER BY ts)) /
           nullif(EXTRACT(epoch FROM ts - lag(ts) OVER (ORDER BY ts)), 0) AS per_second
FROM measurements
WHERE device_id = $1 AND metric = $2 AND ts BETWEEN $3 AND $4
ORDER BY ts;

-- Gaps in reporting longer than the given interval.
-- name: ReportingGaps :many
SELECT gap_start, gap_end, gap_end - gap_start AS gap
FROM (
    SELECT ts AS gap_start, lead(ts) OVER (ORDER BY ts) AS gap_end
    FROM measurements
    WHERE device_id = @device_id AND metric = @metric
) s
WHERE gap_end - gap_start > @min_gap::interval
ORDER BY gap_start;

-- Each point compared with the first and the next point of its day.
-- name: IntradayChange :many
SELECT ts,
       value,
       value - first_value(value) OVER day_w AS change_since_open,
       lead(value, 1, value) OVER day_w AS next_value,
       last_value(value) OVER (PARTITION BY date_trunc('day', ts) ORDER BY ts
                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS close_value
FROM measurements
WHERE device_id = $1 AND metric = $2 AND ts >= $3
WINDOW day_w AS (PARTITION BY date_trunc('day', ts) ORDER BY ts)
ORDER BY ts;

-- Z-score of each point against the series mean.
-- name: Anomalies :many
SELECT ts, value, z
FROM (
    SELECT ts, value,
           (value - avg(value) OVER ()) / nullif(stddev_pop(value) OVER (), 0) AS z
    FROM measurements
    WHERE device_id = $1 AND metric = $2 AND ts >= now() - interval '7 days'
) s
WHERE abs(z) > $3::float8
ORDER BY ts;

-- Values per hour of day in local time (daily profile).
-- name: HourOfDayProfile :many
SELECT EXTRACT(hour FROM m.ts AT TIME ZONE s.time_zone)::int AS hour_of_day,
       avg(m.value) AS avg_value,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median
FROM measurements m
JOIN devices d ON d.id = m.device_id
JOIN sites s ON s.id = d.site_id
WHERE m.device_id = $1 AND m.metric = $2
GROUP BY 1
ORDER BY 1;

-- Weekday profile using ISO day of week.
-- name: WeekdayProfile :many
SELECT EXTRACT(isodow FROM ts) AS weekday, to_char(ts, 'Dy') AS label, avg(value) AS avg_value
FROM measurements
WHERE device_id = $1 AND metric = $2
GROUP BY 1, 2
ORDER BY 1;

-- Metrics a device reports and their sample counts.
-- name: ListDeviceMetrics :many
SELECT metric, count(*) AS samples, min(ts) AS first_ts, max(ts) AS last_ts
FROM measurements
WHERE device_id = $1
GROUP BY metric
ORDER BY metric;

-- Retention: deletes raw data older than a cutoff.
-- name: DeleteMeasurementsBefore :execrows
DELETE FROM measurements WHERE ts < $1;

-- Retention per site using the site's retention interval.
-- name: ApplySiteRetention :execrows
DELETE FROM measurements m
USING devices d, sites s
WHERE m.device_id = d.id
  AND d.site_id = s.id
  AND m.ts < now() - s.retention;

-- Retention in batches to keep transactions short.
-- name: DeleteOldMeasurementsBatch :execrows
DELETE FROM measurements
WHERE ctid = ANY (ARRAY(
    SELECT ctid FROM measurements
    WHERE ts < now() - @older_than::interval
    LIMIT @batch_size
));
