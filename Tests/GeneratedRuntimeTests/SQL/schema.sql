-- Values of the types whose Swift mapping is generated code of our own (support types in
-- Models.swift), round-tripped through PostgreSQL by GeneratedRuntimeTests.
CREATE TABLE schedules (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    every interval NOT NULL,
    grace interval,
    backoff interval[] NOT NULL DEFAULT '{}'
);
