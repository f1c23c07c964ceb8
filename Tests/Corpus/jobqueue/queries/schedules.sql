-- name: CreateSchedule :one
INSERT INTO schedules (name, queue, kind, payload, every, next_run_at)
VALUES ($1, $2, $3, $4, $5, now() + $5)
RETURNING *;

-- name: UpdateScheduleInterval :one
UPDATE schedules
SET every = @every,
    next_run_at = COALESCE(last_run_at, now()) + @every
WHERE id = @id
RETURNING *;

-- name: SetScheduleEnabled :exec
UPDATE schedules SET enabled = $2 WHERE id = $1;

-- name: ListSchedules :many
SELECT s.*, (SELECT count(*) FROM jobs j WHERE j.schedule_id = s.id AND j.state = 'available') AS pending_jobs
FROM schedules s
ORDER BY s.name;

-- Enqueues a job for every due schedule and advances the schedules, skipping missed runs.
-- name: EnqueueDueSchedules :many
WITH due AS (
    SELECT id, queue, kind, payload, every, next_run_at
    FROM schedules
    WHERE enabled AND next_run_at <= now()
    FOR UPDATE SKIP LOCKED
), advanced AS (
    UPDATE schedules s
    SET last_run_at = now(),
        next_run_at = due.next_run_at
            + due.every * (floor(extract(epoch FROM now() - due.next_run_at) / extract(epoch FROM due.every)) + 1)
    FROM due
    WHERE s.id = due.id
    RETURNING s.id
)
INSERT INTO jobs (queue, kind, payload, schedule_id)
SELECT due.queue, due.kind, due.payload, due.id
FROM due
JOIN advanced ON advanced.id = due.id
RETURNING id, schedule_id;

-- The next runs of each enabled schedule.
-- name: UpcomingScheduleRuns :many
SELECT s.name, run_at
FROM schedules s
CROSS JOIN LATERAL generate_series(s.next_run_at, s.next_run_at + s.every * (@runs::int - 1), s.every) AS run_at
WHERE s.enabled
ORDER BY run_at, s.name;

-- name: DeleteSchedule :execrows
DELETE FROM schedules WHERE id = $1;
