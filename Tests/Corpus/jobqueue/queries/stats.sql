-- Per-queue counts by state.
-- name: QueueStats :many
SELECT queue,
       count(*) FILTER (WHERE state = 'available' AND run_at <= now()) AS ready,
       count(*) FILTER (WHERE state = 'available' AND run_at > now()) AS scheduled,
       count(*) FILTER (WHERE state = 'running') AS running,
       count(*) FILTER (WHERE state = 'failed') AS failed,
       min(run_at) FILTER (WHERE state = 'available') AS oldest_run_at
FROM jobs
GROUP BY queue
ORDER BY queue;

-- How long the oldest ready job has waited, per queue.
-- name: QueueLatency :many
SELECT q.name,
       COALESCE(extract(epoch FROM now() - min(j.run_at)), 0)::float8 AS latency_seconds
FROM queues q
LEFT JOIN jobs j ON j.queue = q.name AND j.state = 'available' AND j.run_at <= now()
GROUP BY q.name
ORDER BY latency_seconds DESC;

-- Counts by kind and state, as a flat list.
-- name: CountJobsByKindAndState :many
SELECT kind, state, count(*)::int AS jobs
FROM jobs
GROUP BY kind, state
ORDER BY kind, state;

-- Throughput per minute for the last hour.
-- name: ThroughputPerMinute :many
SELECT date_trunc('minute', finished_at) AS minute,
       count(*) FILTER (WHERE state = 'completed') AS completed,
       count(*) FILTER (WHERE state = 'failed') AS failed
FROM jobs
WHERE finished_at > now() - interval '1 hour'
GROUP BY 1
ORDER BY 1;

-- Run-time percentiles per kind.
-- name: JobDurationPercentiles :many
SELECT kind,
       count(*) AS samples,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - locked_at)) AS p50_seconds,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - locked_at)) AS p95_seconds,
       max(finished_at - locked_at) AS slowest
FROM jobs
WHERE state = 'completed' AND finished_at > now() - @lookback::interval
GROUP BY kind
ORDER BY p95_seconds DESC NULLS LAST;

-- Kinds that fail most often, with the share of failed runs.
-- name: FailureRates :many
SELECT kind,
       count(*) AS finished,
       count(*) FILTER (WHERE state IN ('failed', 'discarded')) AS failures,
       round(100.0 * count(*) FILTER (WHERE state IN ('failed', 'discarded')) / NULLIF(count(*), 0), 1) AS failure_percent
FROM jobs
WHERE finished_at IS NOT NULL
GROUP BY kind
HAVING count(*) >= @min_samples::bigint
ORDER BY failure_percent DESC;

-- Running jobs with the worker holding them and how long they have been running.
-- name: ListRunningJobs :many
SELECT j.id, j.queue, j.kind, j.attempts, j.locked_by, w.hostname,
       now() - j.locked_at AS running_for,
       w.heartbeat_at
FROM jobs j
LEFT JOIN workers w ON w.id = j.locked_by
WHERE j.state = 'running'
ORDER BY j.locked_at;

-- Searches jobs with optional filters, keyset-paginated by id.
-- name: SearchJobs :many
SELECT id, queue, kind, state, priority, attempts, run_at, created_at, last_error
FROM jobs
WHERE (sqlc.narg(queue)::text IS NULL OR queue = sqlc.narg(queue))
  AND (sqlc.narg(kind)::text IS NULL OR kind = sqlc.narg(kind))
  AND (sqlc.narg(state)::job_state IS NULL OR state = sqlc.narg(state))
  AND (sqlc.narg(tag)::text IS NULL OR sqlc.narg(tag) = ANY(tags))
  AND id < sqlc.arg(before_id)
ORDER BY id DESC
LIMIT sqlc.arg(page_size);

-- Last error per kind, from the newest failure.
-- name: LatestErrorPerKind :many
SELECT DISTINCT ON (kind) kind, id, last_error, finished_at
FROM jobs
WHERE state = 'failed'
ORDER BY kind, finished_at DESC;

