CREATE TABLE dead_jobs (
    id              bigint PRIMARY KEY,
    queue           text NOT NULL,
    kind            text NOT NULL,
    payload         jsonb NOT NULL,
    attempts        integer NOT NULL,
    errors          text[] NOT NULL DEFAULT '{}',
    failed_at       timestamptz NOT NULL DEFAULT now(),
    original_created_at timestamptz NOT NULL
);

CREATE INDEX dead_jobs_queue_failed_idx ON dead_jobs (queue, failed_at DESC);

CREATE TABLE workers (
    id              text PRIMARY KEY,
    hostname        text NOT NULL,
    pid             integer NOT NULL,
    queues          text[] NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    heartbeat_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE jobs ADD COLUMN errors jsonb[] NOT NULL DEFAULT '{}';
ALTER TABLE jobs ADD COLUMN unique_key text;
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (queue, unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('available', 'running');
