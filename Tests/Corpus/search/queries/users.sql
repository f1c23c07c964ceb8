-- Registers a user; the email is case-insensitive (citext).
-- name: CreateUser :one
INSERT INTO users (email, name, locale)
VALUES ($1, $2, $3)
RETURNING *;

-- name: GetUser :one
SELECT * FROM users
WHERE id = $1;

-- Looks a user up by email regardless of case.
-- name: GetUserByEmail :one
SELECT id, email, name, locale, bio, created_at
FROM users
WHERE email = @email;

-- name: UpdateUserProfile :one
UPDATE users
SET name = coalesce(sqlc.narg(name), name),
    bio = sqlc.narg(bio),
    locale = coalesce(sqlc.narg(locale), locale)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteUser :execrows
DELETE FROM users WHERE id = $1;

-- Autocomplete for @-mentions: trigram similarity on the display name.
-- name: SuggestUsers :many
SELECT id, name, email, similarity(name, @term) AS score
FROM users
WHERE name % @term OR email ILIKE @term || '%'
ORDER BY score DESC, name
LIMIT @max_results;

-- Fuzzy people search, ignoring accents on both sides.
-- name: SearchUsersUnaccented :many
SELECT id, name
FROM users
WHERE unaccent(name) ILIKE '%' || unaccent(@q::text) || '%'
ORDER BY name
LIMIT 20;

-- name: CountUsersByEmailDomain :many
SELECT split_part(email::text, '@', 2) AS domain, count(*) AS users
FROM users
GROUP BY domain
ORDER BY users DESC;

-- name: CreateWorkspace :one
INSERT INTO workspaces (owner_id, name, slug)
VALUES (@owner_id, @name, lower(@slug))
RETURNING *;

-- name: GetWorkspaceBySlug :one
SELECT * FROM workspaces WHERE slug = $1;

-- Workspaces a user owns, with document counts.
-- name: ListWorkspacesForOwner :many
SELECT w.id, w.name, w.slug, count(d.id) AS document_count, max(d.updated_at) AS last_edit
FROM workspaces w
LEFT JOIN documents d ON d.workspace_id = w.id AND d.archived_at IS NULL
WHERE w.owner_id = $1
GROUP BY w.id
ORDER BY last_edit DESC NULLS LAST;

-- name: RenameWorkspace :exec
UPDATE workspaces SET name = $2 WHERE id = $1;
