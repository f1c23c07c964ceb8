-- name: ListAccounts :many
SELECT * FROM accounts WHERE owner = $1 ORDER BY id;
