-- name: CreateAppointmentType :one
INSERT INTO appointment_types (clinic_id, name, duration, price, color, is_virtual)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: ListAppointmentTypes :many
SELECT * FROM appointment_types
WHERE clinic_id = $1 AND active
ORDER BY name;

-- name: UpdateAppointmentTypePrice :one
UPDATE appointment_types
SET price = $2
WHERE id = $1
RETURNING *;

-- name: DeactivateAppointmentType :exec
UPDATE appointment_types SET active = false WHERE id = $1;

-- Books an appointment only when the practitioner has nothing overlapping
-- and no time off; returns no row otherwise.
-- name: BookAppointment :one
INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, starts_at, ends_at, reason, booked_by)
SELECT @clinic_id, @practitioner_id, @patient_id, @appointment_type_id,
       @starts_at, @starts_at::timestamptz + t.duration, @reason, @booked_by
FROM appointment_types t
WHERE t.id = @appointment_type_id
  AND t.active
  AND NOT EXISTS (
      SELECT 1 FROM appointments a
      WHERE a.practitioner_id = @practitioner_id
        AND a.status NOT IN ('cancelled', 'no_show')
        AND a.starts_at < @starts_at::timestamptz + t.duration
        AND a.ends_at > @starts_at::timestamptz)
  AND NOT EXISTS (
      SELECT 1 FROM time_off o
      WHERE o.practitioner_id = @practitioner_id
        AND o.starts_at < @starts_at::timestamptz + t.duration
        AND o.ends_at > @starts_at::timestamptz)
RETURNING *;

-- Books with an explicit end time (walk-ins, custom durations).
-- name: CreateAppointment :one
INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, starts_at, ends_at, reason, booked_by, status)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING *;

-- Appointments of the practitioner that collide with the proposed span.
-- name: ListConflictingAppointments :many
SELECT id, patient_id, starts_at, ends_at, status
FROM appointments
WHERE practitioner_id = sqlc.arg(practitioner_id)
  AND status NOT IN ('cancelled', 'no_show')
  AND starts_at < sqlc.arg(ends_at)
  AND ends_at > sqlc.arg(starts_at)
  AND id <> COALESCE(sqlc.narg(exclude_id)::bigint, 0)
ORDER BY starts_at;

-- Does the patient already have another appointment at that time?
-- name: PatientHasOverlap :one
SELECT EXISTS (
    SELECT 1 FROM appointments
    WHERE patient_id = @patient_id
      AND status NOT IN ('cancelled', 'no_show')
      AND (starts_at, ends_at) OVERLAPS (@starts_at::timestamptz, @ends_at::timestamptz)
) AS overlaps;

-- name: GetAppointment :one
SELECT * FROM appointments
WHERE id = $1;

-- Locks an appointment before a status transition.
-- name: GetAppointmentForUpdate :one
SELECT id, status, version, starts_at, practitioner_id
FROM appointments
WHERE id = $1
FOR UPDATE;

-- Full detail for the appointment screen.
-- name: GetAppointmentDetail :one
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason, a.version,
       p.id AS patient_id, p.first_name, p.last_name, p.allergies,
       pr.id AS practitioner_id, pr.full_name AS practitioner_name,
       t.name AS type_name, t.is_virtual,
       c.name AS clinic_name, c.timezone,
       a.ends_at - a.starts_at AS duration
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN practitioners pr ON pr.id = a.practitioner_id
JOIN clinics c ON c.id = a.clinic_id
LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
WHERE a.id = $1;

-- A practitioner's day sheet.
-- name: ListPractitionerDay :many
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason,
       p.first_name || ' ' || p.last_name AS patient_name,
       t.name AS type_name, t.color
FROM appointments a
JOIN patients p ON p.id = a.patient_id
LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
WHERE a.practitioner_id = @practitioner_id
  AND a.starts_at >= @day::date
  AND a.starts_at < @day::date + 1
  AND a.status <> 'cancelled'
ORDER BY a.starts_at;

