-- +goose Up
CREATE TYPE team_plan AS ENUM ('free', 'pro', 'enterprise');
CREATE TYPE member_role AS ENUM ('viewer', 'editor', 'lead');
CREATE TYPE job_state AS ENUM ('queued', 'running', 'done', 'failed');

CREATE TABLE teams (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    plan       team_plan NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
    id      bigserial PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email   text NOT NULL,
    roles   member_role[] NOT NULL DEFAULT '{viewer}',
    UNIQUE (team_id, email)
);

CREATE TABLE jobs (
    id          bigserial PRIMARY KEY,
    team_id     bigint NOT NULL REFERENCES teams (id),
    kind        text NOT NULL,
    payload     jsonb NOT NULL DEFAULT '{}',
    state       job_state NOT NULL DEFAULT 'queued',
    attempts    integer NOT NULL DEFAULT 0,
    run_at      timestamptz NOT NULL DEFAULT now(),
    last_error  text,
    finished_at timestamptz
);

CREATE INDEX jobs_state_run_at ON jobs (state, run_at);

-- +goose Down
DROP TABLE jobs;
DROP TABLE members;
DROP TABLE teams;
DROP TYPE job_state;
DROP TYPE member_role;
DROP TYPE team_plan;
