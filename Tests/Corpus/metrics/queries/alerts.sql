-- name: CreateAlertRule :one
INSERT INTO alert_rules (site_id, metric, op, threshold, for_window)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: ListAlertRules :many
SELECT id, site_id, metric, op, threshold, for_window, enabled
FROM alert_rules
WHERE enabled AND (site_id = $1 OR site_id IS NULL)
ORDER BY id;

-- name: DisableAlertRule :exec
UPDATE alert_rules SET enabled = false WHERE id = $1;

-- Evaluates threshold rules: devices whose average over the rule's window breaches it.
-- name: EvaluateThresholdRules :many
SELECT r.id AS rule_id, m.device_id, avg(m.value) AS avg_value, max(m.value) AS peak
FROM alert_rules r
JOIN devices d ON (r.site_id IS NULL OR d.site_id = r.site_id) AND d.retired_at IS NULL
JOIN measurements m ON m.device_id = d.id AND m.metric = r.metric AND m.ts > now() - r.for_window
WHERE r.enabled AND r.op IN ('gt', 'lt')
GROUP BY r.id, r.op, r.threshold, m.device_id
HAVING (r.op = 'gt' AND avg(m.value) > r.threshold)
    OR (r.op = 'lt' AND avg(m.value) < r.threshold);

-- Evaluates "absent" rules: devices with no data for the rule's window.
-- name: EvaluateAbsentRules :many
SELECT r.id AS rule_id, d.id AS device_id
FROM alert_rules r
JOIN devices d ON (r.site_id IS NULL OR d.site_id = r.site_id) AND d.retired_at IS NULL
WHERE r.enabled AND r.op = 'absent'
  AND NOT EXISTS (
      SELECT 1 FROM measurements m
      WHERE m.device_id = d.id AND m.metric = r.metric AND m.ts > now() - r.for_window
  );

-- Opens an alert unless one is already open for the rule and device.
-- name: OpenAlert :one
INSERT INTO alerts (rule_id, device_id, started_at, peak_value)
VALUES ($1, $2, now(), $3)
ON CONFLICT (rule_id, device_id) WHERE resolved_at IS NULL
DO UPDATE SET peak_value = greatest(alerts.peak_value, EXCLUDED.peak_value)
RETURNING id, started_at, (xmax = 0) AS opened;

-- name: ResolveAlert :exec
UPDATE alerts SET resolved_at = now() WHERE id = $1 AND resolved_at IS NULL;

-- Resolves every open alert of rules that are no longer breached.
-- name: ResolveAlertsExcept :execrows
UPDATE alerts
SET resolved_at = now()
WHERE resolved_at IS NULL
  AND NOT (id = ANY (@still_firing::bigint[]));

-- Open alerts with their rule and how long they have been firing.
-- name: ListOpenAlerts :many
SELECT a.id, a.device_id, d.serial, r.metric, r.op, r.threshold, a.peak_value,
       a.started_at, now() - a.started_at AS firing_for
FROM alerts a
JOIN alert_rules r ON r.id = a.rule_id
JOIN devices d ON d.id = a.device_id
WHERE a.resolved_at IS NULL
ORDER BY a.started_at;

-- Mean time to resolve per rule over the last 30 days, in minutes.
-- name: MeanTimeToResolve :many
SELECT rule_id,
       count(*) AS alerts,
       avg(EXTRACT(epoch FROM resolved_at - started_at) / 60)::numeric(10, 1) AS mttr_minutes,
       max(resolved_at - started_at) AS longest
FROM alerts
WHERE resolved_at IS NOT NULL AND started_at > now() - interval '30 days'
GROUP BY rule_id
ORDER BY mttr_minutes DESC;

-- Alerts per day for the last N days, including days without alerts.
-- name: AlertsPerDay :many
SELECT d.day::date AS day, count(a.id) AS alerts
FROM generate_series(current_date - (@days::int - 1), current_date, interval '1 day') AS d(day)
LEFT JOIN alerts a ON a.started_at >= d.day AND a.started_at < d.day + interval '1 day'
GROUP BY d.day
ORDER BY d.day;

-- Alert timeline of a device with overlaps merged (islands).
-- name: AlertIslands :many
WITH ordered AS (
    SELECT started_at, coalesce(resolved_at, now()) AS ended_at,
           CASE WHEN started_at <= max(coalesce(resolved_at, now())) OVER (
                    ORDER BY started_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS is_new
    FROM alerts
    WHERE device_id = $1
), grouped AS (
    SELECT started_at, ended_at, sum(is_new) OVER (ORDER BY started_at) AS island
    FROM ordered
)
SELECT island, min(started_at) AS started_at, max(ended_at) AS ended_at
FROM grouped
GROUP BY island
ORDER BY island;

-- name: DeleteResolvedAlertsBefore :execrows
DELETE FROM alerts WHERE resolved_at < $1;
