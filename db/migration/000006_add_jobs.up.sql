-- A durable job queue in the bank's own database: a job is written in the same transaction as
-- the rows it is about (a new user and its verify_emails row), so it exists exactly when they do.
CREATE TYPE job_state AS ENUM ('queued', 'running', 'done', 'dead');

CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    -- What to do, e.g. 'send_verify_email'; the worker knows each kind.
    kind varchar NOT NULL,
    -- The kind's arguments, e.g. {"verify_email_id": 42}. Never secrets: the worker reads them
    -- from the rows the payload names.
    payload jsonb NOT NULL DEFAULT '{}',
    state job_state NOT NULL DEFAULT 'queued',
    -- Claims so far, including the one running now.
    attempts integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts > 0),
    -- Not claimed before this time: the backoff after a failure.
    run_after timestamptz NOT NULL DEFAULT now(),
    -- A running job whose lease has passed lost its worker and may be claimed again.
    locked_by varchar,
    locked_until timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

-- What the workers scan: queued jobs by due time, and running ones by lease.
CREATE INDEX jobs_queued_run_after_idx ON jobs (run_after) WHERE state = 'queued';
CREATE INDEX jobs_running_locked_until_idx ON jobs (locked_until) WHERE state = 'running';

-- Wakes idle workers (LISTEN jobs) when a job is queued; delivered at COMMIT, so a worker never
-- looks for a job that is not visible yet.
CREATE FUNCTION notify_job_queued() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jobs', NEW.kind);
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_notify_queued
AFTER INSERT OR UPDATE OF state ON jobs
FOR EACH ROW WHEN (NEW.state = 'queued')
EXECUTE FUNCTION notify_job_queued();
