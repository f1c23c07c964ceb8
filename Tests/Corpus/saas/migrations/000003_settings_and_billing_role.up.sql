ALTER TYPE member_role ADD VALUE IF NOT EXISTS 'billing' AFTER 'admin';

ALTER TABLE organizations
    ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN trial_ends_at timestamptz;

ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN avatar_url text;

ALTER TABLE memberships ADD COLUMN last_seen_at timestamptz;

ALTER TABLE projects ADD COLUMN archived boolean NOT NULL DEFAULT false;
ALTER TABLE projects ADD COLUMN tags text[] NOT NULL DEFAULT '{}';

CREATE INDEX projects_tags_idx ON projects USING gin (tags);
CREATE INDEX invitations_expires_idx ON invitations (expires_at) WHERE accepted_at IS NULL AND revoked_at IS NULL;
