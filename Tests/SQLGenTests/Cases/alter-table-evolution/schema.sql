CREATE TABLE accounts (
    id serial PRIMARY KEY,
    owner text,
    balance integer NOT NULL,
    legacy_code char(4),
    created_at timestamp
);

ALTER TABLE accounts ALTER COLUMN id TYPE bigint;
ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;
ALTER TABLE accounts ALTER COLUMN owner TYPE varchar, ALTER COLUMN owner SET NOT NULL;
ALTER TABLE accounts DROP COLUMN legacy_code;
ALTER TABLE accounts RENAME COLUMN created_at TO opened_at;
ALTER TABLE accounts ALTER COLUMN opened_at TYPE timestamptz;
ALTER TABLE accounts ALTER COLUMN opened_at SET DEFAULT now();
ALTER TABLE accounts ALTER COLUMN opened_at SET NOT NULL;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS currency varchar NOT NULL DEFAULT 'USD';
ALTER TABLE accounts ADD COLUMN closed_at timestamptz;

CREATE TABLE ledger (
    account_id bigint,
    amount bigint NOT NULL
);
ALTER TABLE ledger ADD CONSTRAINT ledger_pkey PRIMARY KEY (account_id);
ALTER TABLE ledger RENAME TO entries;
