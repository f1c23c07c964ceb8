-- name: CountAccounts :one
SELECT count(*) FROM accounts;
