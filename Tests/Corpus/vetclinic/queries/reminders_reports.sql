-- Schedules a reminder; the dedupe key makes scheduling idempotent.
-- name: ScheduleReminder :one
INSERT INTO reminders (clinic_id, client_id, pet_id, channel, kind, dedupe_key, payload, send_after)
VALUES (@clinic_id, @client_id, @pet_id, @channel, @kind, @dedupe_key, @payload, @send_after)
ON CONFLICT (dedupe_key) DO UPDATE
SET send_after = EXCLUDED.send_after,
    payload = reminders.payload || EXCLUDED.payload
WHERE reminders.sent_at IS NULL
RETURNING id, send_after, (xmax <> 0) AS rescheduled;

-- Queues a day-before reminder for every booked appointment tomorrow.
-- name: QueueAppointmentReminders :execrows
INSERT INTO reminders (clinic_id, client_id, pet_id, channel, kind, dedupe_key, payload, send_after)
SELECT a.clinic_id, c.id, p.id,
       CASE WHEN c.email IS NOT NULL THEN 'email'::reminder_channel ELSE 'sms'::reminder_channel END,
       'appointment',
       'appt:' || a.id || ':day-before',
       jsonb_build_object('appointment_id', a.id, 'pet', p.name, 'starts_at', a.starts_at, 'type', t.name),
       a.starts_at - interval '24 hours'
FROM appointments a
JOIN pets p ON p.id = a.pet_id
JOIN clients c ON c.id = p.client_id
JOIN appointment_types t ON t.id = a.type_id
WHERE a.clinic_id = $1
  AND a.status = 'booked'
  AND a.starts_at >= date_trunc('day', now()) + interval '1 day'
  AND a.starts_at < date_trunc('day', now()) + interval '2 days'
  AND (c.email IS NOT NULL OR c.phone IS NOT NULL)
ON CONFLICT (dedupe_key) DO NOTHING;

-- Queues vaccine booster reminders two weeks before they are due.
-- name: QueueBoosterReminders :execrows
INSERT INTO reminders (clinic_id, client_id, pet_id, kind, dedupe_key, payload, send_after)
SELECT c.clinic_id, c.id, p.id, 'booster',
       format('booster:%s:%s:%s', va.pet_id, va.treatment_id, va.due_on),
       jsonb_build_object('vaccine', t.name, 'due_on', va.due_on, 'pet', p.name),
       (va.due_on - 14)::timestamptz
FROM vaccinations va
JOIN pets p ON p.id = va.pet_id AND p.deceased_on IS NULL
JOIN clients c ON c.id = p.client_id
JOIN treatments t ON t.id = va.treatment_id
WHERE c.clinic_id = $1
  AND va.due_on BETWEEN current_date AND current_date + 30
  AND c.email IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM vaccinations later
      WHERE later.pet_id = va.pet_id AND later.treatment_id = va.treatment_id AND later.given_on > va.given_on
  )
ON CONFLICT (dedupe_key) DO NOTHING;

-- Claims a batch of due reminders for a sender worker.
-- name: ClaimDueReminders :many
WITH due AS (
    SELECT id FROM reminders
    WHERE sent_at IS NULL
      AND send_after <= now()
      AND attempts < @max_attempts::integer
      AND (locked_until IS NULL OR locked_until < now())
    ORDER BY send_after
    LIMIT @batch_size
    FOR UPDATE SKIP LOCKED
)
UPDATE reminders r
SET locked_until = now() + @lease::interval,
    attempts = r.attempts + 1
FROM due
WHERE r.id = due.id
RETURNING r.id, r.client_id, r.pet_id, r.channel, r.kind, r.payload, r.attempts;

-- name: MarkReminderSent :exec
UPDATE reminders
SET sent_at = now(), locked_until = NULL, last_error = NULL
WHERE id = $1;

-- Records a failure and backs off exponentially.
-- name: MarkReminderFailed :exec
UPDATE reminders
SET last_error = @error,
    locked_until = NULL,
    send_after = now() + interval '1 minute' * power(2, LEAST(attempts, 10))
WHERE id = @id;

-- name: CancelRemindersForAppointment :execrows
DELETE FROM reminders
WHERE sent_at IS NULL
  AND kind = 'appointment'
  AND (payload ->> 'appointment_id')::bigint = $1;

-- name: ListFailedReminders :many
SELECT r.id, r.kind, r.channel, r.attempts, r.last_error, r.created_at, c.email, c.phone
FROM reminders r
JOIN clients c ON c.id = r.client_id
WHERE r.clinic_id = $1 AND r.sent_at IS NULL AND r.attempts >= $2
ORDER BY r.created_at DESC;

-- name: PurgeSentReminders :execrows
DELETE FROM reminders
WHERE sent_at < now() - sqlc.arg(keep)::interval;

