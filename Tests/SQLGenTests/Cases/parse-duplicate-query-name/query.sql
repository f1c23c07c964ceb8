-- name: GetAccount :one
SELECT id, owner FROM accounts WHERE id = $1;

-- name: GetAccount :many
SELECT id, owner FROM accounts WHERE owner = $1;
