CREATE TABLE revisions (
    id          bigserial PRIMARY KEY,
    document_id bigint      NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    editor_id   bigint      REFERENCES users (id) ON DELETE SET NULL,
    title       text,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX revisions_document_idx ON revisions (document_id, created_at DESC);

CREATE TABLE document_links (
    source_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    target_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    anchor    text,
    PRIMARY KEY (source_id, target_id)
);

ALTER TABLE documents ADD COLUMN archived_at timestamptz;
ALTER TABLE documents ADD COLUMN pinned boolean NOT NULL DEFAULT false;
CREATE INDEX users_display_name_trgm_idx ON users USING gist (display_name gist_trgm_ops);
