-- name: enqueueJob :one
INSERT INTO jobs (team_id, kind, payload, run_at, cost)
VALUES (@team_id, @kind, @payload, COALESCE(sqlc.narg(run_at), now()), @cost)
RETURNING *;

-- name: enqueueJobs :copyfrom
INSERT INTO jobs (team_id, kind, payload) VALUES ($1, $2, $3);

-- Claim up to max_jobs queued jobs that are due, skipping rows other workers hold.
-- name: claimJobs :many
UPDATE jobs SET state = 'running', attempts = attempts + 1
WHERE id IN (
    SELECT id FROM jobs
    WHERE state = 'queued' AND run_at <= now()
    ORDER BY run_at, id
    LIMIT sqlc.arg(max_jobs)
    FOR UPDATE SKIP LOCKED
)
RETURNING *;

-- name: updateJobFailed :batchexec
UPDATE jobs SET state = 'failed', last_error = @error, finished_at = now() WHERE id = @id;

-- name: getJobs :batchone
SELECT * FROM jobs WHERE id = $1;

-- name: jobsForTeams :batchmany
SELECT id, kind, state FROM jobs WHERE team_id = $1 ORDER BY id;

-- name: countJobsByState :many
SELECT state, count(*) AS total, sum(cost) AS total_cost
FROM jobs
WHERE team_id = @team_id
GROUP BY state
ORDER BY state;

-- name: finishJob :execresult
UPDATE jobs SET state = 'done', finished_at = now() WHERE id = $1 AND state = 'running';

-- name: deleteFinishedJobs :execlastid
DELETE FROM jobs WHERE state = 'done' AND finished_at < @before;
