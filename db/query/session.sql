-- Stores a login session: the refresh token handed to the client and where it logged in from.
-- name: CreateSession :one
INSERT INTO sessions (
    id,
    username,
    refresh_token,
    user_agent,
    client_ip,
    is_blocked,
    expires_at
) VALUES (
    $1, $2, $3, $4, $5, $6, $7
) RETURNING *;

-- name: GetSession :one
SELECT * FROM sessions
WHERE id = $1 LIMIT 1;

-- Blocks every active session of a user, e.g. after a password change; returns how many it blocked.
-- name: BlockUserSessions :execrows
UPDATE sessions
SET is_blocked = TRUE
WHERE username = $1 AND is_blocked = FALSE;
