-- name: GetUser :one
SELECT * FROM users WHERE username = @username;

-- name: ListUsers :many
SELECT usrname FROM users ORDER BY username;

-- name: CreateEntry :exec
INSERT INTO entries (account_id, amount) VALUES (@account_id);

-- name: CountAccounts :one
SELECT count(*) FROM accounts;

-- name: TouchUser :one
UPDATE users SET full_name = full_name WHERE username = @username;
