CREATE TYPE money_amount AS (cents bigint, currency text);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
ALTER DOMAIN positive_int RENAME TO quantity;

CREATE TABLE offers (
    id bigserial PRIMARY KEY,
    price money_amount NOT NULL,
    valid floatrange NOT NULL,
    stock quantity NOT NULL
);

-- Dropped with CASCADE: its column goes with it, as in PostgreSQL.
CREATE TYPE legacy_status AS ENUM ('old');
ALTER TABLE offers ADD COLUMN legacy legacy_status;
DROP TYPE legacy_status CASCADE;

CREATE TABLE categories (id bigint PRIMARY KEY, parent_id bigint, name text NOT NULL);
