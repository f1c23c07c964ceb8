-- Creates a tenant.
-- name: CreateOrganization :one
INSERT INTO organizations (slug, name, plan, seat_limit)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: GetOrganization :one
SELECT * FROM organizations
WHERE id = $1 AND deleted_at IS NULL;

-- name: GetOrganizationBySlug :one
SELECT * FROM organizations
WHERE slug = lower(@slug::text) AND deleted_at IS NULL
LIMIT 1;

-- Renames a tenant; only the fields that are given change.
-- name: UpdateOrganization :one
UPDATE organizations
SET name       = COALESCE(sqlc.narg(name), name),
    plan       = COALESCE(sqlc.narg(plan), plan),
    seat_limit = COALESCE(sqlc.narg(seat_limit), seat_limit),
    updated_at = now()
WHERE id = sqlc.arg(id) AND deleted_at IS NULL
RETURNING *;

-- Merges keys into the settings document.
-- name: MergeOrganizationSettings :one
UPDATE organizations
SET settings = settings || @patch::jsonb,
    updated_at = now()
WHERE id = @id
RETURNING settings;

-- Removes one settings key.
-- name: DeleteOrganizationSetting :exec
UPDATE organizations
SET settings = settings - @key::text, updated_at = now()
WHERE id = @id;

-- Reads one nested setting as text.
-- name: GetOrganizationSetting :one
SELECT settings #>> @path::text[] AS value
FROM organizations
WHERE id = @id;

-- name: SoftDeleteOrganization :execrows
UPDATE organizations
SET deleted_at = now(), updated_at = now()
WHERE id = $1 AND deleted_at IS NULL;

-- name: RestoreOrganization :execrows
UPDATE organizations
SET deleted_at = NULL, updated_at = now()
WHERE id = $1 AND deleted_at > now() - interval '30 days';

-- Hard-deletes tenants that were soft-deleted more than the retention period ago.
-- name: PurgeDeletedOrganizations :execrows
DELETE FROM organizations
WHERE deleted_at < now() - @retention::interval;

-- Every organization a user belongs to, with their role and member count.
-- name: ListOrganizationsForUser :many
SELECT o.id, o.slug, o.name, o.plan, m.role,
       (SELECT count(*) FROM memberships m2 WHERE m2.organization_id = o.id) AS member_count
FROM organizations o
JOIN memberships m ON m.organization_id = o.id
WHERE m.user_id = $1 AND o.deleted_at IS NULL
ORDER BY o.name;

-- Organizations whose trial ends within the window, for reminder emails.
-- name: ListTrialsEndingSoon :many
SELECT id, slug, name, trial_ends_at,
       date_part('day', trial_ends_at - now())::int AS days_left
FROM organizations
WHERE plan = 'free'
  AND trial_ends_at BETWEEN now() AND now() + @within::interval
  AND deleted_at IS NULL
ORDER BY trial_ends_at;

-- Seats used against the plan limit.
-- name: GetSeatUsage :one
SELECT o.seat_limit,
       count(m.user_id) AS seats_used,
       GREATEST(o.seat_limit - count(m.user_id), 0)::int AS seats_free
FROM organizations o
LEFT JOIN memberships m ON m.organization_id = o.id
WHERE o.id = $1
GROUP BY o.id;

-- Admin console: search organizations by name or slug.
-- name: SearchOrganizations :many
SELECT id, slug, name, plan, created_at
FROM organizations
WHERE deleted_at IS NULL
  AND (name ILIKE '%' || @query::text || '%' OR slug LIKE lower(@query) || '%')
ORDER BY (slug = lower(@query)) DESC, name
LIMIT @max_results;

-- Keyset page of all organizations, newest first.
-- name: ListOrganizationsPage :many
SELECT id, slug, name, plan, created_at
FROM organizations
WHERE deleted_at IS NULL
  AND (created_at, id) < (@before_created_at::timestamptz, @before_id::uuid)
ORDER BY created_at DESC, id DESC
LIMIT @page_size;

-- Counts tenants per plan for the admin dashboard.
-- name: CountOrganizationsByPlan :many
SELECT plan,
       count(*) AS total,
       count(*) FILTER (WHERE created_at > now() - interval '30 days') AS new_last_30_days,
       count(*) FILTER (WHERE trial_ends_at > now()) AS in_trial
FROM organizations
WHERE deleted_at IS NULL
GROUP BY plan
ORDER BY total DESC;
