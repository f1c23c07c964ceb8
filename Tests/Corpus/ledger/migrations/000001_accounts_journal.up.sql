CREATE TYPE account_kind AS ENUM ('asset', 'liability', 'equity', 'income', 'expense');

CREATE TABLE ledgers (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    base_currency char(3) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id   integer NOT NULL REFERENCES ledgers (id) ON DELETE CASCADE,
    code        varchar(20) NOT NULL,
    name        text NOT NULL,
    kind        account_kind NOT NULL,
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    parent_id   bigint REFERENCES accounts (id) ON DELETE RESTRICT,
    is_closed   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (ledger_id, code)
);

CREATE TABLE journal_transactions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id   integer NOT NULL REFERENCES ledgers (id) ON DELETE CASCADE,
    reference   text,
    description text NOT NULL,
    effective_date date NOT NULL,
    posted_at   timestamptz NOT NULL DEFAULT now(),
    reversal_of bigint REFERENCES journal_transactions (id) ON DELETE RESTRICT,
    metadata    jsonb NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX journal_transactions_reference_key
    ON journal_transactions (ledger_id, reference) WHERE reference IS NOT NULL;
CREATE UNIQUE INDEX journal_transactions_one_reversal
    ON journal_transactions (reversal_of) WHERE reversal_of IS NOT NULL;

CREATE TABLE postings (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  bigint NOT NULL REFERENCES journal_transactions (id) ON DELETE CASCADE,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    amount          bigint NOT NULL CHECK (amount <> 0),
    memo            text,
    posted_at       timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN postings.amount IS 'Minor units; debits positive, credits negative.';

CREATE INDEX postings_account_posted_idx ON postings (account_id, posted_at, id);
CREATE INDEX postings_transaction_idx ON postings (transaction_id);
