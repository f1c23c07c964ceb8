CREATE TABLE api_keys (
    id              bigserial PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text NOT NULL,
    prefix          char(8) NOT NULL,
    key_hash        bytea NOT NULL,
    scopes          text[] NOT NULL DEFAULT '{}',
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    last_used_at    timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
);

CREATE INDEX api_keys_org_active_idx ON api_keys (organization_id) WHERE revoked_at IS NULL;

COMMENT ON COLUMN api_keys.key_hash IS 'sha256 of the full key; the key itself is shown once.';

CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    actor_user_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_api_key_id bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    action          text NOT NULL,
    target_type     text,
    target_id       text,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    ip_address      inet,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_org_created_idx ON audit_log (organization_id, created_at DESC, id DESC);
CREATE INDEX audit_log_metadata_idx ON audit_log USING gin (metadata jsonb_path_ops);
