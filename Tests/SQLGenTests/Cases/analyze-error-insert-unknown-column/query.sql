-- name: CreateAccount :one
INSERT INTO accounts (owner, balanse, currency)
VALUES ($1, $2, $3)
RETURNING *;