-- Clinic calendar between two instants with optional practitioner and status filters.
-- name: ListClinicAppointments :many
SELECT a.id, a.practitioner_id, a.patient_id, a.starts_at, a.ends_at, a.status
FROM appointments a
WHERE a.clinic_id = sqlc.arg(clinic_id)
  AND a.starts_at >= sqlc.arg(from_time)
  AND a.starts_at < sqlc.arg(to_time)
  AND (sqlc.narg(practitioner_id)::bigint IS NULL OR a.practitioner_id = sqlc.narg(practitioner_id))
  AND (sqlc.narg(status)::appointment_status IS NULL OR a.status = sqlc.narg(status))
ORDER BY a.starts_at, a.id;

-- A patient's history, keyset-paginated backwards in time.
-- name: ListPatientAppointments :many
SELECT a.id, a.starts_at, a.ends_at, a.status, pr.full_name AS practitioner_name
FROM appointments a
JOIN practitioners pr ON pr.id = a.practitioner_id
WHERE a.patient_id = $1
  AND (a.starts_at, a.id) < ($2::timestamptz, $3::bigint)
ORDER BY a.starts_at DESC, a.id DESC
LIMIT $4;

-- name: ListPatientUpcomingAppointments :many
SELECT a.id, a.starts_at, a.ends_at, a.status, pr.full_name AS practitioner_name, c.name AS clinic_name
FROM appointments a
JOIN practitioners pr ON pr.id = a.practitioner_id
JOIN clinics c ON c.id = a.clinic_id
WHERE a.patient_id = $1
  AND a.starts_at > now()
  AND a.status IN ('requested', 'confirmed')
ORDER BY a.starts_at;

-- name: ConfirmAppointment :one
UPDATE appointments
SET status = 'confirmed', version = version + 1, updated_at = now()
WHERE id = $1 AND status = 'requested'
RETURNING id, status, version;

-- Moves an appointment to a new status when the caller saw the current version.
-- name: TransitionAppointment :one
UPDATE appointments
SET status        = @to_status,
    checked_in_at = CASE WHEN @to_status::appointment_status = 'checked_in' THEN now() ELSE checked_in_at END,
    completed_at  = CASE WHEN @to_status::appointment_status = 'completed' THEN now() ELSE completed_at END,
    version       = version + 1,
    updated_at    = now()
WHERE id = @id
  AND version = @expected_version
  AND status = @from_status
RETURNING *;

-- Cancels and logs the transition in one statement.
-- name: CancelAppointment :one
WITH cancelled AS (
    UPDATE appointments
    SET status = 'cancelled',
        cancellation_reason = @reason,
        cancelled_at = now(),
        version = version + 1,
        updated_at = now()
    WHERE id = @id AND status IN ('requested', 'confirmed')
    RETURNING id, status
), logged AS (
    INSERT INTO appointment_events (appointment_id, from_status, to_status, changed_by, note)
    SELECT id, 'confirmed', status, @changed_by, @reason
    FROM cancelled
    RETURNING appointment_id
)
SELECT c.id, c.status, (SELECT count(*) FROM logged) AS events_written
FROM cancelled c;

-- Moves an appointment to a new start, keeping its length, unless that collides.
-- name: RescheduleAppointment :one
UPDATE appointments a
SET starts_at  = @new_starts_at,
    ends_at    = @new_starts_at::timestamptz + (a.ends_at - a.starts_at),
    status     = 'requested',
    version    = a.version + 1,
    updated_at = now()
WHERE a.id = @id
  AND a.status IN ('requested', 'confirmed')
  AND NOT EXISTS (
      SELECT 1 FROM appointments o
      WHERE o.practitioner_id = a.practitioner_id
        AND o.id <> a.id
        AND o.status NOT IN ('cancelled', 'no_show')
        AND o.starts_at < @new_starts_at::timestamptz + (a.ends_at - a.starts_at)
        AND o.ends_at > @new_starts_at::timestamptz)
RETURNING a.id, a.starts_at, a.ends_at, a.version;

-- name: RecordAppointmentEvent :exec
INSERT INTO appointment_events (appointment_id, from_status, to_status, changed_by, note)
VALUES ($1, $2, $3, $4, $5);

