-- name: ListAccounts :many
SELECT * FROM accounts
WHERE owner = sqlc.arg(owner) AND currency = sqlc.arg('currency')
ORDER BY id
LIMIT @page_size OFFSET @page_offset;

-- name: AddAccountBalance :one
UPDATE accounts SET balance = balance + sqlc.arg(amount) WHERE id = sqlc.arg(id) RETURNING *;

-- name: UpdateOwner :exec
UPDATE accounts SET owner = COALESCE(sqlc.narg(owner), owner) WHERE id = @id;

-- name: ListAccountsByIds :many
SELECT * FROM accounts WHERE id = ANY(@ids::bigint[]) AND balance > @min_balance;

-- `IN (sqlc.slice(x))` is sent as `= ANY($n)`, `NOT IN` as `<> ALL($n)`: one statement, any list.
-- name: ListAccountsInOrNotIn :many
SELECT id FROM accounts WHERE id IN (sqlc.slice(ids)) AND currency NOT IN (sqlc.slice('skipped'));
