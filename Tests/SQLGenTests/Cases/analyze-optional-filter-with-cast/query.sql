-- name: SearchAccounts :many
SELECT * FROM accounts
WHERE (sqlc.narg(owner)::text IS NULL OR owner = sqlc.narg(owner))
  AND (sqlc.narg(min_balance)::bigint IS NULL OR balance >= sqlc.narg(min_balance))
ORDER BY id;
