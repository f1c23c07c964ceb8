-- name: GetAccount :one
SELECT * FROM accounts WHERE id = $1;

-- name: CreateAccount :one
INSERT INTO accounts (owner, balance) VALUES ($1, $2) RETURNING *;

-- name: ListEntries :many
SELECT * FROM entries WHERE account_id = $1;