-- The position of a job in its queue.
-- name: JobQueuePosition :one
WITH ranked AS (
    SELECT id, row_number() OVER (PARTITION BY queue ORDER BY priority DESC, run_at, id) AS position
    FROM jobs
    WHERE state = 'available'
)
SELECT position FROM ranked WHERE id = $1;

-- Attempt histogram.
-- name: AttemptHistogram :many
SELECT width_bucket(attempts, 0, 25, 5) AS bucket,
       min(attempts) AS min_attempts,
       max(attempts) AS max_attempts,
       count(*) AS jobs
FROM jobs
GROUP BY bucket
ORDER BY bucket;

-- Jobs enqueued per hour in the last day, including empty hours.
-- name: EnqueuedPerHour :many
SELECT h.hour, count(j.id) AS enqueued
FROM generate_series(date_trunc('hour', now()) - interval '23 hours', date_trunc('hour', now()), interval '1 hour') AS h(hour)
LEFT JOIN jobs j ON j.created_at >= h.hour AND j.created_at < h.hour + interval '1 hour'
GROUP BY h.hour
ORDER BY h.hour;

-- Dead-lettered jobs with their last error.
-- name: ListDeadJobs :many
SELECT id, queue, kind, attempts, errors[array_upper(errors, 1)] AS last_error, failed_at
FROM dead_jobs
WHERE queue = $1
ORDER BY failed_at DESC
LIMIT $2 OFFSET $3;

-- Most frequent error messages in dead jobs.
-- name: TopDeadErrors :many
SELECT left(err, 120) AS error_prefix, count(*) AS occurrences
FROM dead_jobs, unnest(errors) AS err
WHERE failed_at > now() - interval '7 days'
GROUP BY 1
ORDER BY occurrences DESC
LIMIT 20;

-- Payload key usage per kind.
-- name: PayloadKeysByKind :many
SELECT kind, key, count(*) AS jobs
FROM jobs, jsonb_object_keys(payload) AS key
WHERE jsonb_typeof(payload) = 'object'
GROUP BY kind, key
ORDER BY kind, jobs DESC;

-- Deletes finished jobs in batches.
-- name: DeleteFinishedJobs :execrows
DELETE FROM jobs
WHERE id IN (
    SELECT id FROM jobs
    WHERE state IN ('completed', 'cancelled', 'discarded')
      AND finished_at < now() - @older_than::interval
    LIMIT @batch_size
);

-- name: PurgeDeadJobs :execrows
DELETE FROM dead_jobs WHERE failed_at < $1;

-- Discards available jobs of a kind that nobody handles any more.
-- name: DiscardJobsOfKind :many
UPDATE jobs
SET state = 'discarded', finished_at = now(), last_error = 'kind ' || kind || ' discarded'
WHERE kind = $1 AND state IN ('available', 'scheduled')
RETURNING id;

-- Deletes a queue with all its jobs only when nothing is running.
-- name: DeleteIdleQueue :execrows
DELETE FROM queues q
WHERE q.name = $1
  AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.queue = q.name AND j.state = 'running');

-- Free slots per queue: concurrency minus running jobs.
-- name: QueueCapacity :many
SELECT q.name, q.concurrency, q.paused,
       count(j.id) AS running,
       GREATEST(q.concurrency - count(j.id), 0) AS free_slots
FROM queues q
LEFT JOIN jobs j ON j.queue = q.name AND j.state = 'running'
GROUP BY q.name
ORDER BY q.name;

-- name: CountAvailableJobs :one
SELECT count(*) FROM jobs
WHERE queue = $1 AND state = 'available' AND run_at <= now();

-- Jobs carrying any of the given tags.
-- name: ListJobsByAnyTag :many
SELECT id, kind, tags, state
FROM jobs
WHERE tags && @tags::text[]
ORDER BY id DESC
LIMIT @max_rows;

-- Jobs whose payload matches a JSON path expression.
-- name: ListJobsMatchingPath :many
SELECT id, kind, payload #>> '{customer,id}' AS customer_id, state
FROM jobs
WHERE kind = @kind AND jsonb_path_exists(payload, @path::jsonpath)
ORDER BY id;
