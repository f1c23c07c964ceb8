-- name: GetAccount :one
SELECT * FROM bank.accounts WHERE id = $1;

-- name: ListNotes :many
SELECT * FROM notes ORDER BY id;
