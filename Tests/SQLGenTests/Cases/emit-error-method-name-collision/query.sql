-- name: GetAccount :one
SELECT id, owner FROM accounts WHERE id = $1;

-- name: get_account :one
SELECT id, owner FROM accounts WHERE id = $1;
