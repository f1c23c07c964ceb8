CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr txid_snapshot NOT NULL
);
