-- name: GetAccount :one
SELECT id, currency FROM accounts WHERE id = $1;
