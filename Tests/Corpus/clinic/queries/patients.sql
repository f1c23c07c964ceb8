-- Registers a patient.
-- name: CreatePatient :one
INSERT INTO patients (clinic_id, first_name, last_name, date_of_birth, sex, email, phone, insurance_number)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- name: GetPatient :one
SELECT * FROM patients
WHERE id = $1 AND deleted_at IS NULL;

-- name: GetPatientByPublicID :one
SELECT * FROM patients
WHERE public_id = $1 AND deleted_at IS NULL;

-- name: GetPatientByInsuranceNumber :one
SELECT id, public_id, first_name, last_name, date_of_birth
FROM patients
WHERE clinic_id = $1 AND insurance_number = upper($2::text) AND deleted_at IS NULL;

-- Patient header card: name, age in years and allergies.
-- name: GetPatientSummary :one
SELECT id, first_name || ' ' || last_name AS full_name,
       date_part('year', age(current_date, date_of_birth))::int AS age_years,
       allergies, preferred_channel,
       cardinality(allergies) > 0 AS has_allergies
FROM patients
WHERE id = $1 AND deleted_at IS NULL;

-- Offset-paginated patient list of a clinic.
-- name: ListPatients :many
SELECT id, public_id, first_name, last_name, date_of_birth, email, phone
FROM patients
WHERE clinic_id = $1 AND deleted_at IS NULL
ORDER BY lower(last_name), lower(first_name), id
LIMIT $2 OFFSET $3;

-- Keyset-paginated patient list, newest registrations first.
-- name: ListPatientsAfter :many
SELECT id, public_id, first_name, last_name, created_at
FROM patients
WHERE clinic_id = @clinic_id
  AND deleted_at IS NULL
  AND (created_at, id) < (@before_created_at::timestamptz, @before_id::bigint)
ORDER BY created_at DESC, id DESC
LIMIT @page_size;

-- name: CountPatients :one
SELECT count(*) FROM patients
WHERE clinic_id = $1 AND deleted_at IS NULL;

-- Front-desk search by name prefix, phone digits or date of birth.
-- name: SearchPatients :many
SELECT id, public_id, first_name, last_name, date_of_birth, phone
FROM patients
WHERE clinic_id = sqlc.arg(clinic_id)
  AND deleted_at IS NULL
  AND (sqlc.narg(last_name)::text IS NULL OR lower(last_name) LIKE lower(sqlc.narg(last_name)) || '%')
  AND (sqlc.narg(first_name)::text IS NULL OR lower(first_name) LIKE lower(sqlc.narg(first_name)) || '%')
  AND (sqlc.narg(phone_digits)::text IS NULL OR regexp_replace(phone, '[^0-9]', '', 'g') LIKE '%' || sqlc.narg(phone_digits))
  AND (sqlc.narg(date_of_birth)::date IS NULL OR date_of_birth = sqlc.narg(date_of_birth))
ORDER BY lower(last_name), lower(first_name)
LIMIT 50;

-- Possible duplicate registrations: same name and birth date.
-- name: FindDuplicatePatients :many
SELECT lower(first_name) AS first_name, lower(last_name) AS last_name, date_of_birth,
       array_agg(id ORDER BY created_at) AS patient_ids,
       count(*) AS copies
FROM patients
WHERE clinic_id = $1 AND deleted_at IS NULL
GROUP BY lower(first_name), lower(last_name), date_of_birth
HAVING count(*) > 1
ORDER BY copies DESC;

-- Only the given contact fields change.
-- name: UpdatePatientContact :one
UPDATE patients
SET email             = COALESCE(sqlc.narg(email), email),
    phone             = COALESCE(sqlc.narg(phone), phone),
    preferred_channel = COALESCE(sqlc.narg(preferred_channel), preferred_channel),
    updated_at        = now()
WHERE id = sqlc.arg(id) AND deleted_at IS NULL
RETURNING *;

-- name: SetReminderOptOut :exec
UPDATE patients
SET reminder_opt_out = $2, updated_at = now()
WHERE id = $1;

-- Records a new allergy, keeping the list free of duplicates.
-- name: AddPatientAllergy :one
UPDATE patients
SET allergies = ARRAY(SELECT DISTINCT unnest(array_append(allergies, lower(@allergy::text))) ORDER BY 1),
    updated_at = now()
