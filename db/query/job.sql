-- Queues a job; it may run at once (run_after defaults to now).
-- name: EnqueueJob :one
INSERT INTO jobs (kind, payload, max_attempts)
VALUES (@kind, @payload, @max_attempts)
RETURNING *;

-- Claims up to max_jobs due jobs for a worker: queued ones whose time has come, and running
-- ones whose worker's lease ran out. SKIP LOCKED lets workers claim side by side without
-- waiting for or taking each other's jobs.
-- @param worker!
-- name: ClaimJobs :many
WITH due AS (
    SELECT id FROM jobs
    WHERE (state = 'queued' AND run_after <= now())
       OR (state = 'running' AND locked_until < now())
    ORDER BY run_after, id
    LIMIT sqlc.arg(max_jobs)
    FOR UPDATE SKIP LOCKED
)
UPDATE jobs
SET state = 'running',
    attempts = jobs.attempts + 1,
    locked_by = sqlc.arg(worker),
    locked_until = now() + make_interval(secs => sqlc.arg(lease_seconds)),
    updated_at = now()
FROM due
WHERE jobs.id = due.id
RETURNING jobs.*;

-- Marks a job done, if the worker still holds it.
-- name: CompleteJob :execrows
UPDATE jobs
SET state = 'done', locked_by = NULL, locked_until = NULL, last_error = NULL, finished_at = now(), updated_at = now()
WHERE id = @id AND state = 'running' AND locked_by = @worker;

-- Puts a failed job back in the queue until run_after, keeping its error.
-- @param last_error!
-- name: RetryJob :execrows
UPDATE jobs
SET state = 'queued',
    run_after = now() + make_interval(secs => sqlc.arg(delay_seconds)),
    locked_by = NULL,
    locked_until = NULL,
    last_error = @last_error,
    updated_at = now()
WHERE id = @id AND state = 'running' AND locked_by = @worker;

-- Gives up on a job: it stays, dead, with its last error, for someone to look at.
-- @param last_error!
-- name: BuryJob :execrows
UPDATE jobs
SET state = 'dead', locked_by = NULL, locked_until = NULL, last_error = @last_error, finished_at = now(), updated_at = now()
WHERE id = @id AND state = 'running' AND locked_by = @worker;

-- Hands back a claimed job the worker did not start (shutdown): queued again, the claim not counted.
-- name: ReleaseJob :execrows
UPDATE jobs
SET state = 'queued', attempts = greatest(jobs.attempts - 1, 0), locked_by = NULL, locked_until = NULL, updated_at = now()
WHERE id = @id AND state = 'running' AND locked_by = @worker;

-- name: GetJob :one
SELECT * FROM jobs WHERE id = @id;

-- How many jobs are in each state.
-- name: CountJobsByState :many
SELECT state, count(*) AS jobs FROM jobs GROUP BY state ORDER BY state;
