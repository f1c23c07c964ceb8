CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE period_status AS ENUM ('open', 'closing', 'closed');

CREATE TABLE periods (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id   integer NOT NULL REFERENCES ledgers (id) ON DELETE CASCADE,
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    status      period_status NOT NULL DEFAULT 'open',
    closed_at   timestamptz,
    closed_by   text,
    CHECK (ends_on > starts_on),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    EXCLUDE USING gist (ledger_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);

CREATE TABLE period_balances (
    period_id   integer NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    opening     bigint NOT NULL,
    debits      bigint NOT NULL,
    credits     bigint NOT NULL,
    closing     bigint GENERATED ALWAYS AS (opening + debits + credits) STORED,
    PRIMARY KEY (period_id, account_id)
);
