-- Site dashboard: devices, active devices in the last hour, open alerts.
-- name: SiteDashboard :one
SELECT s.id,
       s.name,
       (SELECT count(*) FROM devices d WHERE d.site_id = s.id AND d.retired_at IS NULL) AS devices,
       (SELECT count(*) FROM devices d WHERE d.site_id = s.id AND d.last_seen_at > now() - interval '1 hour') AS active_devices,
       (SELECT count(*) FROM alerts a JOIN devices d ON d.id = a.device_id
         WHERE d.site_id = s.id AND a.resolved_at IS NULL) AS open_alerts
FROM sites s
WHERE s.id = $1;

-- Top devices by average of a metric over the last day, ranked within each site.
-- name: TopDevicesPerSite :many
SELECT site, serial, avg_value, rank
FROM (
    SELECT s.name AS site, d.serial, avg(m.value) AS avg_value,
           rank() OVER (PARTITION BY s.id ORDER BY avg(m.value) DESC) AS rank
    FROM measurements m
    JOIN devices d ON d.id = m.device_id
    JOIN sites s ON s.id = d.site_id
    WHERE m.metric = @metric AND m.ts > now() - interval '1 day'
    GROUP BY s.id, s.name, d.serial
) ranked
WHERE rank <= @top_n::bigint
ORDER BY site, rank;

-- Site-wide series in local time buckets.
-- name: SiteSeriesLocal :many
SELECT (date_trunc('hour', m.ts AT TIME ZONE s.time_zone)) AT TIME ZONE s.time_zone AS bucket,
       avg(m.value) AS avg_value,
       count(DISTINCT m.device_id) AS devices
FROM measurements m
JOIN devices d ON d.id = m.device_id
JOIN sites s ON s.id = d.site_id
WHERE s.id = $1 AND m.metric = $2 AND m.ts >= $3
GROUP BY 1
ORDER BY 1;

-- Correlation between two metrics of a device, joined on the minute.
-- name: MetricCorrelation :one
SELECT corr(a.value, b.value) AS correlation,
       regr_slope(b.value, a.value) AS slope,
       regr_intercept(b.value, a.value) AS intercept,
       count(*) AS pairs
FROM measurements a
JOIN measurements b
  ON b.device_id = a.device_id
 AND date_trunc('minute', b.ts) = date_trunc('minute', a.ts)
WHERE a.device_id = @device_id AND a.metric = @metric_x AND b.metric = @metric_y;

-- Uptime per device: share of expected 5-minute slots that received data.
-- name: DeviceUptime :many
SELECT d.id, d.serial,
       count(DISTINCT date_bin('5 minutes', m.ts, TIMESTAMPTZ '2000-01-01'))::float8
           / (EXTRACT(epoch FROM @to_ts::timestamptz - @from_ts::timestamptz) / 300) AS uptime
FROM devices d
LEFT JOIN measurements m ON m.device_id = d.id AND m.ts >= @from_ts::timestamptz AND m.ts < @to_ts::timestamptz
WHERE d.site_id = @site_id
GROUP BY d.id, d.serial
ORDER BY uptime;

-- Cumulative total of a counter metric per day.
-- name: CumulativeDaily :many
SELECT day, daily_sum, sum(daily_sum) OVER (ORDER BY day) AS cumulative
FROM (
    SELECT date_trunc('day', ts)::date AS day, sum(value) AS daily_sum
    FROM measurements
    WHERE device_id = $1 AND metric = $2
    GROUP BY 1
) d
ORDER BY day;

-- Week-over-week comparison, same hour last week.
-- name: WeekOverWeek :many
SELECT cur.bucket, cur.avg_value, prev.avg_value AS last_week
FROM (
    SELECT date_trunc('hour', ts) AS bucket, avg(value) AS avg_value
    FROM measurements WHERE device_id = $1 AND metric = $2 AND ts > now() - interval '1 day'
    GROUP BY 1
) cur
LEFT JOIN (
    SELECT date_trunc('hour', ts) + interval '7 days' AS bucket, avg(value) AS avg_value
    FROM measurements WHERE device_id = $1 AND metric = $2
      AND ts > now() - interval '8 days' AND ts <= now() - interval '7 days'
    GROUP BY 1
) prev USING (bucket)
ORDER BY cur.bucket;

-- Devices ranked into quartiles by their average.
-- name: DeviceQuartiles :many
SELECT device_id, avg(value) AS avg_value, ntile(4) OVER (ORDER BY avg(value)) AS quartile,
       percent_rank() OVER (ORDER BY avg(value)) AS pct_rank
FROM measurements
WHERE metric = $1 AND ts > now() - interval '1 day'
GROUP BY device_id
ORDER BY avg_value;

-- Summary of a series: the first and last values with their times.
-- name: SeriesSummary :one
SELECT (array_agg(value ORDER BY ts))[1] AS first_value,
       (array_agg(value ORDER BY ts DESC))[1] AS last_value,
       min(ts) AS first_ts,
       max(ts) AS last_ts,
       max(ts) - min(ts) AS span,
       count(*) AS samples
FROM measurements
WHERE device_id = $1 AND metric = $2;

-- Heatmap: average per weekday and hour.
-- name: WeeklyHeatmap :many
SELECT EXTRACT(dow FROM ts)::int AS dow,
       EXTRACT(hour FROM ts)::int AS hour,
       avg(value) AS avg_value
FROM measurements
WHERE metric = $1 AND ts > now() - interval '28 days'
GROUP BY 1, 2
ORDER BY 1, 2;

-- Data volume per site per day for capacity planning.
-- name: IngestVolume :many
SELECT s.name AS site, m.ts::date AS day, count(*) AS points,
       pg_size_pretty(count(*) * 40) AS approx_size
FROM measurements m
JOIN devices d ON d.id = m.device_id
JOIN sites s ON s.id = d.site_id
WHERE m.ts >= current_date - 7
GROUP BY 1, 2
ORDER BY 1, 2;
