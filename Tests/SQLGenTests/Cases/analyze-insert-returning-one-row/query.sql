-- name: CreateEntry :one
INSERT INTO entries (account_id, amount, note)
VALUES (@account_id, @amount, @note)
RETURNING *;
