CREATE TABLE items (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 0,
    tags text[] NOT NULL DEFAULT '{}',
    data jsonb
);

CREATE TABLE staging (id bigint NOT NULL, name text, qty integer);
