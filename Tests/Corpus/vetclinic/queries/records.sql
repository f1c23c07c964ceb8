-- name: CreateTreatment :one
INSERT INTO treatments (clinic_id, code, name, category, unit_price, vat_rate, is_vaccine, booster_after)
VALUES ($1, upper($2), $3, $4, $5, $6, $7, $8)
RETURNING *;

-- Price list import: inserts new codes and updates existing ones.
-- name: UpsertTreatmentPrice :one
INSERT INTO treatments (clinic_id, code, name, category, unit_price)
VALUES (@clinic_id, upper(@code::text), @name, @category, @unit_price)
ON CONFLICT (clinic_id, code) DO UPDATE
SET name = EXCLUDED.name,
    category = EXCLUDED.category,
    unit_price = EXCLUDED.unit_price,
    active = true
WHERE treatments.unit_price IS DISTINCT FROM EXCLUDED.unit_price
   OR treatments.name IS DISTINCT FROM EXCLUDED.name
   OR NOT treatments.active
RETURNING id, code, unit_price, (xmax = 0) AS inserted;

-- name: ListTreatments :many
SELECT id, code, name, category, unit_price, vat_rate, is_vaccine
FROM treatments
WHERE clinic_id = sqlc.arg(clinic_id)
  AND active
  AND (sqlc.narg(category)::text IS NULL OR category = sqlc.narg(category))
  AND (sqlc.narg(q)::text IS NULL OR name ILIKE '%' || sqlc.narg(q) || '%' OR code = upper(sqlc.narg(q)))
ORDER BY category, name;

-- Raises every active price in a category by a percentage.
-- name: RaiseCategoryPrices :execrows
UPDATE treatments
SET unit_price = round(unit_price * (1 + @percent::numeric / 100), 2)
WHERE clinic_id = @clinic_id AND category = @category AND active;

-- name: RetireTreatments :execrows
UPDATE treatments SET active = false
WHERE id = ANY ($1::integer[]) AND clinic_id = $2;

-- Opens a visit, optionally from an appointment, and marks the appointment in progress.
-- name: OpenVisitFromAppointment :one
WITH appt AS (
    UPDATE appointments
    SET status = 'in_progress', updated_at = now()
    WHERE id = @appointment_id AND status IN ('booked', 'checked_in')
    RETURNING id, pet_id, vet_id
)
INSERT INTO visits (appointment_id, pet_id, vet_id)
SELECT appt.id, appt.pet_id, COALESCE(appt.vet_id, @fallback_vet_id::integer)
FROM appt
RETURNING *;

-- name: CreateWalkInVisit :one
INSERT INTO visits (pet_id, vet_id, subjective)
VALUES ($1, $2, $3)
RETURNING *;

-- name: GetVisit :one
SELECT * FROM visits WHERE id = $1;

-- Saves the clinical notes; signed visits cannot be changed.
-- name: UpdateVisitNotes :one
UPDATE visits
SET weight_kg     = COALESCE(sqlc.narg(weight_kg), weight_kg),
    temperature_c = COALESCE(sqlc.narg(temperature_c), temperature_c),
    heart_rate    = COALESCE(sqlc.narg(heart_rate), heart_rate),
    subjective    = COALESCE(sqlc.narg(subjective), subjective),
    assessment    = COALESCE(sqlc.narg(assessment), assessment),
    plan          = COALESCE(sqlc.narg(plan), plan)
WHERE id = sqlc.arg(id) AND signed_at IS NULL
RETURNING *;

-- name: MergeVisitVitals :exec
UPDATE visits
SET vitals = vitals || @vitals::jsonb
WHERE id = @id AND signed_at IS NULL;

-- Signs a visit, copies the weight to the pet and completes the appointment.
-- name: SignVisit :one
WITH signed AS (
    UPDATE visits SET signed_at = now()
    WHERE id = $1 AND signed_at IS NULL
    RETURNING id, pet_id, appointment_id, weight_kg, signed_at
), pet AS (
    UPDATE pets p SET weight_kg = signed.weight_kg, updated_at = now()
    FROM signed
    WHERE p.id = signed.pet_id AND signed.weight_kg IS NOT NULL
    RETURNING p.id
), appt AS (
    UPDATE appointments a SET status = 'completed', updated_at = now()
    FROM signed
    WHERE a.id = signed.appointment_id
    RETURNING a.id
)
SELECT signed.id, signed.signed_at,
       EXISTS (SELECT 1 FROM pet) AS weight_updated,
       EXISTS (SELECT 1 FROM appt) AS appointment_completed
