-- name: CreateSchedule :one
INSERT INTO schedules (name, every, grace, backoff) VALUES ($1, $2, $3, $4) RETURNING *;

-- name: GetSchedule :one
SELECT * FROM schedules WHERE id = $1;

-- How PostgreSQL itself adds intervals, to compare with the decoded value.
-- name: NextRunAfter :one
SELECT @start::timestamptz + every AS next_run, every * 2 AS doubled
FROM schedules WHERE id = @id;

-- name: SchedulesLongerThan :many
SELECT id, name FROM schedules WHERE every > $1 ORDER BY id;
