-- name: CreateStaff :one
INSERT INTO staff (clinic_id, full_name, role, license_no, email, hired_on)
VALUES ($1, $2, $3, $4, lower($5), $6)
RETURNING *;

-- name: ListActiveVets :many
SELECT id, full_name, license_no
FROM staff
WHERE clinic_id = $1 AND role = 'veterinarian' AND active
ORDER BY full_name;

-- name: ListStaff :many
SELECT * FROM staff
WHERE clinic_id = sqlc.arg(clinic_id)
  AND (sqlc.narg(role)::staff_role IS NULL OR role = sqlc.narg(role))
  AND active = COALESCE(sqlc.narg(active)::boolean, active)
ORDER BY role, full_name;

-- name: DeactivateStaff :execrows
UPDATE staff SET active = false WHERE id = $1 AND active;

-- name: CreateRoom :one
INSERT INTO rooms (clinic_id, name, is_surgery)
VALUES ($1, $2, $3)
ON CONFLICT (clinic_id, name) DO UPDATE SET is_surgery = EXCLUDED.is_surgery
RETURNING *;

-- name: UpsertAppointmentType :one
INSERT INTO appointment_types (clinic_id, name, default_duration, requires_surgery_room, color)
VALUES (@clinic_id, @name, @default_duration, @requires_surgery_room, @color)
ON CONFLICT (clinic_id, name) DO UPDATE
SET default_duration = EXCLUDED.default_duration,
    requires_surgery_room = EXCLUDED.requires_surgery_room,
    color = EXCLUDED.color
RETURNING *;

-- name: ListAppointmentTypes :many
SELECT id, name, default_duration,
       (extract(epoch FROM default_duration) / 60)::integer AS duration_minutes,
       requires_surgery_room, color
FROM appointment_types
WHERE clinic_id = $1
ORDER BY name;

-- Adds or moves a shift.
-- name: UpsertShift :one
INSERT INTO staff_shifts (staff_id, shift_date, starts_at, ends_at, on_call)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (staff_id, shift_date, starts_at) DO UPDATE
SET ends_at = EXCLUDED.ends_at, on_call = EXCLUDED.on_call
RETURNING id, staff_id, shift_date, starts_at, ends_at, on_call;

-- name: ListShiftsForWeek :many
SELECT sh.id, sh.staff_id, s.full_name, s.role, sh.shift_date, sh.starts_at, sh.ends_at, sh.on_call
FROM staff_shifts sh
JOIN staff s ON s.id = sh.staff_id
WHERE s.clinic_id = @clinic_id
  AND sh.shift_date >= date_trunc('week', @week_of::date)::date
  AND sh.shift_date < date_trunc('week', @week_of::date)::date + 7
ORDER BY sh.shift_date, sh.starts_at, s.full_name;

-- name: DeleteShift :exec
DELETE FROM staff_shifts WHERE id = $1;

-- Books an appointment; the end is derived from the appointment type.
-- name: BookAppointment :one
INSERT INTO appointments (clinic_id, pet_id, vet_id, room_id, type_id, starts_at, ends_at, reason, booked_online)
SELECT @clinic_id, @pet_id, @vet_id, @room_id, t.id,
       @starts_at::timestamptz, @starts_at::timestamptz + t.default_duration,
       @reason, @booked_online
FROM appointment_types t
WHERE t.id = @type_id AND t.clinic_id = @clinic_id
RETURNING *;

-- name: GetAppointment :one
SELECT * FROM appointments WHERE id = $1;

-- The appointment card: joined with pet, owner, vet and type.
-- name: GetAppointmentDetail :one
SELECT a.id, a.starts_at, a.ends_at, a.status, a.reason,
       p.name AS pet_name, p.species, p.allergies,
       c.first_name || ' ' || c.last_name AS owner_name, c.phone AS owner_phone,
       s.full_name AS vet_name,
       r.name AS room_name,
       t.name AS type_name, t.color
FROM appointments a
JOIN pets p ON p.id = a.pet_id
JOIN clients c ON c.id = p.client_id
JOIN appointment_types t ON t.id = a.type_id
LEFT JOIN staff s ON s.id = a.vet_id
LEFT JOIN rooms r ON r.id = a.room_id
WHERE a.id = $1;

