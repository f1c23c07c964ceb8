CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL,
    owner text
);

CREATE TABLE accounts (
    id bigint
);

CREATE TABLE IF NOT EXISTS accounts (
    id bigint
);

ALTER TABLE accounts ADD COLUMN id bigint;
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS id bigint;
