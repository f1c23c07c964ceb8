DROP INDEX IF EXISTS invitations_expires_idx;
DROP INDEX IF EXISTS projects_tags_idx;
ALTER TABLE projects DROP COLUMN IF EXISTS tags;
ALTER TABLE projects DROP COLUMN IF EXISTS archived;
ALTER TABLE memberships DROP COLUMN IF EXISTS last_seen_at;
ALTER TABLE users DROP COLUMN IF EXISTS avatar_url;
ALTER TABLE users DROP COLUMN IF EXISTS locale;
ALTER TABLE organizations DROP COLUMN IF EXISTS trial_ends_at;
ALTER TABLE organizations DROP COLUMN IF EXISTS settings;
-- PostgreSQL cannot drop an enum value; 'billing' stays.