FROM signed;

-- The medical history of a pet, newest first, with offset pagination.
-- name: ListPetVisits :many
SELECT v.id, v.visited_at, v.weight_kg, v.assessment, s.full_name AS vet_name,
       count(vi.id) AS item_count,
       COALESCE(sum(vi.quantity * vi.unit_price * (1 - vi.discount_pct / 100)), 0)::numeric(12,2) AS amount
FROM visits v
JOIN staff s ON s.id = v.vet_id
LEFT JOIN visit_items vi ON vi.visit_id = v.id
WHERE v.pet_id = $1
GROUP BY v.id, s.full_name
ORDER BY v.visited_at DESC
LIMIT $2 OFFSET $3;

-- Weight curve with change since the previous visit.
-- name: GetPetWeightHistory :many
SELECT visited_at::date AS day,
       weight_kg,
       weight_kg - lag(weight_kg) OVER (ORDER BY visited_at) AS change_kg,
       avg(weight_kg) OVER (ORDER BY visited_at ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)::numeric(6,2) AS moving_avg_kg
FROM visits
WHERE pet_id = $1 AND weight_kg IS NOT NULL
ORDER BY visited_at;

-- A full visit document for the records export.
-- name: GetVisitDocument :one
SELECT jsonb_build_object(
    'visit_id', v.id,
    'visited_at', v.visited_at,
    'pet', jsonb_build_object('name', p.name, 'species', p.species, 'microchip', p.microchip),
    'vet', s.full_name,
    'notes', jsonb_build_object('s', v.subjective, 'a', v.assessment, 'p', v.plan),
    'vitals', v.vitals,
    'items', COALESCE((
        SELECT jsonb_agg(jsonb_build_object('code', t.code, 'name', t.name, 'qty', vi.quantity) ORDER BY vi.id)
        FROM visit_items vi JOIN treatments t ON t.id = vi.treatment_id
        WHERE vi.visit_id = v.id
    ), '[]'::jsonb)
) AS document
FROM visits v
JOIN pets p ON p.id = v.pet_id
JOIN staff s ON s.id = v.vet_id
WHERE v.id = $1;

-- Adds a billable item at the current list price.
-- name: AddVisitItem :one
INSERT INTO visit_items (visit_id, treatment_id, quantity, unit_price, discount_pct, notes)
SELECT @visit_id, t.id, @quantity, t.unit_price, COALESCE(sqlc.narg(discount_pct), 0), sqlc.narg(notes)
FROM treatments t
WHERE t.id = @treatment_id AND t.active
RETURNING *;

-- name: ListVisitItems :many
SELECT vi.id, vi.quantity, vi.unit_price, vi.discount_pct, t.code, t.name, t.vat_rate,
       round(vi.quantity * vi.unit_price * (1 - vi.discount_pct / 100), 2) AS line_total
FROM visit_items vi
JOIN treatments t ON t.id = vi.treatment_id
WHERE vi.visit_id = $1
ORDER BY vi.id;

-- name: DeleteVisitItem :execrows
DELETE FROM visit_items vi
USING visits v
WHERE vi.id = $1 AND v.id = vi.visit_id AND v.signed_at IS NULL;

-- Records a vaccination and computes the booster due date from the treatment.
-- name: RecordVaccination :one
INSERT INTO vaccinations (pet_id, treatment_id, visit_id, batch_number, given_on, due_on)
SELECT @pet_id, t.id, sqlc.narg(visit_id), sqlc.narg(batch_number), @given_on::date,
       (@given_on::date + t.booster_after)::date
FROM treatments t
WHERE t.id = @treatment_id AND t.is_vaccine
ON CONFLICT (pet_id, treatment_id, given_on) DO UPDATE
SET batch_number = EXCLUDED.batch_number, visit_id = EXCLUDED.visit_id
RETURNING *;

-- Latest vaccination per vaccine for a pet.
-- name: GetVaccinationStatus :many
SELECT DISTINCT ON (va.treatment_id)
       va.treatment_id, t.name AS vaccine, va.given_on, va.due_on,
       CASE
           WHEN va.due_on IS NULL THEN 'lifetime'
           WHEN va.due_on < current_date THEN 'overdue'
           WHEN va.due_on < current_date + 30 THEN 'due_soon'
           ELSE 'current'
       END AS state
