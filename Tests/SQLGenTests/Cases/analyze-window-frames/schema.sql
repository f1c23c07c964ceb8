CREATE TABLE readings (
    id bigint PRIMARY KEY,
    qty integer NOT NULL,
    amount numeric(12, 2) NOT NULL,
    taken_at timestamptz NOT NULL
);
