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
