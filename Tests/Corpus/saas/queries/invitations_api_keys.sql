-- Creates or refreshes a pending invitation for an email address.
-- name: UpsertInvitation :one
INSERT INTO invitations (organization_id, email, role, token_hash, invited_by, expires_at)
VALUES (@organization_id, @email, @role, @token_hash, @invited_by, now() + @valid_for::interval)
ON CONFLICT (organization_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL
DO UPDATE SET token_hash = excluded.token_hash,
              role = excluded.role,
              invited_by = excluded.invited_by,
              expires_at = excluded.expires_at
RETURNING id, organization_id, email, role, expires_at, (xmax = 0) AS inserted;

-- Finds a usable invitation by its token.
-- name: GetPendingInvitationByToken :one
SELECT i.*, o.name AS organization_name
FROM invitations i
JOIN organizations o ON o.id = i.organization_id
WHERE i.token_hash = sha256(@token::bytea)
  AND i.accepted_at IS NULL
  AND i.revoked_at IS NULL
  AND i.expires_at > now()
  AND o.deleted_at IS NULL;

-- name: ListPendingInvitations :many
SELECT id, email, role, invited_by, expires_at, created_at,
       expires_at < now() AS expired
FROM invitations
WHERE organization_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
ORDER BY created_at DESC;

-- Accepts an invitation and creates the membership in one statement.
-- name: AcceptInvitation :one
WITH accepted AS (
    UPDATE invitations
    SET accepted_at = now()
    WHERE id = @invitation_id
      AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
    RETURNING organization_id, role
)
INSERT INTO memberships (organization_id, user_id, role)
SELECT organization_id, @user_id, role FROM accepted
ON CONFLICT (organization_id, user_id) DO NOTHING
RETURNING organization_id, user_id, role;

-- name: RevokeInvitation :execrows
UPDATE invitations SET revoked_at = now()
WHERE id = $1 AND organization_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL;

-- name: DeleteExpiredInvitations :execrows
DELETE FROM invitations
WHERE accepted_at IS NULL AND expires_at < now() - interval '30 days';

-- name: CreateAPIKey :one
INSERT INTO api_keys (organization_id, name, prefix, key_hash, scopes, created_by, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id, organization_id, name, prefix, scopes, expires_at, created_at;

-- Authenticates a request: the prefix finds the key, the hash proves it.
-- name: AuthenticateAPIKey :one
SELECT k.id, k.organization_id, k.scopes, o.plan
FROM api_keys k
JOIN organizations o ON o.id = k.organization_id
WHERE k.prefix = @prefix
  AND k.key_hash = @key_hash
  AND k.revoked_at IS NULL
  AND (k.expires_at IS NULL OR k.expires_at > now())
  AND o.deleted_at IS NULL;

-- Records use at most once a minute to spare writes.
-- name: TouchAPIKey :exec
UPDATE api_keys SET last_used_at = now()
WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');

-- name: ListAPIKeys :many
SELECT id, name, prefix, scopes, last_used_at, expires_at, revoked_at, created_at,
       CASE
           WHEN revoked_at IS NOT NULL THEN 'revoked'
           WHEN expires_at IS NOT NULL AND expires_at <= now() THEN 'expired'
           ELSE 'active'
       END AS status
FROM api_keys
WHERE organization_id = $1
ORDER BY created_at DESC;

-- name: RevokeAPIKey :execrows
UPDATE api_keys SET revoked_at = now()
WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL;

-- Keys that carry a scope.
-- name: ListAPIKeysWithScope :many
SELECT id, name, prefix
FROM api_keys
WHERE organization_id = @organization_id
  AND @scope::text = ANY(scopes)
  AND revoked_at IS NULL;

-- Adds scopes to a key without duplicates.
-- name: AddAPIKeyScopes :one
UPDATE api_keys
SET scopes = ARRAY(SELECT DISTINCT unnest(scopes || @new_scopes::text[]) ORDER BY 1)
WHERE id = @id AND organization_id = @organization_id
RETURNING scopes;

-- name: CountActiveAPIKeys :one
SELECT count(*) AS active_keys
FROM api_keys
WHERE organization_id = $1 AND revoked_at IS NULL
  AND (expires_at IS NULL OR expires_at > now());
