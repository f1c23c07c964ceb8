-- Registers a clinic.
-- name: CreateClinic :one
INSERT INTO clinics (slug, name, timezone, country, phone, address)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- name: GetClinic :one
SELECT * FROM clinics
WHERE id = $1;

-- name: GetClinicBySlug :one
SELECT * FROM clinics
WHERE slug = lower(@slug::text) AND archived_at IS NULL;

-- Active clinics, optionally filtered by country.
-- name: ListClinics :many
SELECT id, slug, name, timezone, country, phone
FROM clinics
WHERE archived_at IS NULL
  AND (sqlc.narg(country)::char(2) IS NULL OR country = sqlc.narg(country))
ORDER BY name;

-- Only the given fields change.
-- name: UpdateClinic :one
UPDATE clinics
SET name     = COALESCE(sqlc.narg(name), name),
    timezone = COALESCE(sqlc.narg(timezone), timezone),
    phone    = COALESCE(sqlc.narg(phone), phone),
    address  = COALESCE(sqlc.narg(address), address)
WHERE id = sqlc.arg(id)
RETURNING *;

-- Replaces one weekday's opening hours in the JSON document.
-- name: SetClinicOpeningHours :one
UPDATE clinics
SET opening_hours = jsonb_set(opening_hours, ARRAY[@weekday::text], @hours::jsonb, true)
WHERE id = @id
RETURNING opening_hours;

-- name: ArchiveClinic :execrows
UPDATE clinics
SET archived_at = now()
WHERE id = $1 AND archived_at IS NULL;

-- Clinic directory entry with its city pulled out of the address document.
-- name: ListClinicsByCity :many
SELECT id, name, address ->> 'city' AS city, address ->> 'postal_code' AS postal_code
FROM clinics
WHERE archived_at IS NULL
  AND lower(address ->> 'city') = lower($1::text)
ORDER BY name;

-- name: UpsertSpecialty :one
INSERT INTO specialties (code, name)
VALUES ($1, $2)
ON CONFLICT (code) DO UPDATE SET name = excluded.name
RETURNING *;

-- name: ListSpecialties :many
SELECT * FROM specialties
ORDER BY name;

-- Hires a practitioner into a clinic.
-- name: CreatePractitioner :one
INSERT INTO practitioners (clinic_id, full_name, title, email, license_number, default_slot_minutes, languages)
VALUES (@clinic_id, @full_name, @title, lower(@email::text), @license_number, @default_slot_minutes, @languages)
RETURNING *;

-- name: GetPractitioner :one
SELECT * FROM practitioners
WHERE id = $1;

-- name: GetPractitionerByExternalID :one
SELECT * FROM practitioners
WHERE external_id = $1 AND deactivated_at IS NULL;

-- name: GetPractitionersByIDs :many
SELECT id, clinic_id, full_name, title, email
FROM practitioners
WHERE id = ANY($1::bigint[])
ORDER BY full_name;

-- Practitioners of a clinic with their specialties as one array.
-- name: ListPractitionersForClinic :many
SELECT p.id, p.full_name, p.title, p.accepts_new_patients, p.languages,
       COALESCE(array_agg(s.name ORDER BY ps.is_primary DESC, s.name) FILTER (WHERE s.id IS NOT NULL), '{}')::text[] AS specialties
FROM practitioners p
LEFT JOIN practitioner_specialties ps ON ps.practitioner_id = p.id
LEFT JOIN specialties s ON s.id = ps.specialty_id
WHERE p.clinic_id = $1 AND p.deactivated_at IS NULL
GROUP BY p.id
ORDER BY p.full_name;

