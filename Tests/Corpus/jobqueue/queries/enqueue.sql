-- Enqueues one job.
-- name: EnqueueJob :one
INSERT INTO jobs (queue, kind, payload, priority, max_attempts, run_at, tags)
VALUES (@queue, @kind, @payload, @priority, @max_attempts, COALESCE(sqlc.narg(run_at), now()), @tags)
RETURNING *;

-- Enqueues a job unless an unfinished job with the same unique key exists.
-- name: EnqueueUniqueJob :one
INSERT INTO jobs (queue, kind, payload, unique_key)
VALUES ($1, $2, $3, $4)
ON CONFLICT (queue, unique_key) WHERE unique_key IS NOT NULL AND state IN ('available', 'running')
DO NOTHING
RETURNING id;

-- Enqueues a job to run after a delay given in seconds.
-- name: EnqueueDelayedJob :one
INSERT INTO jobs (queue, kind, payload, run_at)
VALUES (@queue, @kind, @payload, now() + make_interval(secs => @delay_seconds::float8))
RETURNING id, run_at;

-- Bulk enqueue from parallel arrays.
-- name: EnqueueJobsBatch :many
INSERT INTO jobs (queue, kind, payload, priority)
SELECT @queue, k, p, pr
FROM unnest(@kinds::text[], @payloads::jsonb[], @priorities::smallint[]) AS t(k, p, pr)
RETURNING id;

-- Enqueues the same kind for each payload.
-- name: EnqueueFanOut :execrows
INSERT INTO jobs (queue, kind, payload)
SELECT $1, $2, elem
FROM jsonb_array_elements($3::jsonb) AS elem;

-- Wakes workers listening on the queue's channel.
-- name: NotifyQueue :exec
SELECT pg_notify(@channel::text, @message::text);

-- Notifies with a JSON payload describing the job.
-- name: NotifyJobInserted :exec
SELECT pg_notify('jobs_inserted', json_build_object('queue', queue, 'id', id, 'kind', kind)::text)
FROM jobs
WHERE id = $1;

-- name: GetJob :one
SELECT * FROM jobs WHERE id = $1;

-- name: GetJobsByIDs :many
SELECT id, queue, kind, state, attempts, run_at, finished_at
FROM jobs
WHERE id = ANY($1::bigint[])
ORDER BY id;

-- name: CreateQueue :one
INSERT INTO queues (name, concurrency)
VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET concurrency = excluded.concurrency
RETURNING *;

-- name: PauseQueue :execrows
UPDATE queues SET paused = true WHERE name = $1 AND NOT paused;

-- name: ResumeQueue :execrows
UPDATE queues SET paused = false WHERE name = $1 AND paused;

-- name: ListQueues :many
SELECT * FROM queues ORDER BY name;

-- Cancels a job that has not started yet.
-- name: CancelJob :one
UPDATE jobs
SET state = 'cancelled', finished_at = now()
WHERE id = $1 AND state IN ('available', 'scheduled')
RETURNING id, state;

-- Cancels every pending job of a kind whose payload matches.
-- name: CancelJobsByPayload :execrows
UPDATE jobs
SET state = 'cancelled', finished_at = now()
WHERE kind = @kind
  AND state = 'available'
  AND payload @> @match::jsonb;
