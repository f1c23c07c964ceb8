-- Opens (or returns) the note for an appointment.
-- name: UpsertVisitNote :one
INSERT INTO visit_notes (appointment_id, practitioner_id, subjective, objective, assessment, plan, vitals, diagnosis_codes)
VALUES (@appointment_id, @practitioner_id, @subjective, @objective, @assessment, @plan, @vitals, @diagnosis_codes)
ON CONFLICT (appointment_id) DO UPDATE
SET subjective      = excluded.subjective,
    objective       = excluded.objective,
    assessment      = excluded.assessment,
    plan            = excluded.plan,
    vitals          = visit_notes.vitals || excluded.vitals,
    diagnosis_codes = excluded.diagnosis_codes,
    updated_at      = now()
WHERE visit_notes.signed_at IS NULL
RETURNING *;

-- name: GetVisitNote :one
SELECT * FROM visit_notes
WHERE id = $1;

-- name: GetVisitNoteByAppointment :one
SELECT * FROM visit_notes
WHERE appointment_id = $1;

-- Signs a note; signed notes are immutable.
-- name: SignVisitNote :one
UPDATE visit_notes
SET signed_at = now(), signature = $2, follow_up_in = $3, updated_at = now()
WHERE id = $1 AND signed_at IS NULL
RETURNING id, signed_at;

-- Records one vital sign in the vitals document.
-- name: SetVital :one
UPDATE visit_notes
SET vitals = jsonb_set(vitals, ARRAY[sqlc.arg(name)::text], to_jsonb(sqlc.arg(value)::numeric)),
    updated_at = now()
WHERE id = sqlc.arg(id) AND signed_at IS NULL
RETURNING vitals;

-- A patient's chart: every note with its vitals pulled out.
-- name: ListPatientVisitNotes :many
SELECT n.id, a.starts_at, pr.full_name AS practitioner_name, n.assessment, n.plan,
       n.diagnosis_codes,
       (n.vitals ->> 'systolic')::int AS systolic,
       (n.vitals ->> 'diastolic')::int AS diastolic,
       (n.vitals ->> 'weight_kg')::numeric(5,1) AS weight_kg,
       n.signed_at IS NOT NULL AS signed
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
JOIN practitioners pr ON pr.id = n.practitioner_id
WHERE a.patient_id = $1
ORDER BY a.starts_at DESC
LIMIT $2 OFFSET $3;

-- Notes a practitioner still has to sign, oldest first.
-- name: ListUnsignedNotes :many
SELECT n.id, n.appointment_id, a.starts_at, now() - a.ends_at AS overdue_by
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
WHERE n.practitioner_id = $1 AND n.signed_at IS NULL
ORDER BY a.starts_at;

-- Completed appointments that have no note yet.
-- name: ListAppointmentsMissingNotes :many
SELECT a.id, a.practitioner_id, a.patient_id, a.completed_at
FROM appointments a
WHERE a.clinic_id = $1
  AND a.status = 'completed'
  AND NOT EXISTS (SELECT 1 FROM visit_notes n WHERE n.appointment_id = a.id)
ORDER BY a.completed_at;

-- Weight trend of a patient, with the change from the previous measurement.
-- name: PatientWeightTrend :many
SELECT a.starts_at::date AS measured_on,
       (n.vitals ->> 'weight_kg')::numeric AS weight_kg,
       (n.vitals ->> 'weight_kg')::numeric - lag((n.vitals ->> 'weight_kg')::numeric) OVER (ORDER BY a.starts_at) AS change_kg
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
WHERE a.patient_id = $1 AND n.vitals ? 'weight_kg'
ORDER BY a.starts_at;

-- Most frequent diagnosis codes in a clinic over a period.
-- name: TopDiagnosisCodes :many
SELECT code, count(*) AS occurrences
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
CROSS JOIN LATERAL unnest(n.diagnosis_codes) AS code
WHERE a.clinic_id = $1 AND a.starts_at >= $2
GROUP BY code
ORDER BY occurrences DESC, code
LIMIT $3;

