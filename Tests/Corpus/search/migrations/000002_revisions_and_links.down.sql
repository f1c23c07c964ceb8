DROP INDEX IF EXISTS users_display_name_trgm_idx;
ALTER TABLE documents DROP COLUMN IF EXISTS pinned;
ALTER TABLE documents DROP COLUMN IF EXISTS archived_at;
DROP TABLE IF EXISTS document_links;
DROP TABLE IF EXISTS revisions;
