CREATE TABLE saved_searches (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    workspace_id bigint      NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    query        text        NOT NULL,
    tags         text[],
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
);

CREATE TABLE search_log (
    id           bigserial PRIMARY KEY,
    user_id      bigint REFERENCES users (id) ON DELETE SET NULL,
    workspace_id bigint      NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    query        text        NOT NULL,
    result_count integer     NOT NULL,
    took_ms      real,
    searched_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX search_log_workspace_idx ON search_log (workspace_id, searched_at);

ALTER TABLE documents ADD COLUMN language regconfig NOT NULL DEFAULT 'english';
ALTER TABLE users ADD COLUMN bio text;
ALTER TABLE users RENAME COLUMN display_name TO name;