-- Checks whether a vet already has an overlapping appointment.
-- name: VetHasConflict :one
SELECT EXISTS (
    SELECT 1 FROM appointments
    WHERE vet_id = @vet_id
      AND status NOT IN ('cancelled', 'no_show')
      AND starts_at < @ends_at::timestamptz
      AND ends_at > @starts_at::timestamptz
      AND id <> COALESCE(sqlc.narg(exclude_id)::bigint, 0)
) AS conflict;

-- name: RoomHasConflict :one
SELECT count(*) > 0 AS conflict
FROM appointments
WHERE room_id = $1
  AND status NOT IN ('cancelled', 'no_show')
  AND tstzrange(starts_at, ends_at) && tstzrange($2::timestamptz, $3::timestamptz);

-- The day sheet for a clinic, optionally for one vet.
-- name: ListDayAppointments :many
SELECT a.id, a.starts_at, a.ends_at, a.status, a.vet_id, p.name AS pet_name, p.species,
       c.last_name AS owner_last_name, t.name AS type_name, t.color
FROM appointments a
JOIN pets p ON p.id = a.pet_id
JOIN clients c ON c.id = p.client_id
JOIN appointment_types t ON t.id = a.type_id
WHERE a.clinic_id = sqlc.arg(clinic_id)
  AND a.starts_at >= sqlc.arg(day)::date
  AND a.starts_at < sqlc.arg(day)::date + 1
  AND (sqlc.narg(vet_id)::integer IS NULL OR a.vet_id = sqlc.narg(vet_id))
  AND a.status <> 'cancelled'
ORDER BY a.starts_at, a.id;

-- Keyset pagination over a pet's appointment history.
-- name: ListPetAppointments :many
SELECT id, starts_at, status, reason, vet_id
FROM appointments
WHERE pet_id = $1 AND (starts_at, id) < ($2::timestamptz, $3::bigint)
ORDER BY starts_at DESC, id DESC
LIMIT $4;

-- name: ListUpcomingAppointmentsForClient :many
SELECT a.id, a.starts_at, a.status, p.name AS pet_name, t.name AS type_name
FROM appointments a
JOIN pets p ON p.id = a.pet_id
JOIN appointment_types t ON t.id = a.type_id
WHERE p.client_id = $1
  AND a.starts_at > now()
  AND a.status IN ('requested', 'booked')
ORDER BY a.starts_at;

-- name: RescheduleAppointment :one
UPDATE appointments
SET starts_at = @starts_at::timestamptz,
    ends_at = @starts_at::timestamptz + (ends_at - starts_at),
    vet_id = COALESCE(sqlc.narg(vet_id), vet_id),
    updated_at = now()
WHERE id = @id AND status IN ('requested', 'booked')
RETURNING *;

-- name: ConfirmAppointment :execrows
UPDATE appointments
SET status = 'booked', updated_at = now()
WHERE id = $1 AND status = 'requested';

-- name: CheckInAppointment :one
UPDATE appointments
SET status = 'checked_in', checked_in_at = now(), updated_at = now()
WHERE id = $1 AND status = 'booked'
  AND starts_at < now() + interval '2 hours'
RETURNING id, status, checked_in_at;

-- name: StartAppointment :execrows
UPDATE appointments
SET status = 'in_progress', updated_at = now()
WHERE id = $1 AND status = 'checked_in';

-- name: CancelAppointment :one
UPDATE appointments
SET status = 'cancelled', cancelled_at = now(), cancel_reason = @reason, updated_at = now()
WHERE id = @id AND status IN ('requested', 'booked', 'checked_in')
RETURNING id, starts_at, vet_id, type_id;

-- Marks booked appointments that started over 30 minutes ago without check-in.
-- name: MarkNoShows :many
UPDATE appointments
SET status = 'no_show', updated_at = now()
WHERE clinic_id = $1
  AND status = 'booked'
  AND starts_at < now() - interval '30 minutes'
RETURNING id, pet_id, starts_at;

-- Cancels the future bookings of a vet who is leaving, returning the affected owners.
-- name: CancelVetFutureAppointments :many
UPDATE appointments a
SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'vet unavailable', updated_at = now()
FROM pets p, clients c
WHERE p.id = a.pet_id
  AND c.id = p.client_id
  AND a.vet_id = $1
  AND a.starts_at > now()
  AND a.status IN ('requested', 'booked')
