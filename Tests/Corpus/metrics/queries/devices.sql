-- name: CreateSite :one
INSERT INTO sites (name, time_zone) VALUES ($1, $2) RETURNING *;

-- name: ListSites :many
SELECT * FROM sites ORDER BY name;

-- name: SetSiteRetention :exec
UPDATE sites SET retention = $2 WHERE id = $1;

-- name: RegisterDevice :one
INSERT INTO devices (site_id, serial, kind, labels)
VALUES ($1, $2, $3, $4)
ON CONFLICT (serial) DO UPDATE SET site_id = EXCLUDED.site_id, kind = EXCLUDED.kind
RETURNING *;

-- name: GetDevice :one
SELECT * FROM devices WHERE id = $1;

-- name: GetDeviceBySerial :one
SELECT id, site_id, kind, last_seen_at FROM devices WHERE serial = $1 AND retired_at IS NULL;

-- name: ListDevicesForSite :many
SELECT id, serial, kind, labels, last_seen_at
FROM devices
WHERE site_id = $1 AND retired_at IS NULL
ORDER BY serial;

-- name: RetireDevice :exec
UPDATE devices SET retired_at = now() WHERE id = $1;

-- Marks devices as seen from a batch of heartbeats.
-- name: TouchDevices :execrows
UPDATE devices d
SET last_seen_at = greatest(d.last_seen_at, h.seen_at)
FROM unnest(@device_ids::bigint[], @seen_at::timestamptz[]) AS h(device_id, seen_at)
WHERE d.id = h.device_id;

-- Devices that have not reported for longer than the given interval.
-- name: ListSilentDevices :many
SELECT d.id, d.serial, s.name AS site, d.last_seen_at, now() - d.last_seen_at AS silent_for
FROM devices d
JOIN sites s ON s.id = d.site_id
WHERE d.retired_at IS NULL
  AND (d.last_seen_at IS NULL OR d.last_seen_at < now() - @threshold::interval)
ORDER BY d.last_seen_at NULLS FIRST;

-- Seconds since each device was last seen.
-- name: DeviceStaleness :many
SELECT id, serial, EXTRACT(epoch FROM now() - last_seen_at)::bigint AS seconds_since_seen
FROM devices
WHERE site_id = $1
ORDER BY seconds_since_seen DESC NULLS FIRST;

-- Device counts per site and kind, with totals (GROUPING SETS).
-- name: DeviceInventory :many
SELECT s.name AS site, d.kind, count(*) AS devices, grouping(s.name, d.kind) AS level
FROM devices d
JOIN sites s ON s.id = d.site_id
WHERE d.retired_at IS NULL
GROUP BY ROLLUP (s.name, d.kind)
ORDER BY s.name NULLS LAST, d.kind NULLS LAST;

-- Devices carrying a label.
-- name: ListDevicesWithLabel :many
SELECT id, serial FROM devices WHERE labels @> ARRAY[$1::text] ORDER BY id;

-- Installs per month over the last year, in the site's time zone.
-- name: InstallsPerMonth :many
SELECT date_trunc('month', d.installed_at AT TIME ZONE s.time_zone) AS month, count(*) AS installs
FROM devices d
JOIN sites s ON s.id = d.site_id
WHERE d.installed_at > now() - interval '1 year'
GROUP BY 1
ORDER BY 1;