-- Reminder delivery stats per channel and kind over the last N days.
-- name: ReminderStats :many
SELECT channel, kind,
       count(*) AS total,
       count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
       count(*) FILTER (WHERE sent_at IS NULL AND attempts > 0) AS failing,
       avg(extract(epoch FROM sent_at - send_after))::double precision AS avg_delay_seconds
FROM reminders
WHERE clinic_id = $1 AND created_at > now() - make_interval(days => $2::integer)
GROUP BY channel, kind
ORDER BY channel, kind;

-- Appointments per day for a date range, including days without any.
-- name: AppointmentsPerDay :many
SELECT d.day::date AS day,
       count(a.id) AS booked,
       count(a.id) FILTER (WHERE a.status = 'no_show') AS no_shows,
       count(a.id) FILTER (WHERE a.booked_online) AS online
FROM generate_series(@from_date::date, @to_date::date, interval '1 day') AS d(day)
LEFT JOIN appointments a
       ON a.clinic_id = @clinic_id
      AND a.starts_at >= d.day
      AND a.starts_at < d.day + interval '1 day'
      AND a.status <> 'cancelled'
GROUP BY d.day
ORDER BY d.day;

-- Monthly revenue with month-over-month change and a running yearly total.
-- name: MonthlyRevenue :many
WITH m AS (
    SELECT date_trunc('month', issued_on)::date AS month, sum(total) AS revenue
    FROM invoices
    WHERE clinic_id = $1 AND status IN ('issued', 'paid') AND issued_on >= $2::date
    GROUP BY 1
)
SELECT month, revenue,
       revenue - lag(revenue) OVER (ORDER BY month) AS change,
       sum(revenue) OVER (PARTITION BY date_trunc('year', month) ORDER BY month) AS year_to_date
FROM m
ORDER BY month;

-- Revenue per vet and their rank within the clinic.
-- name: VetLeaderboard :many
SELECT s.id, s.full_name,
       count(DISTINCT v.id) AS visits,
       COALESCE(sum(vi.quantity * vi.unit_price * (1 - vi.discount_pct / 100)), 0)::numeric(12,2) AS revenue,
       rank() OVER (ORDER BY COALESCE(sum(vi.quantity * vi.unit_price * (1 - vi.discount_pct / 100)), 0) DESC) AS revenue_rank
FROM staff s
LEFT JOIN visits v ON v.vet_id = s.id AND v.visited_at >= @since::timestamptz
LEFT JOIN visit_items vi ON vi.visit_id = v.id
WHERE s.clinic_id = @clinic_id AND s.role = 'veterinarian'
GROUP BY s.id
ORDER BY revenue_rank, s.full_name;

-- Top treatments by revenue per category (top 3 each).
-- name: TopTreatmentsPerCategory :many
SELECT category, code, name, times_used, revenue
FROM (
    SELECT t.category, t.code, t.name,
           count(vi.id) AS times_used,
           sum(vi.quantity * vi.unit_price)::numeric(12,2) AS revenue,
           dense_rank() OVER (PARTITION BY t.category ORDER BY sum(vi.quantity * vi.unit_price) DESC) AS rnk
    FROM treatments t
    JOIN visit_items vi ON vi.treatment_id = t.id
    WHERE t.clinic_id = $1 AND vi.created_at >= now() - $2::interval
    GROUP BY t.id
) ranked
WHERE rnk <= 3
ORDER BY category, rnk;

-- Average wait from check-in to visit start, per weekday and hour.
-- name: WaitTimeHeatmap :many
SELECT extract(isodow FROM a.checked_in_at)::smallint AS weekday,
       extract(hour FROM a.checked_in_at)::smallint AS hour,
       count(*) AS visits,
       avg(v.visited_at - a.checked_in_at) AS avg_wait,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM v.visited_at - a.checked_in_at)) AS p90_wait_seconds
FROM appointments a
JOIN visits v ON v.appointment_id = a.id
WHERE a.clinic_id = $1 AND a.checked_in_at >= now() - interval '90 days'
GROUP BY 1, 2
HAVING count(*) >= 5
ORDER BY 1, 2;

-- No-show rate per client, for flagging repeat offenders.
-- name: ClientNoShowRates :many
SELECT c.id, c.first_name, c.last_name,
       count(*) AS appointments,
       count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
       round(100.0 * count(*) FILTER (WHERE a.status = 'no_show') / count(*), 1) AS no_show_pct
FROM clients c
JOIN pets p ON p.client_id = c.id
JOIN appointments a ON a.pet_id = p.id
WHERE c.clinic_id = $1 AND a.starts_at < now()
GROUP BY c.id
HAVING count(*) FILTER (WHERE a.status = 'no_show') >= $2
ORDER BY no_show_pct DESC, no_shows DESC;

-- Room utilisation for one day: booked minutes over opening minutes.
-- name: RoomUtilisation :many
SELECT r.id, r.name, r.is_surgery,
       COALESCE(sum(extract(epoch FROM a.ends_at - a.starts_at) / 60), 0)::integer AS booked_minutes,
       round(COALESCE(sum(extract(epoch FROM a.ends_at - a.starts_at) / 60), 0) / (@open_minutes::integer) * 100, 1) AS utilisation_pct