RETURNING a.id, a.starts_at, c.id AS client_id, c.email, p.name AS pet_name;

-- Free start times for a vet on a day, on the clinic's slot grid, within their shifts.
-- name: ListFreeSlots :many
SELECT slot.starts_at::timestamptz AS starts_at
FROM staff_shifts sh
JOIN staff s ON s.id = sh.staff_id
JOIN clinics cl ON cl.id = s.clinic_id
CROSS JOIN LATERAL generate_series(
    sh.starts_at,
    sh.ends_at - make_interval(mins => cl.slot_minutes),
    make_interval(mins => cl.slot_minutes)
) AS slot(starts_at)
WHERE sh.staff_id = @vet_id
  AND sh.shift_date = @day::date
  AND NOT EXISTS (
      SELECT 1 FROM appointments a
      WHERE a.vet_id = sh.staff_id
        AND a.status NOT IN ('cancelled', 'no_show')
        AND a.starts_at < slot.starts_at + make_interval(mins => cl.slot_minutes)
        AND a.ends_at > slot.starts_at
  )
ORDER BY 1;

-- Next appointment per vet today (LATERAL top-1).
-- name: ListNextAppointmentPerVet :many
SELECT s.id AS vet_id, s.full_name, nxt.id AS appointment_id, nxt.starts_at, nxt.pet_name
FROM staff s
LEFT JOIN LATERAL (
    SELECT a.id, a.starts_at, p.name AS pet_name
    FROM appointments a
    JOIN pets p ON p.id = a.pet_id
    WHERE a.vet_id = s.id
      AND a.starts_at >= now()
      AND a.starts_at < date_trunc('day', now()) + interval '1 day'
      AND a.status IN ('booked', 'checked_in')
    ORDER BY a.starts_at
    LIMIT 1
) nxt ON true
WHERE s.clinic_id = $1 AND s.role = 'veterinarian' AND s.active
ORDER BY nxt.starts_at NULLS LAST, s.full_name;

-- name: AddToWaitlist :one
INSERT INTO waitlist_entries (clinic_id, pet_id, type_id, preferred_vet_id, earliest_date, priority)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (pet_id, type_id) DO UPDATE
SET preferred_vet_id = EXCLUDED.preferred_vet_id,
    earliest_date = LEAST(waitlist_entries.earliest_date, EXCLUDED.earliest_date),
    priority = GREATEST(waitlist_entries.priority, EXCLUDED.priority)
RETURNING *;

-- Picks the best waitlist candidate for a freed slot and locks it.
-- name: ClaimWaitlistEntry :one
SELECT w.id, w.pet_id, w.type_id, w.preferred_vet_id
FROM waitlist_entries w
WHERE w.clinic_id = @clinic_id
  AND w.type_id = @type_id
  AND w.offered_appointment_id IS NULL
  AND w.earliest_date <= @slot_date::date
  AND (w.preferred_vet_id IS NULL OR w.preferred_vet_id = @vet_id::integer)
ORDER BY w.priority DESC, w.created_at
LIMIT 1
FOR UPDATE SKIP LOCKED;

-- name: MarkWaitlistOffered :exec
UPDATE waitlist_entries SET offered_appointment_id = $2 WHERE id = $1;

-- Removes waitlist entries for pets that got booked for the same type anyway.
-- name: PruneWaitlist :execrows
DELETE FROM waitlist_entries w
USING appointments a
WHERE a.pet_id = w.pet_id
  AND a.type_id = w.type_id
  AND a.status IN ('booked', 'checked_in', 'completed')
  AND a.created_at > w.created_at;

-- name: ListWaitlist :many
SELECT w.id, w.priority, w.earliest_date, p.name AS pet_name, t.name AS type_name,
       row_number() OVER (PARTITION BY w.type_id ORDER BY w.priority DESC, w.created_at) AS position
FROM waitlist_entries w
JOIN pets p ON p.id = w.pet_id
JOIN appointment_types t ON t.id = w.type_id
WHERE w.clinic_id = $1 AND w.offered_appointment_id IS NULL
ORDER BY t.name, position;
