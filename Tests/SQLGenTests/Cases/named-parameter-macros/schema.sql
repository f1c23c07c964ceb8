CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL,
    balance bigint NOT NULL,
    currency varchar NOT NULL
);
