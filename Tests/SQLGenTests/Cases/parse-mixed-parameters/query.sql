-- name: ListAccounts :many
SELECT id, owner FROM accounts
WHERE owner = @owner
ORDER BY id
LIMIT $1;
