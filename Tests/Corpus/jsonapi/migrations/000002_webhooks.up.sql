CREATE TYPE delivery_status AS ENUM ('pending', 'succeeded', 'failed', 'abandoned');

CREATE TABLE webhooks (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    url         text        NOT NULL,
    secret      text        NOT NULL,
    event_types text[]      NOT NULL DEFAULT '{}',
    headers     json,
    filter      jsonb,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id            bigserial PRIMARY KEY,
    webhook_id    bigint          NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id      bigint          NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    status        delivery_status NOT NULL DEFAULT 'pending',
    attempt       integer         NOT NULL DEFAULT 0,
    request_body  jsonb           NOT NULL,
    response      jsonb,
    next_attempt_at timestamptz,
    created_at    timestamptz     NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, event_id)
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