FROM vaccinations va
JOIN treatments t ON t.id = va.treatment_id
WHERE va.pet_id = $1
ORDER BY va.treatment_id, va.given_on DESC;

-- Pets whose latest dose of any vaccine is overdue.
-- name: ListOverdueVaccinations :many
WITH latest AS (
    SELECT DISTINCT ON (va.pet_id, va.treatment_id) va.pet_id, va.treatment_id, va.due_on
    FROM vaccinations va
    ORDER BY va.pet_id, va.treatment_id, va.given_on DESC
)
SELECT p.id AS pet_id, p.name AS pet_name, c.id AS client_id, c.email, t.name AS vaccine, l.due_on,
       current_date - l.due_on AS days_overdue
FROM latest l
JOIN pets p ON p.id = l.pet_id AND p.deceased_on IS NULL
JOIN clients c ON c.id = p.client_id
JOIN treatments t ON t.id = l.treatment_id
WHERE c.clinic_id = $1 AND l.due_on < current_date
ORDER BY l.due_on
LIMIT $2;

-- name: CreatePrescription :one
INSERT INTO prescriptions (pet_id, visit_id, prescribed_by, drug_name, dosage, frequency_per_day,
                           duration_days, refills_allowed, controlled, starts_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING *;

-- Active prescriptions with their computed end date and remaining refills.
-- name: ListActivePrescriptions :many
SELECT id, drug_name, dosage, frequency_per_day, starts_on,
       starts_on + duration_days AS ends_on,
       refills_allowed - refills_used AS refills_left,
       controlled
FROM prescriptions
WHERE pet_id = $1
  AND revoked_at IS NULL
  AND (starts_on + duration_days >= current_date OR refills_used < refills_allowed)
ORDER BY starts_on DESC;

-- Uses one refill, if any is left.
-- name: UseRefill :one
UPDATE prescriptions
SET refills_used = refills_used + 1,
    starts_on = current_date
WHERE id = $1 AND revoked_at IS NULL AND refills_used < refills_allowed
RETURNING id, refills_allowed - refills_used AS refills_left;

-- name: RevokePrescription :execrows
UPDATE prescriptions SET revoked_at = now()
WHERE id = $1 AND revoked_at IS NULL;

-- Controlled-substance log for the regulator.
-- name: ControlledSubstanceLog :many
SELECT pr.id, pr.drug_name, pr.dosage, pr.duration_days, pr.starts_on,
       s.full_name AS prescriber, s.license_no,
       p.name AS pet_name, c.last_name AS owner_last_name
FROM prescriptions pr
JOIN staff s ON s.id = pr.prescribed_by
JOIN pets p ON p.id = pr.pet_id
JOIN clients c ON c.id = p.client_id
WHERE pr.controlled
  AND s.clinic_id = @clinic_id
  AND pr.starts_on BETWEEN @from_date::date AND @to_date::date
ORDER BY pr.starts_on, pr.id;

-- name: CreateAttachment :one
INSERT INTO attachments (visit_id, file_name, content_type, byte_size, sha256, tags)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, uploaded_at;

-- name: ListAttachments :many
SELECT id, file_name, content_type, byte_size, encode(sha256, 'hex') AS sha256_hex, tags, uploaded_at
FROM attachments
WHERE visit_id = sqlc.arg(visit_id)
  AND (sqlc.narg(tag)::text IS NULL OR sqlc.narg(tag)::text = ANY (tags))
ORDER BY uploaded_at DESC;

-- name: FindAttachmentByHash :one
SELECT id, visit_id, file_name FROM attachments
WHERE sha256 = $1
LIMIT 1;

-- name: DeleteAttachment :exec
DELETE FROM attachments WHERE id = $1;

-- Everything known about a pet, newest first, as one timeline.
-- name: GetPetTimeline :many
SELECT 'visit' AS kind, v.id AS ref_id, v.visited_at AS happened_at, COALESCE(v.assessment, '') AS summary
FROM visits v WHERE v.pet_id = $1
UNION ALL
SELECT 'vaccination', va.id, va.given_on::timestamptz, t.name
FROM vaccinations va JOIN treatments t ON t.id = va.treatment_id WHERE va.pet_id = $1
UNION ALL
SELECT 'prescription', pr.id, pr.starts_on::timestamptz, pr.drug_name || ' ' || pr.dosage
FROM prescriptions pr WHERE pr.pet_id = $1
ORDER BY happened_at DESC
LIMIT $2;
