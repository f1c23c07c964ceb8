-- Where a parcel goes.
CREATE TYPE address AS (street text, zip integer);
CREATE TYPE shipment AS (destination address, items text[], weight numeric[]);
CREATE TYPE broken AS (id integer, lsn pg_lsn);

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    ship_to address NOT NULL,
    shipments shipment[]
);