FROM rooms r
LEFT JOIN appointments a
       ON a.room_id = r.id
      AND a.status NOT IN ('cancelled', 'no_show')
      AND a.starts_at >= @day::date
      AND a.starts_at < @day::date + 1
WHERE r.clinic_id = @clinic_id
GROUP BY r.id
ORDER BY utilisation_pct DESC;

-- New clients per month with a cumulative count.
-- name: ClientGrowth :many
SELECT date_trunc('month', created_at) AS month,
       count(*) AS new_clients,
       sum(count(*)) OVER (ORDER BY date_trunc('month', created_at))::bigint AS cumulative
FROM clients
WHERE clinic_id = $1
GROUP BY 1
ORDER BY 1;

-- The clinic dashboard in one round trip.
-- name: GetDashboard :one
SELECT
    (SELECT count(*) FROM appointments a
      WHERE a.clinic_id = @clinic_id AND a.starts_at::date = current_date AND a.status <> 'cancelled') AS appointments_today,
    (SELECT count(*) FROM appointments a
      WHERE a.clinic_id = @clinic_id AND a.status = 'checked_in') AS waiting_now,
    (SELECT COALESCE(sum(total), 0) FROM invoices i
      WHERE i.clinic_id = @clinic_id AND i.issued_on = current_date) AS invoiced_today,
    (SELECT count(*) FROM reminders r
      WHERE r.clinic_id = @clinic_id AND r.sent_at IS NULL AND r.send_after < now()) AS reminders_due,
    (SELECT count(*) FROM waitlist_entries w
      WHERE w.clinic_id = @clinic_id AND w.offered_appointment_id IS NULL) AS waitlist_size;

-- Species mix of this year's visits compared with last year's.
-- name: SpeciesYearOverYear :many
SELECT p.species,
       count(*) FILTER (WHERE v.visited_at >= date_trunc('year', now())) AS this_year,
       count(*) FILTER (WHERE v.visited_at >= date_trunc('year', now()) - interval '1 year'
                          AND v.visited_at < date_trunc('year', now())) AS last_year
FROM visits v
JOIN pets p ON p.id = v.pet_id
JOIN staff s ON s.id = v.vet_id
WHERE s.clinic_id = $1
GROUP BY p.species
ORDER BY this_year DESC;

-- Combined export feed of recent changes for the sync job.
-- name: ListRecentChanges :many
SELECT 'client' AS entity, c.id, c.updated_at AS changed_at
FROM clients c WHERE c.clinic_id = sqlc.arg(clinic_id) AND c.updated_at > sqlc.arg(since)::timestamptz
UNION ALL
SELECT 'pet', p.id, p.updated_at
FROM pets p JOIN clients c ON c.id = p.client_id
WHERE c.clinic_id = sqlc.arg(clinic_id) AND p.updated_at > sqlc.arg(since)::timestamptz
UNION ALL
SELECT 'appointment', a.id, a.updated_at
FROM appointments a WHERE a.clinic_id = sqlc.arg(clinic_id) AND a.updated_at > sqlc.arg(since)::timestamptz
UNION ALL
SELECT 'invoice', i.id, i.updated_at
FROM invoices i WHERE i.clinic_id = sqlc.arg(clinic_id) AND i.updated_at > sqlc.arg(since)::timestamptz
ORDER BY changed_at
LIMIT sqlc.arg(max_rows);

-- Pets seen by more than one vet in the period (continuity-of-care report).
-- name: PetsWithManyVets :many
SELECT p.id, p.name, array_agg(DISTINCT s.full_name ORDER BY s.full_name) AS vets,
       count(DISTINCT v.vet_id) AS vet_count
FROM visits v
JOIN pets p ON p.id = v.pet_id
JOIN staff s ON s.id = v.vet_id
WHERE s.clinic_id = $1 AND v.visited_at >= now() - $2::interval
GROUP BY p.id
HAVING count(DISTINCT v.vet_id) > 1
ORDER BY vet_count DESC, p.name;

-- Hours between consecutive visits of the same pet, to spot re-checks.
-- name: ListQuickReturns :many
SELECT pet_id, id AS visit_id, visited_at, previous_visit_at,
       extract(epoch FROM visited_at - previous_visit_at)::bigint / 3600 AS hours_since_previous
FROM (
    SELECT v.pet_id, v.id, v.visited_at,
           lag(v.visited_at) OVER (PARTITION BY v.pet_id ORDER BY v.visited_at) AS previous_visit_at
    FROM visits v
    JOIN staff s ON s.id = v.vet_id
    WHERE s.clinic_id = $1
) x
WHERE previous_visit_at IS NOT NULL
  AND visited_at - previous_visit_at < make_interval(days => $2::integer)
ORDER BY visited_at DESC;
