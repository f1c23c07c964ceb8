CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE users (
    id          bigserial PRIMARY KEY,
    email       citext      NOT NULL UNIQUE,
    display_name text       NOT NULL,
    locale      text        NOT NULL DEFAULT 'en',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspaces (
    id         bigserial PRIMARY KEY,
    owner_id   bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    slug       citext      NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
    id           bigserial PRIMARY KEY,
    workspace_id bigint      NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    author_id    bigint      REFERENCES users (id) ON DELETE SET NULL,
    title        text,
    body         text        NOT NULL DEFAULT '',
    tags         text[]      NOT NULL DEFAULT '{}',
    search       tsvector    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX documents_search_idx ON documents USING gin (search);
CREATE INDEX documents_title_trgm_idx ON documents USING gin (title gin_trgm_ops);
CREATE INDEX documents_tags_idx ON documents USING gin (tags);
CREATE INDEX documents_workspace_idx ON documents (workspace_id, updated_at DESC);
