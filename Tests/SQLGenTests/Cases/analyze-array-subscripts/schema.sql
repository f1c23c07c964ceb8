CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    tags varchar[] NOT NULL DEFAULT '{}',
    scores integer[]
);
