-- Claims up to N available jobs for a worker, highest priority first.
-- name: ClaimJobs :many
WITH next AS (
    SELECT j.id
    FROM jobs j
    JOIN queues q ON q.name = j.queue
    WHERE j.state = 'available'
      AND j.queue = ANY(@queues::text[])
      AND j.run_at <= now()
      AND NOT q.paused
    ORDER BY j.priority DESC, j.run_at, j.id
    LIMIT @max_jobs
    FOR UPDATE OF j SKIP LOCKED
)
UPDATE jobs
SET state = 'running',
    locked_by = @worker_id,
    locked_at = now(),
    attempts = jobs.attempts + 1
FROM next
WHERE jobs.id = next.id
RETURNING jobs.*;

-- Claims one job of one queue.
-- name: ClaimOneJob :one
UPDATE jobs
SET state = 'running', locked_by = $2, locked_at = now(), attempts = attempts + 1
WHERE id = (
    SELECT id FROM jobs
    WHERE queue = $1 AND state = 'available' AND run_at <= now()
    ORDER BY priority DESC, run_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
RETURNING id, kind, payload, attempts, max_attempts;

-- name: CompleteJob :execrows
UPDATE jobs
SET state = 'completed', finished_at = now(), locked_by = NULL, locked_at = NULL
WHERE id = $1 AND state = 'running' AND locked_by = $2;

-- Completes many jobs at once.
-- name: CompleteJobs :many
UPDATE jobs
SET state = 'completed', finished_at = now(), locked_by = NULL, locked_at = NULL
WHERE id = ANY(@ids::bigint[]) AND state = 'running'
RETURNING id, finished_at - created_at AS total_duration;

-- Records a failure: retries with exponential backoff plus jitter, or fails for good.
-- name: FailJob :one
UPDATE jobs
SET state = CASE WHEN attempts >= max_attempts THEN 'failed'::job_state ELSE 'available'::job_state END,
    run_at = CASE
        WHEN attempts >= max_attempts THEN run_at
        ELSE now() + make_interval(secs => LEAST(power(2, attempts) + random() * 10, 86400))
    END,
    last_error = @error,
    errors = errors || jsonb_build_object('attempt', attempts, 'error', @error::text, 'at', now()),
    locked_by = NULL,
    locked_at = NULL,
    finished_at = CASE WHEN attempts >= max_attempts THEN now() END
WHERE id = @id AND state = 'running'
RETURNING id, state, run_at, attempts;

-- Retries a failed job after a fixed backoff that doubles per attempt.
-- name: RetryJobLater :exec
UPDATE jobs
SET state = 'available',
    run_at = now() + interval '1 second' * power(2, attempts)::int,
    locked_by = NULL,
    locked_at = NULL
WHERE id = $1;

-- Snoozes a job without counting the attempt.
-- name: SnoozeJob :exec
UPDATE jobs
SET state = 'available',
    attempts = GREATEST(attempts - 1, 0),
    run_at = now() + @snooze::interval,
    locked_by = NULL,
    locked_at = NULL
WHERE id = @id AND state = 'running';

-- Moves a job that has used up its attempts to the dead-letter table.
-- name: DeadLetterJob :one
WITH moved AS (
    DELETE FROM jobs
    WHERE id = $1 AND state = 'failed'
    RETURNING id, queue, kind, payload, attempts, errors, created_at
)
INSERT INTO dead_jobs (id, queue, kind, payload, attempts, errors, original_created_at)
SELECT id, queue, kind, payload, attempts,
       ARRAY(SELECT e ->> 'error' FROM unnest(errors) AS e),
       created_at
FROM moved
RETURNING *;

-- Moves every failed job to the dead-letter table.
-- name: DeadLetterAllFailed :execrows
WITH moved AS (
    DELETE FROM jobs
    WHERE state = 'failed' AND finished_at < now() - @grace::interval
    RETURNING id, queue, kind, payload, attempts, last_error, created_at
)
INSERT INTO dead_jobs (id, queue, kind, payload, attempts, errors, original_created_at)
SELECT id, queue, kind, payload, attempts, ARRAY[COALESCE(last_error, '')], created_at
FROM moved;

-- Puts a dead job back into its queue.
-- name: ResurrectDeadJob :one
WITH revived AS (
    DELETE FROM dead_jobs WHERE id = $1
    RETURNING queue, kind, payload
)
INSERT INTO jobs (queue, kind, payload)
SELECT queue, kind, payload FROM revived
RETURNING id;

-- Registers or refreshes a worker.
-- name: UpsertWorker :exec
INSERT INTO workers (id, hostname, pid, queues)
VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE
SET hostname = excluded.hostname,
    pid = excluded.pid,
    queues = excluded.queues,
    heartbeat_at = now();

-- name: HeartbeatWorker :execrows
UPDATE workers SET heartbeat_at = now() WHERE id = $1;

-- Extends the lock of running jobs a worker still holds.
-- name: ExtendJobLocks :execrows
UPDATE jobs SET locked_at = now()
WHERE locked_by = @worker_id AND state = 'running' AND id = ANY(@job_ids::bigint[]);

-- Releases jobs of workers that stopped sending heartbeats.
-- name: RescueStuckJobs :many
UPDATE jobs j
SET state = 'available',
    locked_by = NULL,
    locked_at = NULL,
    last_error = 'worker ' || j.locked_by || ' stopped responding',
    run_at = now()
WHERE j.state = 'running'
  AND (
      j.locked_at < now() - COALESCE(make_interval(secs => j.timeout_seconds), @default_timeout::interval)
      OR NOT EXISTS (
          SELECT 1 FROM workers w
          WHERE w.id = j.locked_by AND w.heartbeat_at > now() - interval '1 minute'
      )
  )
RETURNING j.id, j.kind, j.attempts;

-- name: DeleteDeadWorkers :execrows
DELETE FROM workers
WHERE heartbeat_at < now() - interval '10 minutes';

-- Lets a job check whether it was cancelled while running.
-- name: IsJobCancelled :one
SELECT EXISTS (SELECT 1 FROM jobs WHERE id = $1 AND state = 'cancelled') AS cancelled;

-- Takes a session-level advisory lock for leader election.
-- name: TryAdvisoryLock :one
SELECT pg_try_advisory_lock(hashtext(@lock_name::text)) AS acquired;

-- name: AdvisoryUnlock :one
SELECT pg_advisory_unlock(hashtext(@lock_name::text)) AS released;

-- Gives failed jobs of a kind another round of attempts.
-- name: RequeueFailedJobs :many
UPDATE jobs
SET state = 'available',
    max_attempts = attempts + @extra_attempts::int,
    run_at = now(),
    finished_at = NULL,
    last_error = NULL
WHERE state = 'failed' AND kind = @kind
RETURNING id, attempts, max_attempts;
