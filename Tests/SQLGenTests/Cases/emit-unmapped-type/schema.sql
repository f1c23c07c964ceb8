CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr int4range NOT NULL
);
