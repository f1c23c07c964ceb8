ALTER TYPE account_kind ADD VALUE 'contra_asset' AFTER 'asset';

CREATE TABLE statement_lines (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    external_id     text NOT NULL,
    booked_on       date NOT NULL,
    amount          bigint NOT NULL,
    counterparty    text,
    description     text NOT NULL DEFAULT '',
    imported_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, external_id)
);

ALTER TABLE postings ADD COLUMN statement_line_id bigint REFERENCES statement_lines (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX postings_statement_line_key ON postings (statement_line_id) WHERE statement_line_id IS NOT NULL;

ALTER TABLE accounts ADD COLUMN normal_balance smallint NOT NULL DEFAULT 1 CHECK (normal_balance IN (-1, 1));
ALTER TABLE accounts ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX accounts_ledger_kind_idx ON accounts (ledger_id, kind);
