CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    owner varchar NOT NULL
);
