-- name: CreateDriver :one
INSERT INTO drivers (home_depot_id, full_name, phone, email, license_number, license_class, license_expires, hired_on, hourly_rate, languages)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- name: GetDriver :one
SELECT * FROM drivers
WHERE id = $1;

-- name: GetDriverByExternalID :one
SELECT * FROM drivers
WHERE external_id = $1;

-- Active drivers of a depot, optionally filtered by spoken language and name prefix.
-- name: ListDrivers :many
SELECT id, external_id, full_name, phone, license_class, license_expires, languages
FROM drivers
WHERE home_depot_id = sqlc.arg(depot_id)
  AND terminated_on IS NULL
  AND (sqlc.narg(language)::text IS NULL OR sqlc.narg(language)::text = ANY (languages))
  AND (sqlc.narg(name_prefix)::text IS NULL OR full_name ILIKE sqlc.narg(name_prefix)::text || '%')
ORDER BY full_name;

-- Keyset pagination by name, then id.
-- name: ListDriversAfter :many
SELECT id, full_name, home_depot_id
FROM drivers
WHERE (full_name, id) > (@after_name::text, @after_id::bigint)
ORDER BY full_name, id
LIMIT @page_size::int;

-- name: UpdateDriverContact :one
UPDATE drivers
SET phone = COALESCE(sqlc.narg(phone), phone),
    email = COALESCE(sqlc.narg(email), email)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: RenewLicense :exec
UPDATE drivers
SET license_expires = $2, license_class = $3
WHERE id = $1;

-- name: TerminateDriver :execrows
UPDATE drivers
SET terminated_on = COALESCE($2, current_date)
WHERE id = $1 AND terminated_on IS NULL;

-- Licences expiring within the window.
-- name: ListExpiringLicenses :many
SELECT id, full_name, license_number, license_expires,
       license_expires - current_date AS days_left
FROM drivers
WHERE terminated_on IS NULL
  AND license_expires <= current_date + @within_days::int
ORDER BY license_expires;

-- Raises the hourly rate of every active driver of a depot by a percentage.
-- name: RaiseDepotRates :execrows
UPDATE drivers
SET hourly_rate = round(hourly_rate * (1 + @percent::numeric / 100), 2)
WHERE home_depot_id = @depot_id AND terminated_on IS NULL;

-- name: ScheduleShift :one
INSERT INTO driver_shifts (driver_id, vehicle_id, depot_id, planned_start, planned_end)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- Schedules a shift only if the driver has no overlapping one.
-- name: ScheduleShiftIfFree :one
INSERT INTO driver_shifts (driver_id, vehicle_id, depot_id, planned_start, planned_end)
SELECT @driver_id, @vehicle_id, @depot_id, @planned_start, @planned_end
WHERE NOT EXISTS (
    SELECT 1 FROM driver_shifts s
    WHERE s.driver_id = @driver_id
      AND s.status IN ('scheduled', 'on_duty')
      AND s.planned_start < @planned_end
      AND s.planned_end > @planned_start
)
RETURNING id;

-- name: GetShift :one
SELECT s.*, d.full_name AS driver_name, v.plate_number
FROM driver_shifts s
JOIN drivers d ON d.id = s.driver_id
LEFT JOIN vehicles v ON v.id = s.vehicle_id
WHERE s.id = $1;

-- Shifts of a depot for one day in the depot's local time.
-- name: ListDepotShiftsForDay :many
SELECT s.id, s.driver_id, d.full_name, s.vehicle_id, s.status, s.planned_start, s.planned_end
FROM driver_shifts s
JOIN drivers d ON d.id = s.driver_id
JOIN depots dp ON dp.id = s.depot_id
WHERE s.depot_id = $1
  AND (s.planned_start AT TIME ZONE dp.timezone)::date = $2::date
ORDER BY s.planned_start, d.full_name;

-- name: ListDriverShifts :many
SELECT * FROM driver_shifts
WHERE driver_id = $1
  AND planned_start >= $2
  AND planned_start < $3
ORDER BY planned_start;

-- name: ClockIn :one
UPDATE driver_shifts
SET status = 'on_duty', clock_in = now()
WHERE id = $1 AND status = 'scheduled'
RETURNING id, clock_in;

-- name: ClockOut :one
UPDATE driver_shifts
SET status = 'completed', clock_out = now(), break_minutes = @break_minutes
WHERE id = @id AND status = 'on_duty'
RETURNING id, clock_in, clock_out, clock_out - clock_in AS worked;

-- Marks scheduled shifts nobody clocked into as missed.
-- name: MarkMissedShifts :execrows
UPDATE driver_shifts
SET status = 'missed'
WHERE status = 'scheduled'
  AND planned_start < now() - @grace::interval;

