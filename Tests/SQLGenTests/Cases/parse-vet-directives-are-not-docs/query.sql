-- Reads one account.
-- vet: ignore select-star -- the row is the Account model
-- name: GetAccount :one
SELECT * FROM accounts WHERE id = $1;

-- vet: ignore
-- name: ResetBalances :exec
UPDATE accounts SET balance = 0;

-- name: ListAccounts :many
-- vet: ignore limit-without-order-by
SELECT id FROM accounts ORDER BY id DESC LIMIT $1;
