-- Opens an account with an initial balance.
-- name: CreateAccount :one
INSERT INTO accounts (
    owner,
    balance,
    currency
) VALUES (
    $1, $2, $3
) RETURNING *;

-- name: GetAccount :one
SELECT * FROM accounts
WHERE id = $1 LIMIT 1;

-- Reads an account and locks its row until the transaction ends. FOR NO KEY UPDATE
-- does not block inserts of entries and transfers that reference the account, which
-- is what keeps concurrent transfers from deadlocking on the foreign keys.
-- name: GetAccountForUpdate :one
SELECT * FROM accounts
WHERE id = $1 LIMIT 1
FOR NO KEY UPDATE;

-- Reads two accounts and locks both rows until the transaction ends, always the lower id
-- first: the rows are locked as the sorted result is produced, so two transactions that
-- lock the same pair in either direction queue instead of deadlocking. Fewer than two rows
-- means an id does not exist.
-- name: GetAccountPairForUpdate :many
SELECT * FROM accounts
WHERE id IN (sqlc.arg(first_id), sqlc.arg(second_id))
ORDER BY id
FOR NO KEY UPDATE;

-- A page of one owner's accounts, oldest first.
-- name: ListAccounts :many
SELECT * FROM accounts
WHERE owner = $1
ORDER BY id
LIMIT $2
OFFSET $3;

-- name: UpdateAccount :one
UPDATE accounts
SET balance = $2
WHERE id = $1
RETURNING *;

-- Adds a signed amount to a balance in one statement, so concurrent updates cannot
-- lose each other's changes.
-- name: AddAccountBalance :one
UPDATE accounts
SET balance = balance + sqlc.arg(amount)
WHERE id = sqlc.arg(id)
RETURNING *;

-- Adds a signed amount to a balance only when the result stays at or above zero. The test
-- and the write are one statement on one row version (under READ COMMITTED PostgreSQL
-- re-checks the WHERE clause on the newest version after waiting for a concurrent writer),
-- so two debits cannot both pass the check and overdraw the account.
-- No row means the account is missing or the money is not there.
-- name: AddAccountBalanceNoOverdraft :one
UPDATE accounts
SET balance = balance + sqlc.arg(amount)
WHERE id = sqlc.arg(id) AND balance + sqlc.arg(amount) >= 0
RETURNING *;

-- name: DeleteAccount :exec
DELETE FROM accounts
WHERE id = $1;
