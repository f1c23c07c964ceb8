-- name: CreateEntry :one
INSERT INTO entries (account_id, amount, note)
VALUES ($1, $2)
RETURNING *;