-- name: CancelShift :execrows
UPDATE driver_shifts
SET status = 'cancelled'
WHERE id = $1 AND status = 'scheduled';

-- name: AssignVehicleToShift :exec
UPDATE driver_shifts
SET vehicle_id = $2
WHERE id = $1;

-- Worked hours and pay per driver for a pay period.
-- name: PayrollForPeriod :many
SELECT d.id, d.full_name, d.hourly_rate,
       count(s.id) AS shifts,
       round((COALESCE(sum(extract(epoch FROM s.clock_out - s.clock_in) / 3600.0 - s.break_minutes / 60.0), 0))::numeric, 2) AS hours,
       round((COALESCE(sum(extract(epoch FROM s.clock_out - s.clock_in) / 3600.0 - s.break_minutes / 60.0), 0))::numeric * d.hourly_rate, 2) AS gross_pay
FROM drivers d
LEFT JOIN driver_shifts s
       ON s.driver_id = d.id
      AND s.status = 'completed'
      AND s.clock_in >= @period_start::timestamptz
      AND s.clock_in < @period_end::timestamptz
WHERE d.home_depot_id = @depot_id
GROUP BY d.id
ORDER BY d.full_name;

-- Drivers with the most overtime (shifts longer than planned).
-- name: ListOvertimeShifts :many
SELECT s.id, s.driver_id,
       (s.clock_out - s.clock_in) - (s.planned_end - s.planned_start) AS overtime
FROM driver_shifts s
WHERE s.status = 'completed'
  AND s.clock_out - s.clock_in > s.planned_end - s.planned_start + $1::interval
  AND s.planned_start >= $2
ORDER BY overtime DESC;

-- Rest time between consecutive shifts of a driver.
-- name: ListShiftRestGaps :many
SELECT id, planned_start, planned_end,
       planned_start - lag(planned_end) OVER w AS rest_before,
       lead(planned_start) OVER w - planned_end AS rest_after
FROM driver_shifts
WHERE driver_id = $1 AND status <> 'cancelled'
WINDOW w AS (ORDER BY planned_start)
ORDER BY planned_start;

-- Punctuality: share of shifts clocked in within five minutes of the plan.
-- name: DriverPunctuality :many
SELECT driver_id,
       count(*) AS shifts,
       avg(CASE WHEN clock_in <= planned_start + interval '5 minutes' THEN 1.0 ELSE 0.0 END)::double precision AS on_time_ratio,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM clock_in - planned_start)) AS median_late_seconds
FROM driver_shifts
WHERE clock_in IS NOT NULL AND planned_start >= $1
GROUP BY driver_id
HAVING count(*) >= $2::int
ORDER BY on_time_ratio DESC;

-- Currently on duty, with the latest GPS position of their vehicle.
-- name: ListOnDutyDrivers :many
SELECT d.id, d.full_name, s.id AS shift_id, v.plate_number, p.latitude, p.longitude, p.recorded_at
FROM driver_shifts s
JOIN drivers d ON d.id = s.driver_id
LEFT JOIN vehicles v ON v.id = s.vehicle_id
LEFT JOIN LATERAL (
    SELECT g.latitude, g.longitude, g.recorded_at
    FROM gps_pings g
    WHERE g.vehicle_id = s.vehicle_id
    ORDER BY g.recorded_at DESC
    LIMIT 1
) p ON true
WHERE s.depot_id = $1 AND s.status = 'on_duty'
ORDER BY d.full_name;

-- Removes cancelled shifts of terminated drivers.
-- name: DeleteCancelledShiftsOfTerminated :execrows
DELETE FROM driver_shifts s
USING drivers d
WHERE d.id = s.driver_id
  AND d.terminated_on IS NOT NULL
  AND s.status = 'cancelled';

-- Weekly shift count per driver for a depot, one row per week.
-- name: WeeklyShiftCounts :many
SELECT date_trunc('week', planned_start)::date AS week,
       driver_id,
       count(*)::int AS shifts,
       sum(planned_end - planned_start) AS planned_time
FROM driver_shifts
WHERE depot_id = $1 AND planned_start >= $2
GROUP BY 1, 2
ORDER BY 1, 2;

-- A driver profile as a JSON document.
-- name: GetDriverProfileJSON :one
SELECT json_build_object(
    'id', d.id,
    'name', d.full_name,
    'depot', dp.code,
    'languages', d.languages,
    'rating', (SELECT round(avg(r.score), 2) FROM driver_ratings r WHERE r.driver_id = d.id),
    'completed_shifts', (SELECT count(*) FROM driver_shifts s WHERE s.driver_id = d.id AND s.status = 'completed')
) AS profile
FROM drivers d
JOIN depots dp ON dp.id = d.home_depot_id
WHERE d.id = $1;