-- Search for a practitioner to book, with optional specialty and language filters.
-- name: SearchPractitioners :many
SELECT DISTINCT p.id, p.full_name, p.title, p.default_slot_minutes
FROM practitioners p
LEFT JOIN practitioner_specialties ps ON ps.practitioner_id = p.id
LEFT JOIN specialties s ON s.id = ps.specialty_id
WHERE p.clinic_id = sqlc.arg(clinic_id)
  AND p.deactivated_at IS NULL
  AND (sqlc.narg(specialty_code)::text IS NULL OR s.code = sqlc.narg(specialty_code))
  AND (sqlc.narg(language)::text IS NULL OR sqlc.narg(language) = ANY(p.languages))
  AND (NOT sqlc.arg(new_patients_only)::boolean OR p.accepts_new_patients)
  AND (sqlc.narg(name_prefix)::text IS NULL OR p.full_name ILIKE sqlc.narg(name_prefix) || '%')
ORDER BY p.full_name
LIMIT sqlc.arg(page_size);

-- name: UpdatePractitionerProfile :one
UPDATE practitioners
SET title                = COALESCE(sqlc.narg(title), title),
    bio                  = COALESCE(sqlc.narg(bio), bio),
    default_slot_minutes = COALESCE(sqlc.narg(default_slot_minutes), default_slot_minutes),
    accepts_new_patients = COALESCE(sqlc.narg(accepts_new_patients), accepts_new_patients)
WHERE id = sqlc.arg(id) AND deactivated_at IS NULL
RETURNING *;

-- Adds a language if it is not already listed.
-- name: AddPractitionerLanguage :exec
UPDATE practitioners
SET languages = array_append(languages, $2)
WHERE id = $1 AND NOT ($2 = ANY(languages));

-- name: DeactivatePractitioner :execrows
UPDATE practitioners
SET deactivated_at = now(), accepts_new_patients = false
WHERE id = $1 AND deactivated_at IS NULL;

-- name: AssignSpecialty :exec
INSERT INTO practitioner_specialties (practitioner_id, specialty_id, is_primary, certified_on)
VALUES ($1, $2, $3, $4)
ON CONFLICT (practitioner_id, specialty_id)
DO UPDATE SET is_primary = excluded.is_primary, certified_on = excluded.certified_on;

-- name: RemoveSpecialty :execrows
DELETE FROM practitioner_specialties
WHERE practitioner_id = $1 AND specialty_id = $2;

-- Makes one specialty primary and clears the flag on the others, in one statement.
-- name: SetPrimarySpecialty :execrows
UPDATE practitioner_specialties
SET is_primary = (specialty_id = @specialty_id)
WHERE practitioner_id = @practitioner_id;

-- Number of active practitioners per specialty in a clinic.
-- name: CountPractitionersBySpecialty :many
SELECT s.code, s.name, count(p.id) AS practitioners
FROM specialties s
JOIN practitioner_specialties ps ON ps.specialty_id = s.id
JOIN practitioners p ON p.id = ps.practitioner_id
WHERE p.clinic_id = $1 AND p.deactivated_at IS NULL
GROUP BY s.code, s.name
HAVING count(p.id) > 0
ORDER BY practitioners DESC, s.name;

-- name: AddAvailabilityRule :one
INSERT INTO availability_rules (practitioner_id, weekday, start_minute, end_minute, valid_from, valid_until)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING *;

-- Weekly schedule of a practitioner, with times formatted for display.
-- name: ListAvailabilityRules :many
SELECT id, weekday, start_minute, end_minute, valid_from, valid_until,
       to_char(make_interval(mins => start_minute), 'HH24:MI') AS starts_label,
       to_char(make_interval(mins => end_minute), 'HH24:MI') AS ends_label
FROM availability_rules
WHERE practitioner_id = $1
  AND (valid_until IS NULL OR valid_until >= current_date)
ORDER BY weekday, start_minute;

-- Rules that would overlap a new one on the same weekday.
-- name: FindOverlappingAvailability :many
SELECT id, weekday, start_minute, end_minute
FROM availability_rules
WHERE practitioner_id = @practitioner_id
  AND weekday = @weekday
  AND start_minute < @end_minute
  AND end_minute > @start_minute
  AND (valid_until IS NULL OR valid_until >= @valid_from::date);