-- name: ListAppointmentEvents :many
SELECT id, from_status, to_status, changed_by, note, created_at
FROM appointment_events
WHERE appointment_id = $1
ORDER BY created_at, id;

-- Marks confirmed appointments that ended without a check-in as no-shows.
-- name: MarkNoShows :many
UPDATE appointments
SET status = 'no_show', version = version + 1, updated_at = now()
WHERE status = 'confirmed'
  AND checked_in_at IS NULL
  AND ends_at < now() - $1::interval
RETURNING id, patient_id, practitioner_id;

-- Cancels everything inside a practitioner's new time off, returning what was cancelled.
-- name: CancelAppointmentsDuringTimeOff :many
UPDATE appointments a
SET status = 'cancelled',
    cancellation_reason = 'practitioner unavailable: ' || t.reason,
    cancelled_at = now(),
    version = a.version + 1,
    updated_at = now()
FROM time_off t
WHERE t.id = $1
  AND a.practitioner_id = t.practitioner_id
  AND a.status IN ('requested', 'confirmed')
  AND a.starts_at < t.ends_at
  AND a.ends_at > t.starts_at
RETURNING a.id, a.patient_id, a.starts_at;

-- Deletes unconfirmed requests that are already in the past.
-- name: DeleteStaleRequests :execrows
DELETE FROM appointments a
USING clinics c
WHERE c.id = a.clinic_id
  AND a.status = 'requested'
  AND a.starts_at < now() - interval '1 day'
  AND c.archived_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.appointment_id = a.id);

-- Count of appointments per status for a day, as a dashboard row set.
-- name: CountAppointmentsByStatus :many
SELECT status, count(*) AS appointments
FROM appointments
WHERE clinic_id = $1
  AND starts_at >= date_trunc('day', $2::timestamptz)
  AND starts_at < date_trunc('day', $2::timestamptz) + interval '1 day'
GROUP BY status
ORDER BY status;

-- Utilisation per practitioner per day: booked minutes against available minutes.
-- name: PractitionerUtilisation :many
WITH days AS (
    SELECT d::date AS day
    FROM generate_series(@from_date::date, @to_date::date, interval '1 day') AS d
), available AS (
    SELECT r.practitioner_id, days.day, sum(r.end_minute - r.start_minute) AS minutes
    FROM days
    JOIN availability_rules r
      ON r.weekday = extract(dow FROM days.day)
     AND r.valid_from <= days.day
     AND (r.valid_until IS NULL OR r.valid_until >= days.day)
    GROUP BY r.practitioner_id, days.day
), booked AS (
    SELECT a.practitioner_id, a.starts_at::date AS day,
           sum(extract(epoch FROM a.ends_at - a.starts_at) / 60)::bigint AS minutes
    FROM appointments a
    WHERE a.clinic_id = @clinic_id
      AND a.status NOT IN ('cancelled', 'no_show')
      AND a.starts_at >= @from_date::date
      AND a.starts_at < @to_date::date + 1
    GROUP BY a.practitioner_id, a.starts_at::date
)
SELECT p.id AS practitioner_id, p.full_name, av.day,
       av.minutes AS available_minutes,
       COALESCE(b.minutes, 0) AS booked_minutes,
       round(100.0 * COALESCE(b.minutes, 0) / NULLIF(av.minutes, 0), 1) AS utilisation_pct
FROM available av
JOIN practitioners p ON p.id = av.practitioner_id
LEFT JOIN booked b ON b.practitioner_id = av.practitioner_id AND b.day = av.day
WHERE p.clinic_id = @clinic_id
ORDER BY p.full_name, av.day;

-- Each patient's appointments numbered, with the gap since the previous visit.
-- name: PatientVisitGaps :many
SELECT id, starts_at, status,
       row_number() OVER w AS visit_number,
       starts_at - lag(starts_at) OVER w AS since_previous
FROM appointments
WHERE patient_id = $1 AND status = 'completed'
WINDOW w AS (ORDER BY starts_at)
ORDER BY starts_at;

