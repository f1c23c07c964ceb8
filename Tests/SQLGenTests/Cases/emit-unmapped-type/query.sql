-- name: GetHost :one
SELECT id, addr FROM hosts WHERE id = $1;