-- name: DeleteAvailabilityRule :execrows
DELETE FROM availability_rules
WHERE id = $1 AND practitioner_id = $2;

-- Ends every open rule of a practitioner at the given date.
-- name: EndAvailabilityRules :execrows
UPDATE availability_rules
SET valid_until = $2
WHERE practitioner_id = $1 AND (valid_until IS NULL OR valid_until > $2);

-- Total bookable hours per week, per practitioner.
-- name: WeeklyCapacityByPractitioner :many
SELECT p.id, p.full_name,
       (sum(r.end_minute - r.start_minute) / 60.0)::numeric(6,2) AS hours_per_week,
       count(DISTINCT r.weekday) AS working_days
FROM practitioners p
JOIN availability_rules r ON r.practitioner_id = p.id
WHERE p.clinic_id = $1
  AND p.deactivated_at IS NULL
  AND (r.valid_until IS NULL OR r.valid_until >= current_date)
GROUP BY p.id, p.full_name
ORDER BY hours_per_week DESC;

-- name: AddTimeOff :one
INSERT INTO time_off (practitioner_id, starts_at, ends_at, reason)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: ListUpcomingTimeOff :many
SELECT t.id, t.practitioner_id, p.full_name, t.starts_at, t.ends_at, t.reason,
       t.ends_at - t.starts_at AS length
FROM time_off t
JOIN practitioners p ON p.id = t.practitioner_id
WHERE p.clinic_id = $1 AND t.ends_at > now()
ORDER BY t.starts_at;

-- name: DeleteTimeOff :exec
DELETE FROM time_off WHERE id = $1;

-- Open slots for one practitioner on one day: availability split into slots,
-- minus booked appointments and time off.
-- name: ListFreeSlots :many
WITH day AS (
    SELECT @day::date AS d
), rules AS (
    SELECT r.start_minute, r.end_minute
    FROM availability_rules r, day
    WHERE r.practitioner_id = @practitioner_id
      AND r.weekday = extract(dow FROM day.d)::smallint
      AND r.valid_from <= day.d
      AND (r.valid_until IS NULL OR r.valid_until >= day.d)
), slots AS (
    SELECT (day.d + make_interval(mins => m))::timestamptz AS slot_start,
           (day.d + make_interval(mins => m + @slot_minutes::int))::timestamptz AS slot_end
    FROM rules, day,
         generate_series(rules.start_minute, rules.end_minute - @slot_minutes::int, @slot_minutes::int) AS m
)
SELECT s.slot_start, s.slot_end
FROM slots s
WHERE NOT EXISTS (
        SELECT 1 FROM appointments a
        WHERE a.practitioner_id = @practitioner_id
          AND a.status NOT IN ('cancelled', 'no_show')
          AND a.starts_at < s.slot_end
          AND a.ends_at > s.slot_start)
  AND NOT EXISTS (
        SELECT 1 FROM time_off t
        WHERE t.practitioner_id = @practitioner_id
          AND t.starts_at < s.slot_end
          AND t.ends_at > s.slot_start)
ORDER BY s.slot_start;

-- Is the practitioner scheduled to work over the whole requested span?
-- name: IsWithinAvailability :one
SELECT EXISTS (
    SELECT 1 FROM availability_rules r
    WHERE r.practitioner_id = @practitioner_id
      AND r.weekday = extract(dow FROM @starts_at::timestamptz)::smallint
      AND r.valid_from <= @starts_at::date
      AND (r.valid_until IS NULL OR r.valid_until >= @starts_at::date)
      AND r.start_minute <= (extract(hour FROM @starts_at::timestamptz) * 60 + extract(minute FROM @starts_at::timestamptz))::int
      AND r.end_minute >= (extract(hour FROM @ends_at::timestamptz) * 60 + extract(minute FROM @ends_at::timestamptz))::int
) AS available;