-- No-show rate per practitioner over a period, worst first.
-- name: NoShowRates :many
SELECT practitioner_id,
       count(*) AS total,
       count(*) FILTER (WHERE status = 'no_show') AS no_shows,
       round(count(*) FILTER (WHERE status = 'no_show')::numeric / count(*), 4) AS no_show_rate,
       rank() OVER (ORDER BY count(*) FILTER (WHERE status = 'no_show')::numeric / count(*) DESC) AS rank
FROM appointments
WHERE clinic_id = $1
  AND starts_at BETWEEN $2 AND $3
  AND status IN ('completed', 'no_show')
GROUP BY practitioner_id
HAVING count(*) >= $4::bigint
ORDER BY no_show_rate DESC;

-- The next free-standing appointment per practitioner (first booking after now).
-- name: NextAppointmentPerPractitioner :many
SELECT p.id, p.full_name, nxt.id AS appointment_id, nxt.starts_at, nxt.patient_id
FROM practitioners p
LEFT JOIN LATERAL (
    SELECT a.id, a.starts_at, a.patient_id
    FROM appointments a
    WHERE a.practitioner_id = p.id
      AND a.starts_at > now()
      AND a.status IN ('requested', 'confirmed')
    ORDER BY a.starts_at
    LIMIT 1
) nxt ON true
WHERE p.clinic_id = $1 AND p.deactivated_at IS NULL
ORDER BY nxt.starts_at NULLS LAST;

-- Weekly booking counts for a chart, including empty weeks.
-- name: WeeklyBookings :many
SELECT w.week::date AS week_start, count(a.id) AS bookings
FROM generate_series(date_trunc('week', @from_time::timestamptz), date_trunc('week', @to_time::timestamptz), interval '1 week') AS w(week)
LEFT JOIN appointments a
  ON a.clinic_id = @clinic_id
 AND a.created_at >= w.week
 AND a.created_at < w.week + interval '1 week'
GROUP BY w.week
ORDER BY w.week;

-- The busy calendar of a practitioner: appointments and time off merged into one list.
-- name: ListPractitionerBusyBlocks :many
SELECT 'appointment'::text AS kind, a.id, a.starts_at, a.ends_at, a.reason AS label
FROM appointments a
WHERE a.practitioner_id = $1
  AND a.status NOT IN ('cancelled', 'no_show')
  AND a.starts_at < $3 AND a.ends_at > $2
UNION ALL
SELECT 'time_off', t.id, t.starts_at, t.ends_at, t.reason
FROM time_off t
WHERE t.practitioner_id = $1
  AND t.starts_at < $3 AND t.ends_at > $2
ORDER BY starts_at;

-- Appointment counts by hour of day, to plan front-desk staffing.
-- name: BookingsByHourOfDay :many
SELECT extract(hour FROM starts_at AT TIME ZONE c.timezone)::int AS hour_of_day,
       count(*) AS appointments
FROM appointments a
JOIN clinics c ON c.id = a.clinic_id
WHERE a.clinic_id = $1 AND a.starts_at >= now() - interval '90 days'
GROUP BY hour_of_day
ORDER BY hour_of_day;

-- Checks a patient in, recording the event; only works on the appointment's day.
-- name: CheckInAppointment :one
WITH updated AS (
    UPDATE appointments
    SET status = 'checked_in', checked_in_at = now(), version = version + 1, updated_at = now()
    WHERE id = $1
      AND status = 'confirmed'
      AND starts_at::date = current_date
    RETURNING id, status, checked_in_at
)
INSERT INTO appointment_events (appointment_id, from_status, to_status, changed_by)
SELECT id, 'confirmed', status, $2
FROM updated
RETURNING appointment_id, to_status, created_at;

-- Permanently removes cancelled appointments older than the cut-off.
-- name: PurgeCancelledAppointments :execrows
DELETE FROM appointments
WHERE status = 'cancelled'
  AND cancelled_at < $1
  AND id NOT IN (SELECT appointment_id FROM invoices WHERE appointment_id IS NOT NULL);
