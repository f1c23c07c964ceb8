CREATE SCHEMA IF NOT EXISTS bank;
CREATE TYPE bank.currency AS ENUM ('USD', 'EUR', 'CAD');

CREATE TABLE bank.accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL,
    currency bank.currency NOT NULL
);

CREATE TABLE public.notes (
    id bigserial PRIMARY KEY,
    body text NOT NULL
);
