-- name: ListAccounts :many
SELECT id, balance FROM accounts
WHERE ownr = @owner
ORDER BY id;
