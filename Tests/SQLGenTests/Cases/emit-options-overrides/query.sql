-- name: GetSession :one
SELECT * FROM sessions WHERE id = $1;

-- name: TouchSession :exec
UPDATE sessions SET last_ip = $1, expires_at = $2 WHERE id = $3;
