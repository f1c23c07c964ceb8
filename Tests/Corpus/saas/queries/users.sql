-- name: CreateUser :one
INSERT INTO users (email, display_name, password_hash, locale)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: GetUser :one
SELECT * FROM users
WHERE id = $1 AND deleted_at IS NULL;

-- Login lookup; email is citext so the comparison ignores case.
-- name: GetUserByEmail :one
SELECT id, email, display_name, password_hash, email_verified
FROM users
WHERE email = $1 AND deleted_at IS NULL;

-- name: UpdateUserProfile :one
UPDATE users
SET display_name = @display_name,
    avatar_url = NULLIF(@avatar_url::text, ''),
    locale = COALESCE(sqlc.narg(locale), locale)
WHERE id = @id
RETURNING *;

-- name: MarkEmailVerified :exec
UPDATE users SET email_verified = true WHERE id = $1;

-- name: TouchUserLogin :exec
UPDATE users SET last_login_at = now() WHERE id = $1;

-- name: SoftDeleteUser :execrows
UPDATE users
SET deleted_at = now(),
    email = 'deleted+' || id::text || '@invalid'
WHERE id = $1 AND deleted_at IS NULL;

-- Adds a user to an organization, or changes their role if they are already a member.
-- name: UpsertMembership :one
INSERT INTO memberships (organization_id, user_id, role)
VALUES ($1, $2, $3)
ON CONFLICT (organization_id, user_id)
DO UPDATE SET role = excluded.role
RETURNING *;

-- name: GetMembership :one
SELECT * FROM memberships
WHERE organization_id = $1 AND user_id = $2;

-- The caller's role, for authorization checks.
-- name: GetMemberRole :one
SELECT role FROM memberships
WHERE organization_id = $1 AND user_id = $2;

-- name: UpdateMemberRole :execrows
UPDATE memberships SET role = @role
WHERE organization_id = @organization_id AND user_id = @user_id;

-- Refuses to remove the last owner of an organization.
-- name: RemoveMember :execrows
DELETE FROM memberships m
WHERE m.organization_id = @organization_id
  AND m.user_id = @user_id
  AND (m.role <> 'owner'
       OR (SELECT count(*) FROM memberships o
           WHERE o.organization_id = m.organization_id AND o.role = 'owner') > 1);

-- name: TouchMembership :exec
UPDATE memberships SET last_seen_at = now()
WHERE organization_id = $1 AND user_id = $2
  AND (last_seen_at IS NULL OR last_seen_at < now() - interval '5 minutes');

-- Members of an organization, keyset-paginated by join date.
-- name: ListMembers :many
SELECT u.id, u.email, u.display_name, u.avatar_url, m.role, m.created_at, m.last_seen_at
FROM memberships m
JOIN users u ON u.id = m.user_id
WHERE m.organization_id = $1
  AND u.deleted_at IS NULL
  AND (m.created_at, u.id) < ($2, $3)
ORDER BY m.created_at DESC, u.id DESC
LIMIT $4;

-- Members whose role is one of the given roles.
-- name: ListMembersByRoles :many
SELECT u.id, u.email, u.display_name, m.role
FROM memberships m
JOIN users u ON u.id = m.user_id
WHERE m.organization_id = @organization_id
  AND m.role = ANY(@roles::member_role[])
ORDER BY m.role, u.display_name;

-- name: CountMembersByRole :many
SELECT role, count(*) AS members
FROM memberships
WHERE organization_id = $1
GROUP BY role
ORDER BY role;

-- name: CountOwners :one
SELECT count(*) FROM memberships
WHERE organization_id = $1 AND role = 'owner';

-- Transfers ownership in one statement: the new owner becomes owner, the old one admin.
-- name: TransferOwnership :execrows
UPDATE memberships
SET role = CASE WHEN user_id = @new_owner_id THEN 'owner'::member_role ELSE 'admin'::member_role END
WHERE organization_id = @organization_id
  AND user_id IN (@new_owner_id, @old_owner_id);

-- Members who have not been seen for a while, with days since they were last active.
-- name: ListInactiveMembers :many
SELECT u.id, u.email,
       COALESCE(m.last_seen_at, m.created_at) AS last_active,
       extract(day FROM now() - COALESCE(m.last_seen_at, m.created_at))::int AS idle_days
FROM memberships m
JOIN users u ON u.id = m.user_id
WHERE m.organization_id = $1
  AND COALESCE(m.last_seen_at, m.created_at) < now() - make_interval(days => $2::int)
ORDER BY last_active;

-- Looks up many users at once.
-- name: GetUsersByIDs :many
SELECT id, email, display_name, avatar_url
FROM users
WHERE id = ANY(@ids::uuid[]) AND deleted_at IS NULL;

-- Members as a JSON array, for an export.
-- name: ExportMembersJSON :one
SELECT COALESCE(jsonb_agg(jsonb_build_object(
           'email', u.email,
           'name', u.display_name,
           'role', m.role,
           'joined', m.created_at) ORDER BY m.created_at), '[]'::jsonb) AS members
FROM memberships m
JOIN users u ON u.id = m.user_id
WHERE m.organization_id = $1;

-- Each user's organizations as a text array.
-- name: ListUsersWithOrgSlugs :many
SELECT u.id, u.email,
       array_agg(o.slug ORDER BY o.slug) AS org_slugs
FROM users u
JOIN memberships m ON m.user_id = u.id
JOIN organizations o ON o.id = m.organization_id AND o.deleted_at IS NULL
WHERE u.deleted_at IS NULL
GROUP BY u.id
HAVING count(*) >= @min_orgs::int
ORDER BY u.email;
