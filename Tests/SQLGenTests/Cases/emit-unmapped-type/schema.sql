CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr inet NOT NULL
);
