-- name: CreateEntry :one
INSERT INTO entries (account_id, amount)
VALUES (@account_id, @amount, @note)
RETURNING *;
