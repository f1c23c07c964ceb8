-- name: CreateTransfer :one
INSERT INTO transfers (
    from_account_id,
    to_account_id,
    amount
) VALUES (
    $1, $2, $3
) RETURNING *;

-- name: GetTransfer :one
SELECT * FROM transfers
WHERE id = $1 LIMIT 1;

-- A page of the transfers between two accounts, in either direction, oldest first.
-- name: ListTransfers :many
SELECT * FROM transfers
WHERE
    from_account_id = $1 OR
    to_account_id = $2
ORDER BY id
LIMIT $3
OFFSET $4;

-- Posts a transfer in one statement: the transfer row, a negative entry on the source, a
-- positive one on the destination, and both balances. Run it inside a transaction that
-- holds both accounts' row locks (GetAccountPairForUpdate): the statement's parts run in
-- no defined order. The debit refuses to overdraw; no row back means it refused, and the
-- transaction must be rolled back because the other parts have run.
-- name: PostTransfer :one
WITH transfer AS (
    INSERT INTO transfers (from_account_id, to_account_id, amount)
    VALUES (sqlc.arg(from_account_id), sqlc.arg(to_account_id), sqlc.arg(amount))
    RETURNING id, created_at
), from_entry AS (
    INSERT INTO entries (account_id, amount)
    VALUES (sqlc.arg(from_account_id), -sqlc.arg(amount)::bigint)
    RETURNING id, created_at
), to_entry AS (
    INSERT INTO entries (account_id, amount)
    VALUES (sqlc.arg(to_account_id), sqlc.arg(amount))
    RETURNING id, created_at
), from_account AS (
    UPDATE accounts
    SET balance = balance - sqlc.arg(amount)
    WHERE id = sqlc.arg(from_account_id) AND balance >= sqlc.arg(amount)
    RETURNING balance
), to_account AS (
    UPDATE accounts
    SET balance = balance + sqlc.arg(amount)
    WHERE id = sqlc.arg(to_account_id)
    RETURNING balance
)
SELECT
    transfer.id AS transfer_id,
    transfer.created_at AS transfer_created_at,
    from_entry.id AS from_entry_id,
    from_entry.created_at AS from_entry_created_at,
    to_entry.id AS to_entry_id,
    to_entry.created_at AS to_entry_created_at,
    from_account.balance AS from_balance,
    to_account.balance AS to_balance
FROM transfer, from_entry, to_entry, from_account, to_account;
