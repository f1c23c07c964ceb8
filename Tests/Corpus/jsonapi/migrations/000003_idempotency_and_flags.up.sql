CREATE TABLE idempotency_keys (
    key           uuid        NOT NULL,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    request_hash  bytea       NOT NULL,
    response_code integer,
    response_body jsonb,
    locked_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE feature_flags (
    tenant_id uuid  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    flag      text  NOT NULL,
    rules     jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (tenant_id, flag)
);

ALTER TABLE tenants ADD COLUMN plan text NOT NULL DEFAULT 'free';
ALTER TABLE tenants ADD COLUMN limits jsonb NOT NULL DEFAULT '{"requests_per_minute": 60}';
ALTER TABLE events ADD COLUMN correlation_id uuid;
CREATE INDEX events_correlation_idx ON events (correlation_id) WHERE correlation_id IS NOT NULL;
