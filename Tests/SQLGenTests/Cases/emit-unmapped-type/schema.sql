CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr point NOT NULL
);
