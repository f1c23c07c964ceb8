CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr pg_lsn NOT NULL
);
