CREATE TYPE job_state AS ENUM ('available', 'running', 'completed', 'failed', 'discarded');

CREATE TABLE queues (
    name            text PRIMARY KEY,
    concurrency     integer NOT NULL DEFAULT 10 CHECK (concurrency BETWEEN 1 AND 1000),
    paused          boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
    id              bigserial PRIMARY KEY,
    queue           text NOT NULL DEFAULT 'default' REFERENCES queues (name) ON UPDATE CASCADE,
    kind            text NOT NULL,
    payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
    state           job_state NOT NULL DEFAULT 'available',
    priority        smallint NOT NULL DEFAULT 0,
    attempts        integer NOT NULL DEFAULT 0,
    max_attempts    integer NOT NULL DEFAULT 25,
    run_at          timestamptz NOT NULL DEFAULT now(),
    locked_by       text,
    locked_at       timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND attempts <= max_attempts),
    CONSTRAINT jobs_max_attempts_check CHECK (max_attempts > 0),
    CONSTRAINT jobs_locked_check CHECK ((state = 'running') = (locked_by IS NOT NULL))
);

-- The claim query's index: only available jobs, in the order they are taken.
CREATE INDEX jobs_fetch_idx ON jobs (queue, priority DESC, run_at, id) WHERE state = 'available';
CREATE INDEX jobs_state_finished_idx ON jobs (state, finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX jobs_kind_idx ON jobs (kind);

COMMENT ON COLUMN jobs.priority IS 'Higher runs first.';

INSERT INTO queues (name) VALUES ('default');
