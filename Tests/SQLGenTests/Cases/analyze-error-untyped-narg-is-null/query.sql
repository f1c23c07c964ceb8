-- name: SearchAccounts :many
SELECT * FROM accounts
WHERE (sqlc.narg(owner) IS NULL OR owner = sqlc.narg(owner))
ORDER BY id;
