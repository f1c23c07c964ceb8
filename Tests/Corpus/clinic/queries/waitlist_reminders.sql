-- Puts a patient on the waitlist for a practitioner or a specialty.
-- name: JoinWaitlist :one
INSERT INTO waitlist_entries (clinic_id, patient_id, practitioner_id, specialty_id, earliest_date, latest_date, priority, notes)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING *;

-- Re-joining for the same practitioner refreshes the open entry instead of duplicating it.
-- name: UpsertWaitlistForPractitioner :one
INSERT INTO waitlist_entries (clinic_id, patient_id, practitioner_id, earliest_date, latest_date, priority)
VALUES (@clinic_id, @patient_id, @practitioner_id, @earliest_date, @latest_date, @priority)
ON CONFLICT (patient_id, practitioner_id) WHERE resolved_at IS NULL AND practitioner_id IS NOT NULL
DO UPDATE SET earliest_date = excluded.earliest_date,
              latest_date   = excluded.latest_date,
              priority      = GREATEST(waitlist_entries.priority, excluded.priority)
RETURNING *;

-- name: GetWaitlistEntry :one
SELECT * FROM waitlist_entries WHERE id = $1;

-- Open entries for a clinic with the position each patient holds in their queue.
-- name: ListWaitlist :many
SELECT w.id, w.patient_id, p.first_name, p.last_name, w.practitioner_id, w.specialty_id,
       w.priority, w.earliest_date, w.latest_date, w.created_at,
       row_number() OVER (PARTITION BY COALESCE(w.practitioner_id, -w.specialty_id)
                          ORDER BY w.priority DESC, w.created_at) AS position
FROM waitlist_entries w
JOIN patients p ON p.id = w.patient_id
WHERE w.clinic_id = $1 AND w.resolved_at IS NULL
ORDER BY w.practitioner_id NULLS LAST, w.specialty_id, position;

-- Best waiting candidates for a freed slot: same practitioner, or the practitioner's specialties.
-- name: FindWaitlistCandidates :many
SELECT w.id, w.patient_id, w.priority, w.created_at
FROM waitlist_entries w
WHERE w.clinic_id = @clinic_id
  AND w.resolved_at IS NULL
  AND w.offered_appointment_id IS NULL
  AND w.earliest_date <= @slot_date::date
  AND (w.latest_date IS NULL OR w.latest_date >= @slot_date::date)
  AND (w.practitioner_id = @practitioner_id
       OR w.specialty_id IN (SELECT ps.specialty_id FROM practitioner_specialties ps WHERE ps.practitioner_id = @practitioner_id))
ORDER BY w.priority DESC, w.created_at
LIMIT @max_candidates;

