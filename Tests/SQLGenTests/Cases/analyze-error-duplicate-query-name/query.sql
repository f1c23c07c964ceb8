-- name: GetAccount :one
SELECT * FROM accounts WHERE id = @id;

-- name: GetAccount :one
SELECT * FROM accounts WHERE owner = @owner LIMIT 1;
