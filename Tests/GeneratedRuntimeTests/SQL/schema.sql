-- Values of the types whose Swift mapping is generated code of our own (support types in
-- Models.swift), round-tripped through PostgreSQL by GeneratedRuntimeTests.
CREATE TABLE schedules (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    every interval NOT NULL,
    grace interval,
    backoff interval[] NOT NULL DEFAULT '{}'
);

-- Enum arrays: bound as text arrays, decoded from binary ones. A label with a comma, quotes and
-- a backslash checks the escaping.
CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'odd, "quoted" \ day');
CREATE TABLE shifts (
    id bigserial PRIMARY KEY,
    day weekday NOT NULL,
    off_days weekday[] NOT NULL CHECK (cardinality(off_days) <= 3),
    maybe_days weekday[]
);

-- :copyfrom writes every value in PostgreSQL's text format: one column per mapped type family.
CREATE TABLE readings (
    id bigserial PRIMARY KEY,
    sensor text NOT NULL,
    note text,
    small smallint NOT NULL,
    count integer NOT NULL,
    total bigint,
    ratio real NOT NULL,
    value double precision NOT NULL,
    amount numeric,
    ok boolean NOT NULL,
    tag uuid,
    payload bytea,
    doc jsonb,
    taken_at timestamptz NOT NULL,
    local_at timestamp,
    day date,
    span interval,
    weekday weekday,
    labels text[] NOT NULL DEFAULT '{}',
    off_days weekday[]
);

CREATE TABLE sensors (name text PRIMARY KEY);

-- Network types: PostgresInet and PostgresMACAddress, bound in binary with the column's OID.
CREATE TABLE hosts (
    id bigserial PRIMARY KEY,
    addr inet NOT NULL,
    net cidr,
    mac macaddr,
    mac8 macaddr8
);

-- Bit strings: PostgresBitString, bound in binary.
CREATE TABLE flags (
    id bigserial PRIMARY KEY,
    mask bit(4) NOT NULL,
    bits varbit
);

-- sqlc.embed: each table's row as its model, optional under an outer join.
CREATE TABLE authors (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    bio text
);

CREATE TABLE books (
    id bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id),
    title text NOT NULL,
    year integer
);

-- No NOT NULL column: a missing row is one whose columns are all NULL.
CREATE TABLE book_notes (
    book_id bigint,
    body text
);

-- Ranges and multiranges: PostgresRange and PostgresMultirange, bound in text, read in binary.
CREATE TABLE bookings (
    id bigserial PRIMARY KEY,
    seats int4range NOT NULL,
    serials int8range,
    price numrange,
    during tstzrange,
    local_during tsrange,
    days daterange,
    seat_sets int4multirange,
    free_days datemultirange
);

-- Arrays postgres-nio has no array coding for: bound as text through PostgresArray, decoded
-- from binary, element by element.
CREATE TABLE samples (
    id bigserial PRIMARY KEY,
    amounts numeric[] NOT NULL,
    blobs bytea[],
    docs jsonb[],
    raw_docs json[],
    addrs inet[],
    nets cidr[],
    macs macaddr[],
    masks varbit[],
    windows tstzrange[],
    spans int4range[]
);

-- Geometric types: PostgresPoint and the types made of points, bound in binary.
CREATE TABLE shapes (
    id bigserial PRIMARY KEY,
    spot point NOT NULL,
    edge line,
    segment lseg,
    frame box,
    route path,
    outline polygon,
    ring circle
);

-- money and xml: PostgresMoney (minor units) and PostgresXML, bound in binary.
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    total money NOT NULL,
    body xml
);

-- Text search: PostgresTSVector and PostgresTSQuery, bound in binary.
CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    words tsvector NOT NULL,
    search tsquery
);

-- Times of day: PostgresTime and PostgresTimeWithZone, bound in binary.
CREATE TABLE opening_hours (
    id bigserial PRIMARY KEY,
    opens time NOT NULL,
    closes timetz
);

-- Composite types: a struct each, bound as a record literal, read field by field in binary.
CREATE TYPE postal_address AS (street text, zip integer, tags text[], day weekday);
CREATE TYPE parcel AS (destination postal_address, weight numeric, fragile boolean);
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    address postal_address,
    past_addresses postal_address[],
    last_parcel parcel
);

-- Arrays of the geometric, money, xml, text search and time-of-day types, through PostgresArray.
CREATE TABLE route_plans (
    id bigserial PRIMARY KEY,
    stops point[] NOT NULL,
    zones polygon[],
    ranges circle[],
    fees money[],
    notes xml[],
    keywords tsvector[],
    queries tsquery[],
    departures time[],
    arrivals timetz[],
    areas box[]
);

-- Columns declared with several dimensions: nested Swift arrays, one PostgresArray per dimension.
CREATE TABLE grids (
    id bigserial PRIMARY KEY,
    cells integer[][] NOT NULL,
    labels text[][],
    amounts numeric[][],
    days weekday[][],
    cube bigint[][][]
);

-- System types: object identifiers, write-ahead log positions, JSON paths.
CREATE TABLE catalog_notes (
    id bigserial PRIMARY KEY,
    relation regclass NOT NULL,
    config regconfig,
    type_oid oid,
    position pg_lsn,
    path jsonpath,
    relations regclass[],
    positions pg_lsn[],
    paths jsonpath[]
);
