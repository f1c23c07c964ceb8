CREATE TYPE mood AS ENUM ('happy', 'default', 'not ok', '1st');

CREATE TABLE settings (
    "default" text PRIMARY KEY,
    self bigint NOT NULL,
    type text NOT NULL,
    class varchar,
    mood mood
);
