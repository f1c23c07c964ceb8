CREATE TABLE events (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    scores integer[]
);
