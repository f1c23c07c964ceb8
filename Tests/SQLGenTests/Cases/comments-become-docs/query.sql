-- Returns the account with this id.
--
-- Locks nothing.
-- name: GetAccount :one
SELECT * FROM accounts WHERE id = $1;

-- name: GetUser :one
SELECT * FROM users WHERE username = $1;
