CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE documents (
    id bigserial PRIMARY KEY,
    title citext NOT NULL,
    body bytea NOT NULL,
    rating numeric(4, 2),
    published_on date NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}'
);
