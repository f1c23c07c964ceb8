CREATE TYPE account_status AS ENUM ('open', 'frozen', 'in-review');

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL,
    status account_status NOT NULL DEFAULT 'open',
    settings jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN accounts.settings IS 'Free-form settings chosen by the owner.';