-- Notes carrying any of the given diagnosis codes.
-- name: ListNotesWithDiagnoses :many
SELECT n.id, n.appointment_id, n.diagnosis_codes
FROM visit_notes n
WHERE n.diagnosis_codes && $1::text[]
ORDER BY n.id DESC;

-- Completed visits whose follow-up interval has passed without a new booking.
-- name: ListDueFollowUps :many
SELECT a.patient_id, p.first_name, p.last_name, a.starts_at AS visit_at,
       a.starts_at + n.follow_up_in AS follow_up_due
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
JOIN patients p ON p.id = a.patient_id
WHERE a.clinic_id = $1
  AND n.follow_up_in IS NOT NULL
  AND a.starts_at + n.follow_up_in <= now() + interval '7 days'
  AND NOT EXISTS (
      SELECT 1 FROM appointments later
      WHERE later.patient_id = a.patient_id
        AND later.starts_at > a.starts_at
        AND later.status <> 'cancelled')
ORDER BY follow_up_due;

-- Writes a prescription, refusing drugs the patient is allergic to.
-- name: CreatePrescription :one
INSERT INTO prescriptions (visit_note_id, patient_id, practitioner_id, drug_name, strength, dosage, quantity, refills, expires_on)
SELECT n.id, a.patient_id, n.practitioner_id, @drug_name, @strength, @dosage, @quantity, @refills,
       current_date + COALESCE(sqlc.narg(valid_days)::int, 365)
FROM visit_notes n
JOIN appointments a ON a.id = n.appointment_id
JOIN patients p ON p.id = a.patient_id
WHERE n.id = @visit_note_id
  AND NOT (lower(@drug_name::text) = ANY(p.allergies))
RETURNING *;

-- name: GetPrescription :one
SELECT * FROM prescriptions WHERE id = $1;

-- Active prescriptions with refills left.
-- name: ListActivePrescriptions :many
SELECT id, drug_name, strength, dosage, quantity, refills - refills_used AS refills_left, expires_on
FROM prescriptions
WHERE patient_id = $1
  AND revoked_at IS NULL
  AND expires_on >= current_date
ORDER BY prescribed_at DESC;

-- Uses one refill, if any remain and the prescription is valid.
-- name: UseRefill :one
UPDATE prescriptions
SET refills_used = refills_used + 1
WHERE id = $1
  AND revoked_at IS NULL
  AND expires_on >= current_date
  AND refills_used < refills
RETURNING id, refills - refills_used AS refills_left;

-- name: RevokePrescription :execrows
UPDATE prescriptions
SET revoked_at = now(), revoke_reason = $2
WHERE id = $1 AND revoked_at IS NULL;

-- Prescribing volume per practitioner and drug, with each drug's share.
-- name: PrescribingReport :many
SELECT pr.full_name, rx.drug_name, count(*) AS prescriptions,
       sum(rx.quantity) AS total_quantity,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY pr.id), 1) AS share_pct
FROM prescriptions rx
JOIN practitioners pr ON pr.id = rx.practitioner_id
WHERE pr.clinic_id = $1
  AND rx.prescribed_at >= $2
GROUP BY pr.id, pr.full_name, rx.drug_name
ORDER BY pr.full_name, prescriptions DESC;

-- Prescriptions expiring soon that still have refills, for renewal reminders.
-- name: ListExpiringPrescriptions :many
SELECT rx.id, rx.patient_id, p.email, rx.drug_name, rx.expires_on,
       rx.expires_on - current_date AS days_left
FROM prescriptions rx
JOIN patients p ON p.id = rx.patient_id
WHERE rx.revoked_at IS NULL
  AND rx.expires_on BETWEEN current_date AND current_date + @within_days::int
  AND rx.refills_used < rx.refills
ORDER BY rx.expires_on;

-- Searches drug names across prescriptions (autocomplete).
-- name: SuggestDrugNames :many
SELECT drug_name, count(*) AS uses
FROM prescriptions
WHERE drug_name ILIKE $1 || '%'
GROUP BY drug_name
ORDER BY uses DESC
LIMIT 10;
