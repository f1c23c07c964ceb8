CREATE MATERIALIZED VIEW daily_device_stats AS
SELECT date_trunc('day', ts) AS day,
       device_id,
       metric,
       count(*) AS samples,
       avg(value) AS avg_value,
       min(value) AS min_value,
       max(value) AS max_value,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95
FROM measurements
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE UNIQUE INDEX daily_device_stats_key ON daily_device_stats (device_id, metric, day);

REFRESH MATERIALIZED VIEW daily_device_stats;
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_device_stats;

ALTER TABLE devices ADD COLUMN retired_at timestamptz;
ALTER TABLE devices ADD COLUMN labels text[] NOT NULL DEFAULT '{}';
ALTER TABLE sites ADD COLUMN retention interval NOT NULL DEFAULT '90 days';