-- Claims the top waitlist entry for an offer without blocking other workers.
-- name: ClaimWaitlistEntryForOffer :one
UPDATE waitlist_entries
SET offered_appointment_id = @appointment_id, offered_at = now()
WHERE id = (
    SELECT w.id FROM waitlist_entries w
    WHERE w.clinic_id = @clinic_id
      AND w.practitioner_id = @practitioner_id
      AND w.resolved_at IS NULL
      AND w.offered_appointment_id IS NULL
    ORDER BY w.priority DESC, w.created_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
RETURNING id, patient_id, offered_at;

-- Offers that were not accepted in time go back to the queue.
-- name: ExpireWaitlistOffers :execrows
UPDATE waitlist_entries
SET offered_appointment_id = NULL, offered_at = NULL
WHERE offered_appointment_id IS NOT NULL
  AND resolved_at IS NULL
  AND offered_at < now() - $1::interval;

-- Accepting an offer books the appointment for the patient and resolves the entry.
-- name: AcceptWaitlistOffer :one
WITH entry AS (
    UPDATE waitlist_entries
    SET resolved_at = now()
    WHERE id = $1 AND offered_appointment_id IS NOT NULL AND resolved_at IS NULL
    RETURNING offered_appointment_id, patient_id
)
UPDATE appointments a
SET patient_id = entry.patient_id, status = 'confirmed', booked_by = 'waitlist',
    version = a.version + 1, updated_at = now()
FROM entry
WHERE a.id = entry.offered_appointment_id
RETURNING a.id, a.starts_at, a.status;

-- name: LeaveWaitlist :execrows
UPDATE waitlist_entries
SET resolved_at = now()
WHERE id = $1 AND patient_id = $2 AND resolved_at IS NULL;

-- Closes entries whose date window has passed.
-- name: CloseExpiredWaitlistEntries :execrows
UPDATE waitlist_entries
SET resolved_at = now()
WHERE resolved_at IS NULL AND latest_date < current_date;

-- Resolves the waitlist entries of patients who booked directly in the meantime.
-- name: ResolveWaitlistForBookedPatients :execrows
UPDATE waitlist_entries w
SET resolved_at = now()
FROM appointments a
WHERE w.resolved_at IS NULL
  AND a.patient_id = w.patient_id
  AND a.practitioner_id = w.practitioner_id
  AND a.status IN ('requested', 'confirmed')
  AND a.created_at > w.created_at
  AND a.starts_at::date BETWEEN w.earliest_date AND COALESCE(w.latest_date, a.starts_at::date);

-- Waitlist length and average wait per practitioner.
-- name: WaitlistStats :many
SELECT pr.id, pr.full_name,
       count(w.id) AS waiting,
       avg(now() - w.created_at) AS average_wait,
       max(w.priority) AS highest_priority
FROM practitioners pr
JOIN waitlist_entries w ON w.practitioner_id = pr.id AND w.resolved_at IS NULL
WHERE pr.clinic_id = $1
GROUP BY pr.id, pr.full_name
HAVING count(w.id) >= $2::bigint
ORDER BY waiting DESC;

-- Schedules the standard reminders for an appointment on the patient's preferred channel.
-- name: ScheduleReminders :many
INSERT INTO reminders (appointment_id, channel, send_at, payload)
SELECT a.id, p.preferred_channel, a.starts_at - offs.lead,
       jsonb_build_object('patient', p.first_name, 'starts_at', a.starts_at, 'clinic', c.name, 'lead', offs.lead::text)
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN clinics c ON c.id = a.clinic_id
CROSS JOIN (VALUES (interval '1 day'), (interval '2 hours')) AS offs(lead)
WHERE a.id = $1
  AND NOT p.reminder_opt_out
  AND a.starts_at - offs.lead > now()
ON CONFLICT (appointment_id, channel, send_at) DO NOTHING
RETURNING id, channel, send_at;

-- name: CreateReminder :one
INSERT INTO reminders (appointment_id, channel, send_at, payload)
VALUES (sqlc.arg(appointment_id), sqlc.arg(channel), sqlc.arg(send_at), COALESCE(sqlc.narg(payload)::jsonb, '{}'::jsonb))
RETURNING *;

-- Claims a batch of due reminders for one sender, skipping rows other senders hold.
-- name: ClaimDueReminders :many
UPDATE reminders r
SET locked_until = now() + @lease::interval, attempts = r.attempts + 1
FROM (
    SELECT r2.id
    FROM reminders r2
    JOIN appointments a ON a.id = r2.appointment_id
    WHERE r2.sent_at IS NULL
      AND r2.send_at <= now()
      AND (r2.locked_until IS NULL OR r2.locked_until < now())
      AND r2.attempts < @max_attempts::int
      AND a.status IN ('requested', 'confirmed')
    ORDER BY r2.send_at
    LIMIT @batch_size
    FOR UPDATE OF r2 SKIP LOCKED
) due
WHERE r.id = due.id
RETURNING r.id, r.appointment_id, r.channel, r.payload, r.attempts;

-- name: MarkReminderSent :exec
UPDATE reminders
SET sent_at = now(), locked_until = NULL, last_error = NULL
WHERE id = $1;

-- name: MarkReminderFailed :exec
UPDATE reminders
SET locked_until = now() + make_interval(mins => least(attempts * attempts, 60)),
    last_error = left($2::text, 500)
WHERE id = $1;

-- Reminders of cancelled appointments are dropped before they go out.
-- name: DeleteRemindersForCancelled :execrows
DELETE FROM reminders r
USING appointments a
WHERE a.id = r.appointment_id
  AND r.sent_at IS NULL
  AND a.status IN ('cancelled', 'no_show');

-- Moves unsent reminders along with a rescheduled appointment.
-- name: ShiftRemindersForAppointment :execrows
UPDATE reminders
SET send_at = send_at + @shift::interval, locked_until = NULL
WHERE appointment_id = @appointment_id AND sent_at IS NULL;

-- Delivery health per channel over the last day.
-- name: ReminderDeliveryStats :many
SELECT channel,
       count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
       count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0) AS failing,
       count(*) FILTER (WHERE sent_at IS NULL AND send_at < now() - interval '1 hour') AS late,
       avg(sent_at - send_at) FILTER (WHERE sent_at IS NOT NULL) AS average_delay
FROM reminders
WHERE send_at >= now() - interval '1 day'
GROUP BY channel
ORDER BY channel;

-- Reminders that failed too often, with the appointment and patient contact.
-- name: ListDeadReminders :many
SELECT r.id, r.channel, r.attempts, r.last_error, a.starts_at,
       p.email, p.phone,
       upper(substr(p.first_name, 1, 1)) || '. ' || p.last_name AS patient_label
FROM reminders r
JOIN appointments a ON a.id = r.appointment_id
JOIN patients p ON p.id = a.patient_id
WHERE r.sent_at IS NULL AND r.attempts >= $1
ORDER BY r.send_at DESC
LIMIT $2;

-- Deletes sent reminders older than the retention period.
-- name: PurgeSentReminders :execrows
DELETE FROM reminders
WHERE sent_at < now() - @retention::interval;

-- Daily agenda mail per practitioner: tomorrow's appointments as a JSON list.
-- name: TomorrowAgendaByPractitioner :many
SELECT pr.id, pr.email, pr.full_name,
       jsonb_agg(jsonb_build_object(
           'starts_at', a.starts_at,
           'patient', p.first_name || ' ' || p.last_name,
           'reason', a.reason
       ) ORDER BY a.starts_at) AS agenda
FROM practitioners pr
JOIN appointments a ON a.practitioner_id = pr.id
JOIN patients p ON p.id = a.patient_id
WHERE pr.clinic_id = $1
  AND a.starts_at >= current_date + 1
  AND a.starts_at < current_date + 2
  AND a.status IN ('requested', 'confirmed')
GROUP BY pr.id, pr.email, pr.full_name
ORDER BY pr.full_name;
