-- name: GetAccount :one
SELECT id, owner FROM accounts WHERE id = $1;