WHERE id = @id
RETURNING allergies;

-- name: RemovePatientAllergy :one
UPDATE patients
SET allergies = array_remove(allergies, lower($2::text)), updated_at = now()
WHERE id = $1
RETURNING allergies;

-- Merges keys into the free-form metadata.
-- name: MergePatientMetadata :one
UPDATE patients
SET metadata = metadata || $2::jsonb, updated_at = now()
WHERE id = $1
RETURNING metadata;

-- name: SoftDeletePatient :execrows
UPDATE patients
SET deleted_at = now(), updated_at = now()
WHERE id = $1 AND deleted_at IS NULL;

-- Removes patients soft-deleted longer ago than the retention period and who never had an invoice.
-- name: PurgeDeletedPatients :execrows
DELETE FROM patients p
WHERE p.deleted_at < now() - @retention::interval
  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.patient_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id);

-- Moves every appointment of a duplicate onto the surviving record.
-- name: MergePatientAppointments :execrows
UPDATE appointments a
SET patient_id = @keep_id, updated_at = now()
FROM patients dup
WHERE dup.id = @duplicate_id
  AND a.patient_id = dup.id
  AND dup.clinic_id = a.clinic_id;

-- Everything the patient portal shows on the home screen, as one JSON document.
-- name: GetPatientPortalDocument :one
SELECT jsonb_build_object(
    'patient', jsonb_build_object('id', p.public_id, 'first_name', p.first_name, 'last_name', p.last_name),
    'upcoming', COALESCE((
        SELECT jsonb_agg(jsonb_build_object('id', a.id, 'starts_at', a.starts_at, 'practitioner', pr.full_name, 'status', a.status)
                         ORDER BY a.starts_at)
        FROM appointments a
        JOIN practitioners pr ON pr.id = a.practitioner_id
        WHERE a.patient_id = p.id AND a.starts_at > now() AND a.status IN ('requested', 'confirmed')
    ), '[]'::jsonb),
    'open_invoices', (
        SELECT count(*) FROM invoices i WHERE i.patient_id = p.id AND i.status = 'issued'
    )
) AS document
FROM patients p
WHERE p.public_id = $1 AND p.deleted_at IS NULL;

-- Patients with a birthday in the next days, for greetings.
-- name: ListUpcomingBirthdays :many
SELECT id, first_name, last_name, email, date_of_birth
FROM patients
WHERE clinic_id = $1
  AND deleted_at IS NULL
  AND NOT reminder_opt_out
  AND to_char(date_of_birth, 'MM-DD') IN (
      SELECT to_char(d, 'MM-DD')
      FROM generate_series(current_date, current_date + $2::int, interval '1 day') AS d
  )
ORDER BY to_char(date_of_birth, 'MM-DD');

-- Age distribution of a clinic's patients, in ten-year bands.
-- name: PatientAgeBands :many
SELECT (date_part('year', age(date_of_birth))::int / 10) * 10 AS band_start,
       count(*) AS patients,
       count(*) FILTER (WHERE sex = 'F') AS female,
       count(*) FILTER (WHERE sex = 'M') AS male
FROM patients
WHERE clinic_id = $1 AND deleted_at IS NULL
GROUP BY band_start
ORDER BY band_start;

-- Patients not seen since the cut-off, who have no future booking.
-- name: ListLapsedPatients :many
SELECT p.id, p.first_name, p.last_name, p.email, last_visit.completed_at AS last_visit_at
FROM patients p
JOIN LATERAL (
    SELECT a.completed_at
    FROM appointments a
    WHERE a.patient_id = p.id AND a.status = 'completed'
    ORDER BY a.completed_at DESC
    LIMIT 1
) last_visit ON true
WHERE p.clinic_id = @clinic_id
  AND p.deleted_at IS NULL
  AND last_visit.completed_at < now() - @since::interval
  AND NOT EXISTS (
      SELECT 1 FROM appointments f
      WHERE f.patient_id = p.id AND f.starts_at > now() AND f.status IN ('requested', 'confirmed'))
ORDER BY last_visit.completed_at;

-- New patient registrations per month.
-- name: MonthlyRegistrations :many
SELECT date_trunc('month', created_at)::date AS month, count(*) AS registrations
FROM patients
WHERE clinic_id = $1 AND created_at >= $2
GROUP BY 1
ORDER BY 1;
