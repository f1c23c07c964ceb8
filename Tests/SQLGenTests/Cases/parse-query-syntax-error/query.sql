-- name: GetAccount :one
SELECT id, owner FROM accounts WHERE id = $1;

-- name: ListAccounts :many
selectt id, owner FROM accounts;
