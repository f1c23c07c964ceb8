CREATE TYPE mood AS ENUM ('happy', 'default', 'not ok', '1st');

CREATE TABLE settings (
    "default" text PRIMARY KEY,
    self bigint NOT NULL,
    type text NOT NULL,
    class varchar,
    mood mood
);

-- Models whose names generated code or PostgresNIO already use get a suffix.
CREATE TABLE postgres_ranges (
    id integer PRIMARY KEY,
    span int4range NOT NULL
);

CREATE TABLE logging_queriers (
    id integer PRIMARY KEY
);
