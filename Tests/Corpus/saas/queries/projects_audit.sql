-- name: CreateProject :one
INSERT INTO projects (organization_id, name, description, created_by, tags)
VALUES ($1, $2, $3, $4, $5)
RETURNING *;

-- name: GetProject :one
SELECT * FROM projects
WHERE organization_id = $1 AND id = $2 AND deleted_at IS NULL;

-- name: UpdateProject :one
UPDATE projects
SET name = @name, description = @description, tags = @tags, updated_at = now()
WHERE organization_id = @organization_id AND id = @id AND deleted_at IS NULL
RETURNING *;

-- name: ArchiveProject :execrows
UPDATE projects SET archived = true, updated_at = now()
WHERE organization_id = $1 AND id = $2 AND NOT archived;

-- name: SoftDeleteProject :execrows
UPDATE projects SET deleted_at = now()
WHERE organization_id = $1 AND id = $2 AND deleted_at IS NULL;

-- Keyset page of a tenant's projects, newest first.
-- name: ListProjects :many
SELECT id, name, description, tags, archived, created_at
FROM projects
WHERE organization_id = $1
  AND deleted_at IS NULL
  AND (created_at, id) < ($2, $3)
ORDER BY created_at DESC, id DESC
LIMIT $4;

-- Projects filtered by optional archived flag, tag and name prefix.
-- name: FilterProjects :many
SELECT id, name, tags, archived, created_at
FROM projects
WHERE organization_id = @organization_id
  AND deleted_at IS NULL
  AND (sqlc.narg(archived)::boolean IS NULL OR archived = sqlc.narg(archived))
  AND (sqlc.narg(tag)::text IS NULL OR tags @> ARRAY[sqlc.narg(tag)::text])
  AND (sqlc.narg(name_prefix)::text IS NULL OR name ILIKE sqlc.narg(name_prefix) || '%')
ORDER BY name
LIMIT sqlc.arg(max_rows);

-- name: CountProjects :one
SELECT count(*) FILTER (WHERE NOT archived) AS active,
       count(*) FILTER (WHERE archived) AS archived
FROM projects
WHERE organization_id = $1 AND deleted_at IS NULL;

-- Tag cloud for a tenant.
-- name: ListProjectTags :many
SELECT tag, count(*) AS uses
FROM projects, unnest(tags) AS tag
WHERE organization_id = $1 AND deleted_at IS NULL
GROUP BY tag
ORDER BY uses DESC, tag
LIMIT 50;

-- Copies a project's row into a new one with a new name.
-- name: DuplicateProject :one
INSERT INTO projects (organization_id, name, description, created_by, tags)
SELECT organization_id, @new_name, description, @created_by, tags
FROM projects
WHERE organization_id = @organization_id AND id = @source_id AND deleted_at IS NULL
RETURNING id, name, created_at;

-- Records an audit event.
-- name: InsertAuditEvent :exec
INSERT INTO audit_log (organization_id, actor_user_id, actor_api_key_id, action, target_type, target_id, metadata, ip_address)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- Keyset page of a tenant's audit log with optional action filter.
-- name: ListAuditEvents :many
SELECT a.id, a.action, a.target_type, a.target_id, a.metadata, a.ip_address, a.created_at,
       u.email AS actor_email, k.name AS api_key_name
FROM audit_log a
LEFT JOIN users u ON u.id = a.actor_user_id
LEFT JOIN api_keys k ON k.id = a.actor_api_key_id
WHERE a.organization_id = @organization_id
  AND (sqlc.narg(action)::text IS NULL OR a.action = sqlc.narg(action))
  AND (a.created_at, a.id) < (@before_created_at::timestamptz, @before_id::bigint)
ORDER BY a.created_at DESC, a.id DESC
LIMIT @page_size;

-- Audit events whose metadata contains a JSON fragment.
-- name: SearchAuditMetadata :many
SELECT id, action, metadata, created_at
FROM audit_log
WHERE organization_id = $1
  AND metadata @> $2::jsonb
ORDER BY created_at DESC
LIMIT 100;

-- Extracts fields from the metadata document.
-- name: ListLoginEvents :many
SELECT id,
       metadata ->> 'user_agent' AS user_agent,
       (metadata -> 'geo' ->> 'country') AS country,
       COALESCE((metadata ->> 'mfa')::boolean, false) AS used_mfa,
       created_at
FROM audit_log
WHERE organization_id = $1 AND action = 'user.login'
  AND created_at >= $2
ORDER BY created_at DESC;

-- Daily activity for a chart.
-- name: AuditActivityByDay :many
SELECT date_trunc('day', created_at)::date AS day,
       count(*) AS events,
       count(DISTINCT actor_user_id) AS active_users
FROM audit_log
WHERE organization_id = @organization_id
  AND created_at >= now() - make_interval(days => @days::int)
GROUP BY 1
ORDER BY 1;

-- Most recent event per actor (DISTINCT ON).
-- name: LatestEventPerActor :many
SELECT DISTINCT ON (actor_user_id) actor_user_id, action, created_at
FROM audit_log
WHERE organization_id = $1 AND actor_user_id IS NOT NULL
ORDER BY actor_user_id, created_at DESC;

-- Top actions with their share of all events (window over aggregate).
-- name: AuditActionShare :many
SELECT action,
       count(*) AS events,
       round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS percent
FROM audit_log
WHERE organization_id = $1
  AND created_at >= $2
GROUP BY action
ORDER BY events DESC;

-- Each member's three latest actions (LATERAL).
-- name: RecentActionsPerMember :many
SELECT u.id AS user_id, u.display_name, recent.action, recent.created_at
FROM memberships m
JOIN users u ON u.id = m.user_id
CROSS JOIN LATERAL (
    SELECT a.action, a.created_at
    FROM audit_log a
    WHERE a.organization_id = m.organization_id AND a.actor_user_id = m.user_id
    ORDER BY a.created_at DESC
    LIMIT 3
) AS recent
WHERE m.organization_id = $1
ORDER BY u.display_name, recent.created_at DESC;

-- Deletes old audit rows in bounded batches.
-- name: PruneAuditLog :execrows
DELETE FROM audit_log
WHERE id IN (
    SELECT id FROM audit_log
    WHERE created_at < now() - @retention::interval
    ORDER BY id
    LIMIT @batch_size
);

-- Tenant overview for the dashboard: one row with several counts.
-- name: GetOrganizationOverview :one
SELECT o.id, o.name, o.plan,
       (SELECT count(*) FROM memberships m WHERE m.organization_id = o.id) AS members,
       (SELECT count(*) FROM projects p WHERE p.organization_id = o.id AND p.deleted_at IS NULL) AS projects,
       (SELECT count(*) FROM invitations i WHERE i.organization_id = o.id
            AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS pending_invitations,
       (SELECT max(a.created_at) FROM audit_log a WHERE a.organization_id = o.id) AS last_activity_at
FROM organizations o
WHERE o.id = $1;
